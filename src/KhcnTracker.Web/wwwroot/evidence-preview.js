// Renders a PDF evidence file onto canvases in the page (the review page's preview), with pdf.js served by the portal
// itself: no plugin, no frame, no eval (isEvalSupported: false keeps to the CSP's script-src 'self').
import * as pdfjs from "./lib/pdfjs/pdf.min.mjs";

pdfjs.GlobalWorkerOptions.workerSrc = new URL("./lib/pdfjs/pdf.worker.min.mjs", import.meta.url).href;

// Draws at most maxPages pages of the file at url into container, one canvas each; answers the file's page count.
// The container says what it drew (data-pages, data-rendered) for whoever checks.
export async function renderPdf(container, url, maxPages, pageLabel) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = new Uint8Array(await response.arrayBuffer());
    const pdf = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
    container.replaceChildren();
    const width = Math.max(240, container.clientWidth || 800);
    const ratio = window.devicePixelRatio || 1;
    let drawn = 0;
    for (let number = 1; number <= Math.min(pdf.numPages, maxPages); number++) {
        const page = await pdf.getPage(number);
        const scale = width / page.getViewport({ scale: 1 }).width;
        const viewport = page.getViewport({ scale: scale * ratio });
        const canvas = document.createElement("canvas");
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = "100%";
        canvas.className = "pdf-page";
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", pageLabel.replace("{0}", number));
        container.appendChild(canvas);
        await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
        drawn++;
    }
    const pages = pdf.numPages;
    container.dataset.pages = String(pages);
    container.dataset.rendered = String(drawn);
    await pdf.destroy();
    return pages;
}
