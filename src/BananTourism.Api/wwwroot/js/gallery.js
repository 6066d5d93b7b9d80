// Photo galleries: buttons and arrow keys move one photo; the counter follows swipes too. Thumbnails further along
// are swapped for the large size when they come into view, so a phone loads what it shows.
document.querySelectorAll('[data-gallery]').forEach(gallery => {
    const strip = gallery.querySelector('.gallery-strip');
    const items = Array.from(strip.children);
    const position = gallery.querySelector('[data-position]');
    const current = () => Math.round(strip.scrollLeft / Math.max(1, items[0].offsetWidth + 6));
    const show = index => {
        const target = items[Math.max(0, Math.min(items.length - 1, index))];
        strip.scrollTo({ left: target.offsetLeft - strip.offsetLeft, behavior: 'smooth' });
    };
    gallery.querySelectorAll('[data-step]').forEach(button =>
        button.addEventListener('click', () => show(current() + Number(button.dataset.step))));
    strip.addEventListener('keydown', event => {
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
            event.preventDefault();
            show(current() + (event.key === 'ArrowRight' ? 1 : -1));
        }
    });
    strip.addEventListener('scroll', () => {
        if (position) { position.textContent = `${current() + 1} / ${items.length}`; }
    }, { passive: true });
    const upgrade = new IntersectionObserver(entries => entries.forEach(entry => {
        const img = entry.target;
        if (entry.isIntersecting && img.dataset.large && img.src.indexOf(img.dataset.large) < 0) { img.src = img.dataset.large; }
    }), { root: strip, threshold: 0.1 });
    strip.querySelectorAll('img[data-large]').forEach(img => upgrade.observe(img));
});
