/**
 * The renderer, loaded on first use (preview, print, Word) so the form starts without it; `docx`
 * is loaded by the renderer itself only when a Word file is made.
 */
import type { Report } from "@gov-report/core/lite";

/** The report as printed: a whole page for the preview frame, and a fragment with its stylesheet for printing. */
export interface Rendered {
  page: string;
  fragment: string;
  /**
   * The stylesheet of the fragment: the renderer's REPORT_CSS and MARK_CSS, so that unread (未读)
   * and ambiguous ("45/4?") cells and their legend print as in the renderer's own HTML.
   */
  css: string;
}

export async function renderReport(report: Report): Promise<Rendered> {
  const { renderHtml, REPORT_CSS, MARK_CSS } = await import("@gov-report/renderer");
  return {
    page: renderHtml(report),
    fragment: renderHtml(report, { fragment: true }),
    css: REPORT_CSS + MARK_CSS,
  };
}

export async function renderReportDocx(report: Report): Promise<Uint8Array> {
  const { renderDocx } = await import("@gov-report/renderer");
  return renderDocx(report);
}
