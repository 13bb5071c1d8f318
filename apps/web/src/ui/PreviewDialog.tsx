/**
 * The report as the renderer prints it. On screen: a sandboxed iframe (no script in the report can
 * run). In print (the print button, Ctrl+P or the browser's menu while the preview is open): a copy
 * of the renderer's fragment in the page itself, with the renderer's stylesheet applied to print
 * only, while print CSS hides the form — a frame would be cut at the first page. The fragment is
 * the renderer's escaped HTML, parsed inertly and stripped of anything active before it is shown.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Messages } from "../i18n.js";
import type { Rendered } from "../io/render.js";

export interface PreviewDialogProps {
  rendered: Rendered;
  t: Messages;
  printOnOpen: boolean;
  onClose(): void;
}

/** The fragment's nodes, parsed without running anything and with no script, frame or handler left. */
function inertCopy(fragment: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${fragment}</body>`, "text/html");
  for (const el of doc.body.querySelectorAll("script,iframe,object,embed,link,style,img,svg")) el.remove();
  for (const el of doc.body.querySelectorAll("*"))
    for (const a of [...el.attributes])
      if (a.name.startsWith("on") || a.name === "href" || a.name === "src") el.removeAttribute(a.name);
  return [...doc.body.childNodes].map((n) => document.importNode(n, true));
}

function PrintCopy({ rendered }: { rendered: Rendered }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    el.replaceChildren(...inertCopy(rendered.fragment));
    const style = document.createElement("style");
    // The renderer's page box and faces, for printing only: on screen the form keeps its own styles.
    style.textContent = `@media print { ${rendered.css} }`;
    style.dataset.printCopy = "";
    document.head.append(style);
    return () => style.remove();
  }, [rendered]);
  return <div class="print-copy" ref={host} />;
}

export function PreviewDialog({ rendered, t, printOnOpen, onClose }: PreviewDialogProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  useEffect(() => {
    // After the print copy is in the page: the browser prints what is there when print() is called.
    if (printOnOpen) setTimeout(() => window.print(), 0);
  }, [printOnOpen]);
  return (
    <>
      <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="preview-title">
        <div class="dialog">
          <div class="dialog-bar">
            <h2 id="preview-title">{t.previewTitle}</h2>
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
            <button type="button" ref={closeButton} onClick={onClose}>
              {t.closePreview}
            </button>
          </div>
          <iframe title={t.previewTitle} sandbox="allow-same-origin" srcDoc={rendered.page} />
        </div>
      </div>
      <PrintCopy rendered={rendered} />
    </>
  );
}
