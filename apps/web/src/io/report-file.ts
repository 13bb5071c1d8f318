/** Reading a chosen file and offering a report for download. */
import { type ValidationIssue, validateReport } from "@gov-report/core/lite";
import type { DraftReport } from "./model/draft.js";

export type OpenResult =
  | { ok: true; report: DraftReport }
  | { ok: false; reason: "json"; detail: string }
  | { ok: false; reason: "structure"; issues: ValidationIssue[] };

/** A report file's text checked: JSON, then the report's structure (勾稽 errors are allowed: they are what a reviewer looks for). */
export function parseReportFile(text: string): OpenResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, reason: "json", detail: e instanceof Error ? e.message : String(e) };
  }
  const result = validateReport(data);
  if (!result.report)
    return { ok: false, reason: "structure", issues: result.issues.filter((i) => i.severity === "error") };
  return { ok: true, report: result.report as unknown as DraftReport };
}

/** The file name a report is saved under: agency, year, edition. */
export function reportFileName(report: DraftReport): string {
  const name = (report.agency as { name?: unknown } | undefined)?.name;
  const agency = typeof name === "string" && name.trim() ? name.trim().replace(/[\\/:*?"<>|\s]+/g, "_") : "report";
  const year = typeof report.year === "number" ? report.year : "draft";
  return `${agency}-${year}.json`;
}

export function reportJson(report: DraftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Starts a download of the text (no server: a blob URL on a temporary link). */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Opens the browser's file picker for one JSON file; resolves with its name and text. */
export function pickJsonFile(): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, text: await file.text() } : undefined);
    });
    input.click();
  });
}
