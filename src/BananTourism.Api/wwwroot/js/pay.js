// The online payment step (Stripe Payment Element: card, Alipay, WeChat Pay). The server never sees card data;
// Stripe's webhook confirms the booking, so after Stripe sends the tourist back the page waits for that.
(function () {
    "use strict";
    const pending = document.getElementById("payment-pending");
    if (pending) {
        // Back from Stripe: the webhook usually lands within seconds. Look again every 3 s for a minute, then
        // leave it to the tourist (the booking page shows the result whenever it arrives).
        const query = new URLSearchParams(location.search);
        const waited = Number(query.get("waited") || "0");
        if (waited < 20) {
            query.set("waited", String(waited + 1));
            setTimeout(() => location.replace(location.pathname + "?" + query.toString()), 3000);
        } else {
            pending.textContent = pending.dataset.later;
        }
        return;
    }
    const form = document.getElementById("payment-form");
    if (!form) {
        return;
    }
    const message = document.getElementById("payment-message");
    const button = document.getElementById("pay");
    if (typeof window.Stripe !== "function") {
        message.textContent = form.dataset.unavailable;
        button.disabled = true;
        return;
    }
    const stripe = window.Stripe(form.dataset.key);
    const locale = document.documentElement.lang === "en" ? "en" : "zh";
    const elements = stripe.elements({ clientSecret: form.dataset.secret, locale });
    elements.create("payment").mount("#payment-element");
    form.addEventListener("submit", async event => {
        event.preventDefault();
        button.disabled = true;
        const { error } = await stripe.confirmPayment({ elements, confirmParams: { return_url: form.dataset.return } });
        if (error) {
            message.textContent = error.message || String(error);
            button.disabled = false;
        }
    });
})();
