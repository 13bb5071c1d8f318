/**
 * The report as the renderer prints it, in a sandboxed iframe: no script in the report can run
 * (no allow-scripts), while the page can still call print() on it (allow-same-origin, allow-modals).
 */
import { useEffect, useRef } from "preact/hooks";
import type { Messages } from "../i18n.js";

export interface PreviewDialogProps {
  html: string;
  t: Messages;
  printOnLoad: boolean;
  onClose(): void;
}

export function PreviewDialog({ html, t, printOnLoad, onClose }: PreviewDialogProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  const print = () => frame.current?.contentWindow?.print();
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="preview-title">
      <div class="dialog">
        <div class="dialog-bar">
          <h2 id="preview-title">{t.previewTitle}</h2>
          <button type="button" onClick={print}>
            {t.print}
          </button>
          <button type="button" ref={closeButton} onClick={onClose}>
            {t.closePreview}
          </button>
        </div>
        <iframe
          ref={frame}
          title={t.previewTitle}
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          onLoad={printOnLoad ? print : undefined}
        />
      </div>
    </div>
  );
}
