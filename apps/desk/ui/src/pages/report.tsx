/**
 * One report: the official layout with annotated cells (the renderer's HTML, in a sandboxed
 * frame) beside the original (PDF pages drawn by pdf.js; HTML and text shown as text), and every
 * finding with confirm / dismiss (a reason required) / note.
 */
import { useEffect, useState } from "preact/hooks";
import { api, type Finding, getText, post, type ReportDetail } from "../api.js";
import { t } from "../i18n.js";
import { PdfPages } from "../pdfview.js";

function Original({ d }: { d: ReportDetail }) {
  const [text, setText] = useState<string | null>(null);
  const base = `/api/reports/${d.id}`;
  const v = `version=${d.version}`;
  useEffect(() => {
    setText(null);
    if (d.kind === "html" || d.kind === "text" || d.kind === "json")
      getText(`${base}/text?${v}`).then(setText, () => setText(""));
  }, [d.id, d.version]);
  return (
    <div class="original">
      <div class="pane-head">
        <h3>{t("原件", "Original")}</h3>
        <span class="muted filename">{d.filename}</span>
        <a class="button" href={`${base}/original?${v}`} download>
          {t("下载原件", "Download")}
        </a>
      </div>
      {d.kind === "pdf" ? (
        <PdfPages url={`${base}/original?${v}`} />
      ) : d.kind === "docx" ? (
        <p class="muted">
          {t("Word 文件无法在浏览器中显示，请下载查看。", "Word files cannot be shown here; download to view.")}
        </p>
      ) : (
        <pre class="source" data-testid="original-text">
          {text ?? t("正在载入…", "Loading…")}
        </pre>
      )}
    </div>
  );
}

