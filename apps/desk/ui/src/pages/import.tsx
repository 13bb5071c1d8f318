/**
 * Import: choose or drop files (PDF, Word, HTML, text, JSON) or a .zip. Files are sent one by one
 * (a few at once) with a progress bar; a .zip is imported by the server in the background and its
 * progress polled. Every file that cannot be read is listed with the reason; the rest go on.
 */
import { useState } from "preact/hooks";
import { api, type BatchStarted, type BatchStatus, csrfToken, type ImportSummary, postBytes } from "../api.js";
import { t } from "../i18n.js";

interface Row {
  name: string;
  status: "waiting" | "created" | "existing" | "unreadable";
  reason?: string;
  summary?: ImportSummary;
  reportId?: number | null;
}

const AT_ONCE = 3;

type Progress = { done: number; total: number };

export function ImportPage({ canWrite }: { canWrite: boolean }) {
  const { rows, progress, importFiles } = useImport();
  if (!canWrite) return <p>{t("只读账户不能导入报告。", "A viewer cannot import reports.")}</p>;
  const failed = rows.filter((r) => r.status === "unreadable");
  return (
    <section>
      <h2>{t("导入报告", "Import reports")}</h2>
      <DropZone onFiles={importFiles} />
      {progress && (
        <div class="progress" role="status">
          <progress max={progress.total || 1} value={progress.done} />
          <span>
            {t(`已处理 ${progress.done} / ${progress.total}`, `${progress.done} of ${progress.total} done`)}
            {failed.length ? t(`，${failed.length} 个无法读取`, `, ${failed.length} unreadable`) : ""}
          </span>
        </div>
      )}
      {rows.length > 0 && <ResultTable rows={rows} />}
    </section>
  );
}

/** Sends one file; the row says what became of it (a network failure is an unreadable row too). */
async function uploadOne(f: File): Promise<Row> {
  try {
    const res = await fetch(`/api/reports?filename=${encodeURIComponent(f.name)}`, {
      method: "POST",
      body: f,
      headers: { "X-CSRF-Token": csrfToken() },
    });
    const body = await res.json();
    return res.ok
      ? { name: f.name, status: res.status === 201 ? "created" : "existing", summary: body, reportId: body.id }
      : { name: f.name, status: "unreadable", reason: t(body.error?.message ?? "", body.error?.messageEn ?? "") };
  } catch (e) {
    return { name: f.name, status: "unreadable", reason: (e as Error).message };
  }
}

/** The import state: the rows of the files sent so far, the progress, and the action that sends files. */
function useImport() {
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);

  const importFiles = async (files: File[]) => {
    const zips = files.filter((f) => /\.zip$/i.test(f.name));
    const singles = files.filter((f) => !/\.zip$/i.test(f.name));
    const list: Row[] = singles.map((f) => ({ name: f.name, status: "waiting" }));
    setRows([...list]);
    let done = 0;
    const total = singles.length;
    setProgress({ done, total });
    let next = 0;
    const worker = async () => {
      while (next < singles.length) {
        const i = next++;
        list[i] = await uploadOne(singles[i]!);
        done++;
        setProgress({ done, total });
        setRows([...list]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, singles.length) }, worker));
    for (const z of zips) await importZip(z, list, setRows, setProgress);
  };
  return { rows, progress, importFiles };
}

/** Sends a .zip for the server to import in the background and polls its progress until it ends. */
async function importZip(z: File, before: Row[], setRows: (r: Row[]) => void, setProgress: (p: Progress) => void) {
  try {
    const { id, total } = await postBytes<BatchStarted>(`/api/imports?filename=${encodeURIComponent(z.name)}`, z);
    setProgress({ done: 0, total });
    for (;;) {
      const s = await api<BatchStatus>(`/api/imports/${id}`);
      setProgress({ done: s.done, total: s.total });
      setRows([
        ...before,
        ...s.items.map((i) => ({
          name: `${z.name} › ${i.filename}`,
          status: i.status,
          reason: i.reason ? t(i.reason.zh, i.reason.en) : undefined,
          reportId: i.reportId,
        })),
      ]);
      if (s.status !== "running") break;
      await new Promise((r) => setTimeout(r, 700));
    }
  } catch (e) {
    setRows([...before, { name: z.name, status: "unreadable", reason: (e as Error).message }]);
  }
}

function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  return (
    <label
      class={`drop ${over ? "over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <p>{t("把文件或 .zip 压缩包拖到这里，或点击选择文件", "Drop files or a .zip here, or click to choose")}</p>
      <p class="muted">
        {t(
          "支持 PDF、Word（.docx）、网页（.html）、文本（.txt）、报告 JSON",
          "PDF, Word (.docx), web pages (.html), text (.txt), report JSON",
        )}
      </p>
      <input
        type="file"
        multiple
        accept=".pdf,.docx,.doc,.html,.htm,.txt,.json,.zip"
        data-testid="file-input"
        onChange={(e) => onFiles([...((e.target as HTMLInputElement).files ?? [])])}
      />
    </label>
  );
}

function resultText(r: Row): string {
  if (r.status === "waiting") return t("等待中…", "waiting…");
  if (r.status === "created")
    return r.summary && r.summary.version > 1
      ? t(`新版本（第 ${r.summary.version} 版）`, `new version (${r.summary.version})`)
      : t("已导入", "imported");
  if (r.status === "existing") return t("已导入过（相同文件）", "already imported (same bytes)");
  return `${t("无法读取", "unreadable")}：${r.reason ?? ""}`;
}

function ResultTable({ rows }: { rows: Row[] }) {
  return (
    <table class="list">
      <thead>
        <tr>
          <th>{t("文件", "File")}</th>
          <th>{t("结果", "Result")}</th>
          <th>{t("报告", "Report")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr class={r.status === "unreadable" ? "failed" : ""}>
            <td>{r.name}</td>
            <td>{resultText(r)}</td>
            <td>
              {r.reportId ? (
                <a href={`#/report/${r.reportId}`}>
                  {r.summary ? `${r.summary.agency} ${r.summary.year}` : t("查看", "open")}
                </a>
              ) : (
                ""
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
