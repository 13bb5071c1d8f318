/** The report as @gov-report/renderer prints it, loaded on first use so the form starts without it. */
import type { Report } from "@gov-report/core/lite";

export async function renderPreview(report: Report): Promise<string> {
  const { renderHtml } = await import("@gov-report/renderer");
  return renderHtml(report, { annotate: true });
}
