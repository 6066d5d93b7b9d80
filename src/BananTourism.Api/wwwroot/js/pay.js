// The online payment step (Stripe Payment Element: card, Alipay, WeChat Pay). The server never sees card data;
// Stripe's webhook confirms the booking, so after Stripe sends the tourist back the page waits for that.
(function () {
    "use strict";
    const pending = document.getElementById("payment-pending");
    if (pending) {
        // Back from Stripe: the webhook usually lands within seconds; look again until the booking is no longer held.
        setTimeout(() => location.replace(location.pathname + location.search), 3000);
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
