// The scale-side keypad: big keys that type into the quantity field last touched, for gloved or wet hands. The fields
// also take the phone's own decimal keyboard, so the form works without this script.
(function () {
    "use strict";
    const keypad = document.getElementById("keypad");
    const fields = Array.from(document.querySelectorAll("#weigh-form .quantity"));
    if (!keypad || fields.length === 0) {
        return;
    }
    keypad.hidden = false;
    const total = document.getElementById("running-total");
    let target = fields[0];
    fields.forEach(f => {
        f.addEventListener("focus", () => { target = f; });
        f.addEventListener("input", showTotal);
    });

    // The receipt's total as the server will compute it: thousandths of a unit × fen, summed, rounded half-up once.
    // Integers only (a line is at most 10^7 × 10^7 < 2^53), so the figure shown is the figure charged.
    function thousandths(text) {
        const m = /^(\d{1,5})(?:[.,](\d{0,3}))?$/.exec(text.trim());
        return m ? Number(m[1]) * 1000 + Number((m[2] || "").padEnd(3, "0")) : null;
    }
    function showTotal() {
        let exact = 0;
        for (const f of fields) {
            const q = f.value.trim() === "" ? 0 : thousandths(f.value);
            if (q === null) {
                total.hidden = true;
                return;
            }
            exact += q * Number(f.dataset.price);
        }
        const fen = Math.floor((exact + 500) / 1000);
        total.textContent = total.dataset.label + " ¥" + (fen / 100).toFixed(2).replace(/\.?0+$/, ""); // as the pages write yuan
        total.hidden = exact === 0;
    }
    keypad.addEventListener("click", event => {
        const key = event.target.closest("button")?.dataset.key;
        if (!key) {
            return;
        }
        let value = target.value;
        if (key === "⌫") {
            value = value.slice(0, -1);
        } else if (key === ".") {
            // Stems and pieces are counted: no decimals. A weight takes one point.
            if (target.dataset.counted !== "true" && !value.includes(".")) {
                value = (value || "0") + ".";
            }
        } else if (!/\.\d{3}$/.test(value)) {
            value = value === "0" ? key : value + key;
        }
        target.value = value;
        showTotal();
    });
    showTotal();
})();
