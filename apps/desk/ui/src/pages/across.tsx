/**
 * Across reports of a year: cross-year checks, the roll-up (all or chosen agencies; what was summed
 * and skipped; JSON / HTML / PDF / Word), the expected agencies that have not reported (from a
 * CSV), and late publication against the deadline.
 */
import { useEffect, useState } from "preact/hooks";
import {
  api,
  type CrossYearPair,
  type ExpectedAgencies,
  type ListItem,
  type ListPage,
  postBytes,
  type RollupResult as Rollup,
} from "../api.js";
import { t } from "../i18n.js";
import { go } from "../router.js";
import { useYears } from "../years.js";

function CrossYear({ year }: { year: number }) {
  const [pairs, setPairs] = useState<CrossYearPair[] | null>(null);
  useEffect(() => {
    api<CrossYearPair[]>(`/api/crossyear?year=${year}`).then(setPairs);
  }, [year]);
  if (!pairs) return null;
  return (
    <div>
      <h3>{t(`跨年度核对（${year - 1} → ${year}）`, `Cross-year checks (${year - 1} → ${year})`)}</h3>
      {pairs.length === 0 && (
        <p class="muted">{t("没有连续两年都有报告的机关。", "No agency has reports for both years.")}</p>
      )}
      <ul>
        {pairs.map((p) => (
          <li>
            <a href={`#/report/${p.current.id}`} class="agency">
              {p.agency}
            </a>
            {p.previous.agency !== p.current.agency && <span class="muted">（{p.previous.agency}）</span>}：
            {p.issues.length === 0 ? t("一致", "consistent") : ""}
            {p.textOverlap !== null &&
              p.textOverlap > 0 &&
              t(
                `　与上年文字重复 ${Math.round(p.textOverlap * 100)}%`,
                ` ${Math.round(p.textOverlap * 100)}% of the text repeats last year`,
              )}
            <ul>
              {p.issues.map((i) => (
                <li class={i.severity === "error" ? "err" : "warn"}>{t(i.message, i.messageEn)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RollupBox({ year, reports }: { year: number; reports: ListItem[] }) {
  const [chosen, setChosen] = useState<Set<number>>(new Set(reports.map((r) => r.id)));
  const [name, setName] = useState("");
  const [result, setResult] = useState<Rollup | null>(null);
  const [error, setError] = useState("");
  useEffect(() => setChosen(new Set(reports.map((r) => r.id))), [reports]);
  const params = () => {
    const p = new URLSearchParams({ year: String(year) });
    if (chosen.size !== reports.length) p.set("ids", [...chosen].join(",") || "0");
    if (name) p.set("agency", name);
    return p;
  };
  const build = () => api<Rollup>(`/api/rollup?${params()}`).then(setResult, (e: Error) => setError(e.message));
  return (
    <div>
      <h3>{t(`${year} 年度汇总`, `Roll-up of ${year}`)}</h3>
      <p>
        <label>
          {t("汇总报告的机关名称", "Name of the roll-up")}{" "}
          <input
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
            placeholder={t("例如：某某县人民政府", "e.g. the county government")}
          />
        </label>{" "}
        <button type="button" onClick={() => setChosen(new Set(reports.map((r) => r.id)))}>
          {t("全选", "All")}
        </button>{" "}
        <button type="button" onClick={() => setChosen(new Set())}>
          {t("全不选", "None")}
        </button>
      </p>
      <ReportChooser reports={reports} chosen={chosen} setChosen={setChosen} />
      <button type="button" class="primary" onClick={build} disabled={chosen.size === 0}>
        {t("生成汇总", "Build the roll-up")}
      </button>
      {error && <p class="error">{error}</p>}
      {result && <RollupResult year={year} result={result} params={params} />}
    </div>
  );
}

function ReportChooser({
  reports,
  chosen,
  setChosen,
}: {
  reports: ListItem[];
  chosen: Set<number>;
  setChosen: (s: Set<number>) => void;
}) {
  const toggle = (id: number) => {
    const next = new Set(chosen);
    next.has(id) ? next.delete(id) : next.add(id);
    setChosen(next);
  };
  return (
    <ul class="choose">
      {reports.map((r) => (
        <li>
          <label>
            <input type="checkbox" checked={chosen.has(r.id)} onChange={() => toggle(r.id)} />{" "}
            <span class="agency">{r.agency}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** What the roll-up summed and skipped, its issues, and its downloads (for the current choice). */
function RollupResult({ year, result, params }: { year: number; result: Rollup; params: () => URLSearchParams }) {
  return (
    <div class="rollup" data-testid="rollup">
      <p>
        {t(
          `已汇总 ${result.summed.length} 份，跳过 ${result.skipped.length} 份。`,
          `${result.summed.length} summed, ${result.skipped.length} skipped.`,
        )}
      </p>
      <h4>{t("已计入", "Summed")}</h4>
      <ul>
        {result.summed.map((s) => (
          <li class="agency">{s.agency}</li>
        ))}
      </ul>
      {result.skipped.length > 0 && (
        <>
          <h4>{t("未计入", "Skipped")}</h4>
          <ul>
            {result.skipped.map((s) => (
              <li>
                <span class="agency">{s.agency}</span>：{t(s.reason, s.reasonEn)}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.issues.length > 0 && (
        <ul>
          {result.issues.map((i) => (
            <li class={i.severity === "error" ? "err" : "warn"}>{t(i.message, i.messageEn)}</li>
          ))}
        </ul>
      )}
      {result.report !== null && (
        <p class="actions">
          {(["json", "html", "pdf", "docx"] as const).map((f) => {
            const p = params();
            p.set("format", f);
            return (
              <a class="button" href={`/api/rollup?${p}`} download={`rollup-${year}.${f}`}>
                {t("下载", "Download")} {f === "docx" ? "Word" : f.toUpperCase()}
              </a>
            );
          })}
        </p>
      )}
    </div>
  );
}

function Expected({ year, canWrite }: { year: number; canWrite: boolean }) {
  const [data, setData] = useState<{ expected: string[]; missing: string[] } | null>(null);
  const [error, setError] = useState("");
  const load = () => api<ExpectedAgencies>(`/api/expected?year=${year}`).then(setData);
  useEffect(() => {
    load();
  }, [year]);
  const upload = async (f: File) => {
    try {
      await postBytes("/api/expected", f, "text/csv");
      setError("");
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div>
      <h3>{t("应报送机关", "Expected agencies")}</h3>
      {canWrite && (
        <label>
          {t(
            "导入应报送机关名单（CSV，每行第一列为机关名称）：",
            "Import the list (CSV, agency name in the first column): ",
          )}
          <input
            type="file"
            accept=".csv,.txt"
            data-testid="expected-input"
            onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) upload(f);
            }}
          />
        </label>
      )}
      {error && <p class="error">{error}</p>}
      {data && data.expected.length === 0 && <p class="muted">{t("尚未导入名单。", "No list imported yet.")}</p>}
      {data && data.expected.length > 0 && (
        <p>
          {t(
            `名单 ${data.expected.length} 个机关，${year} 年度未报送 ${data.missing.length} 个`,
            `${data.expected.length} expected, ${data.missing.length} have not reported for ${year}`,
          )}
          {data.missing.length > 0 && "："}
          <span data-testid="missing">{data.missing.join("、")}</span>
        </p>
      )}
    </div>
  );
}

function Late({ reports }: { reports: ListItem[] }) {
  const late = reports.filter((r) => r.late);
  const unknown = reports.filter((r) => r.late === null);
  return (
    <div>
      <h3>{t("逾期公开", "Published late")}</h3>
      <p class="muted">
        {t(
          "部门于次年 1月31日 前、人民政府于 3月31日 前公开；以报告落款日期判断。",
          "Departments publish by 31 January, people's governments by 31 March; judged by the signature date.",
        )}
        {unknown.length > 0 &&
          t(`${unknown.length} 份报告的落款日期未知。`, ` ${unknown.length} report(s) have no known date.`)}
      </p>
      {late.length === 0 ? (
        <p>{t("没有已知逾期的报告。", "No report known to be late.")}</p>
      ) : (
        <ul>
          {late.map((r) => (
            <li>
              <a href={`#/report/${r.id}`} class="agency">
                {r.agency}
              </a>
              ：{t(`落款 ${r.signatureDate}，期限 ${r.deadline}`, `signed ${r.signatureDate}, deadline ${r.deadline}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AcrossPage({ canWrite, query }: { canWrite: boolean; query: URLSearchParams }) {
  const years = useYears();
  const year = Number(query.get("year") ?? years?.[0] ?? new Date().getFullYear() - 1);
  const [reports, setReports] = useState<ListItem[]>([]);
  useEffect(() => {
    api<ListPage>(`/api/reports?year=${year}&limit=1000`).then((r) => setReports(r.items));
  }, [year]);
  if (!years) return null;
  return (
    <section>
      <h2>{t("跨报告核对与汇总", "Across reports")}</h2>
      <label>
        {t("年度", "Year")}{" "}
        <select value={year} onChange={(e) => go(`#/across?year=${(e.target as HTMLSelectElement).value}`)}>
          {years.map((y) => (
            <option value={y}>{y}</option>
          ))}
        </select>
      </label>
      <CrossYear year={year} />
      <RollupBox year={year} reports={reports} />
      <Expected year={year} canWrite={canWrite} />
      <Late reports={reports} />
    </section>
  );
}