function DecisionForm({ f, onDone }: { f: Finding; onDone: () => void }) {
  const [mode, setMode] = useState<"none" | "dismiss" | "note">("none");
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const send = async (path: string, body: unknown) => {
    try {
      await post(path, body);
      setMode("none");
      setText("");
      setError("");
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div class="decide">
      <button type="button" onClick={() => send(`/api/findings/${f.id}/decision`, { decision: "confirmed" })}>
        {t("确认", "Confirm")}
      </button>
      <button type="button" onClick={() => setMode(mode === "dismiss" ? "none" : "dismiss")}>
        {t("驳回", "Dismiss")}
      </button>
      <button type="button" onClick={() => setMode(mode === "note" ? "none" : "note")}>
        {t("备注", "Note")}
      </button>
      {mode !== "none" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (mode === "dismiss") send(`/api/findings/${f.id}/decision`, { decision: "dismissed", reason: text });
            else send(`/api/findings/${f.id}/note`, { note: text });
          }}
        >
          <input
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
            placeholder={mode === "dismiss" ? t("驳回理由（必填）", "Reason (required)") : t("备注", "Note")}
            aria-label={mode === "dismiss" ? t("驳回理由", "Reason") : t("备注", "Note")}
            required
            maxLength={2000}
          />
          <button type="submit">{t("保存", "Save")}</button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function FindingRow({ f, canWrite, onDone }: { f: Finding; canWrite: boolean; onDone: () => void }) {
  const d = f.decision;
  return (
    <li class={`finding ${f.severity} ${f.resolvedIn ? "resolved" : ""}`} data-finding={f.id}>
      <div>
        <span class={`sev ${f.severity}`}>{f.severity === "error" ? t("错误", "Error") : t("提示", "Warning")}</span>{" "}
        <span class="msg">{t(f.message, f.messageEn)}</span> <code>{f.code}</code>
      </div>
      <div class="state">
        {f.resolvedIn && (
          <span class="badge resolved">{t(`第 ${f.resolvedIn} 版已解决`, `resolved in version ${f.resolvedIn}`)}</span>
        )}
        {d?.decision === "confirmed" && <span class="badge confirmed">{t("已确认", "confirmed")}</span>}
        {d?.decision === "dismissed" && (
          <span class="badge dismissed">
            {t("已驳回", "dismissed")}：{d.reason}
          </span>
        )}
        {d?.note && (
          <span class="note">
            {t("备注", "Note")}：{d.note}
          </span>
        )}
        {d && (
          <span class="muted">
            {d.by} · {d.at.slice(0, 16).replace("T", " ")}
          </span>
        )}
      </div>
      {canWrite && !f.resolvedIn && <DecisionForm f={f} onDone={onDone} />}
    </li>
  );
}

export function ReportPage({ id, canWrite, query }: { id: number; canWrite: boolean; query: URLSearchParams }) {
  const { d, error, reload } = useReport(id, query.get("version"));
  if (error) return <p class="error">{error}</p>;
  if (!d) return <p class="muted">{t("正在载入…", "Loading…")}</p>;
  return (
    <section class="report">
      <ReportHead id={id} d={d} />
      <div class="report-grid">
        <Findings d={d} canWrite={canWrite} reload={reload} />
        <div class="panes">
          <div class="rendered">
            <div class="pane-head">
              <h3>{t("规范格式（标出问题单元格）", "Official layout (cells with findings marked)")}</h3>
            </div>
            <iframe
              title={t("规范格式", "Official layout")}
              sandbox=""
              src={`/api/reports/${id}/rendered?version=${d.version}`}
            />
          </div>
          <Original d={d} />
        </div>
      </div>
      {d.diagnostics.length > 0 && <Diagnostics d={d} />}
    </section>
  );
}

/** The report (of the version asked for, else the latest), loaded again after each decision. */
function useReport(id: number, version: string | null) {
  const [d, setD] = useState<ReportDetail | null>(null);
  const [error, setError] = useState("");
  const [tick, setTick] = useState(0);
  useEffect(() => {
    api<ReportDetail>(`/api/reports/${id}${version ? `?version=${version}` : ""}`).then(setD, (e: Error) =>
      setError(e.message),
    );
  }, [id, version, tick]);
  return { d, error, reload: () => setTick(tick + 1) };
}

function ReportHead({ id, d }: { id: number; d: ReportDetail }) {
  const unread = d.provenance
    ? Object.values(d.provenance).filter((p) => p.status === "unread" || p.status === "ambiguous").length
    : 0;
  return (
    <>
      <h2 class="agency">
        {d.agency} · {d.year} {t("年度", "")}
      </h2>
      <p class="meta">
        {t(`${d.edition} 版格式`, `${d.edition} edition`)} ·{" "}
        <label>
          {t("版本", "Version")}{" "}
          <select
            value={d.version}
            onChange={(e) => (location.hash = `#/report/${id}?version=${(e.target as HTMLSelectElement).value}`)}
          >
            {d.versions.map((v) => (
              <option value={v.version}>
                {v.version} — {v.filename} ({v.importedAt.slice(0, 10)})
              </option>
            ))}
          </select>
        </label>{" "}
        · {t("落款日期", "Signed")} {d.signatureDate ?? t("未知", "unknown")} · {t("公开期限", "Deadline")} {d.deadline}
        {d.late ? <strong class="err">{t("（逾期公开）", " (published late)")}</strong> : ""}
        {unread > 0 && <span class="err"> · {t(`${unread} 个单元格未能读取`, `${unread} cells unread`)}</span>}
      </p>
      <p class="actions">
        <a class="button" href={`/api/reports/${id}/sheet`} target="_blank" rel="noopener">
          {t("审核意见单（HTML）", "Findings sheet (HTML)")}
        </a>
        <a class="button" href={`/api/reports/${id}/sheet?format=pdf`} download>
          {t("审核意见单（PDF）", "Findings sheet (PDF)")}
        </a>
      </p>
    </>
  );
}

function Findings({ d, canWrite, reload }: { d: ReportDetail; canWrite: boolean; reload: () => void }) {
  const open = d.findings.filter((f) => !f.resolvedIn);
  const resolved = d.findings.filter((f) => f.resolvedIn);
  return (
    <div class="findings">
      <h3>
        {t(`发现（${open.length}）`, `Findings (${open.length})`)}
        {d.version !== d.latestVersion && (
          <span class="muted">{t("　（正在查看旧版本）", " (viewing an older version)")}</span>
        )}
      </h3>
      {open.length === 0 && <p>{t("没有待处理的发现。", "No open findings.")}</p>}
      <ul>
        {open.map((f) => (
          <FindingRow f={f} canWrite={canWrite} onDone={reload} />
        ))}
      </ul>
      {resolved.length > 0 && (
        <>
          <h3>{t(`已解决（${resolved.length}）`, `Resolved (${resolved.length})`)}</h3>
          <ul>
            {resolved.map((f) => (
              <FindingRow f={f} canWrite={false} onDone={() => undefined} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Diagnostics({ d }: { d: ReportDetail }) {
  return (
    <details>
      <summary>{t(`解析说明（${d.diagnostics.length}）`, `Parser diagnostics (${d.diagnostics.length})`)}</summary>
      <ul class="diagnostics">
        {d.diagnostics.map((g) => (
          <li>
            <code>{g.code}</code> {t(g.message, g.messageEn)}
          </li>
        ))}
      </ul>
    </details>
  );
}
