// Check-in by camera: where the browser can open a camera, a button scans the ticket's QR into the code field and
// submits. The native BarcodeDetector is used where it exists, jsQR (vendored) elsewhere. Typing always works.
(function () {
    "use strict";
    const area = document.getElementById("scan-area");
    const input = document.getElementById("f-code");
    if (!area || !input || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return;
    }
    area.hidden = false;
    const button = document.getElementById("scan-start");
    const video = document.getElementById("scan-video");
    const status = document.getElementById("scan-status");
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    let stream = null;

    function stop() {
        if (stream) {
            stream.getTracks().forEach(t => t.stop());
            stream = null;
        }
        video.hidden = true;
    }

    async function decode() {
        if (detector) {
            const found = await detector.detect(video);
            return found.length > 0 ? found[0].rawValue : null;
        }
        if (typeof window.jsQR !== "function" || video.videoWidth === 0) {
            return null;
        }
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        return found ? found.data : null;
    }

    async function tick() {
        if (!stream) {
            return;
        }
        try {
            const code = await decode();
            if (code) {
                stop();
                input.value = code.trim();
                input.form.requestSubmit();
                return;
            }
        } catch (e) {
            status.textContent = String(e);
        }
        requestAnimationFrame(tick);
    }

    button.addEventListener("click", async () => {
        try {
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
            video.srcObject = stream;
            video.hidden = false;
            await video.play();
            status.textContent = "";
            requestAnimationFrame(tick);
        } catch (e) {
            status.textContent = button.dataset.denied || String(e);
            stop();
        }
    });
    window.addEventListener("pagehide", stop);
})();
