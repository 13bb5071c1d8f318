/**
 * The original PDF's pages drawn by pdf.js in the browser (no plug-in, no server-side tool): the
 * PDF is fetched from the desk, read with scripting and eval off, and each page painted on a canvas.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "./i18n.js";

export function PdfPages({ url }: { url: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "done" | string>("loading");
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      const worker = await import("pdfjs-dist/build/pdf.worker.min.mjs?url");
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const bytes = new Uint8Array(await (await fetch(url, { credentials: "same-origin" })).arrayBuffer());
      const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false }).promise;
      const el = host.current;
      if (!el || cancelled) return;
      el.replaceChildren();
      for (let n = 1; n <= doc.numPages && !cancelled; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.3 });
        const canvas = document.createElement("canvas");
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.setAttribute("aria-label", t(`第 ${n} 页`, `page ${n}`));
        canvas.className = "pdf-page";
        el.append(canvas);
        await page.render({ canvas, canvasContext: canvas.getContext("2d")!, viewport }).promise;
      }
      if (!cancelled) setState("done");
    })().catch((e: Error) => !cancelled && setState(e.message));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <div>
      {state === "loading" && <p class="muted">{t("正在显示原件…", "Drawing the original…")}</p>}
      {state !== "loading" && state !== "done" && (
        <p class="error">{t(`无法显示 PDF：${state}`, `Cannot show the PDF: ${state}`)}</p>
      )}
      <div ref={host} class="pdf-pages" data-testid="pdf-pages" />
    </div>
  );
}
