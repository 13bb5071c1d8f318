/** The renderer for each output format, loaded only for that format (PDF starts Chromium). */
import type { Report } from "@gov-report/core/lite";
import { CliError } from "../util/errors.js";
import { t } from "../util/i18n.js";

export type RenderFormat = "html" | "md" | "txt" | "docx" | "pdf";

type Render = (reports: Report[]) => Promise<(string | Uint8Array)[]>;

/** Reports per call: PDF prints several per Chromium job (fonts embedded once); others go one by one. */
const PDF_CHUNK = 10;

export async function makeRenderer(opts: {
  to: RenderFormat;
  annotate?: boolean;
}): Promise<{ render: Render; chunk: number; close: () => Promise<void> }> {
  const annotate = opts.annotate ? { annotate: true } : {};
  const none = async () => undefined;
  const each =
    (one: (r: Report) => string | Uint8Array | Promise<string | Uint8Array>): Render =>
    (reports) =>
      Promise.all(reports.map((r) => one(r)));
  if (opts.to === "pdf") {
    const { PdfRenderer, ChromiumNotFoundError, PageNumberFontError, CHROMIUM_INSTALL_HINT } = await import(
      "@gov-report/renderer/pdf"
    );
    try {
      const pdf = await PdfRenderer.launch({ batchSize: PDF_CHUNK });
      return { render: (reports) => pdf.renderMany(reports, annotate), chunk: PDF_CHUNK, close: () => pdf.close() };
    } catch (e) {
      if (e instanceof ChromiumNotFoundError)
        throw new CliError(
          t(
            `找不到 Chromium（输出 PDF 需要它和中文字体）：请运行 ${CHROMIUM_INSTALL_HINT}，或用 CHROMIUM_PATH 指定其位置。`,
            e.message,
          ),
        );
      if (e instanceof PageNumberFontError)
        throw new CliError(
          t("找不到 Liberation Serif 字体（PDF 页码用它排版）：请运行 apt-get install fonts-liberation。", e.message),
        );
      throw e;
    }
  }
  const renderer = await import("@gov-report/renderer");
  switch (opts.to) {
    case "html":
      return { render: each((r) => renderer.renderHtml(r, annotate)), chunk: 1, close: none };
    case "md":
      return { render: each((r) => renderer.renderMarkdown(r, annotate)), chunk: 1, close: none };
    case "txt":
      return { render: each((r) => renderer.renderText(r, annotate)), chunk: 1, close: none };
    case "docx":
      return { render: each((r) => renderer.renderDocx(r)), chunk: 1, close: none };
  }
}
