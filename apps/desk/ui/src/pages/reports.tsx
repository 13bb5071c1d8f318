/** The list of every report: sortable by each column, filtered by year, name, status; paged. */
import { useEffect, useState } from "preact/hooks";
import { api, type ListItem, type ListPage } from "../api.js";
import { t } from "../i18n.js";
import { go } from "../router.js";
import { useYears } from "../years.js";

const PAGE = 100;

const COLUMNS: [key: string, zh: string, en: string][] = [
  ["agency", "机关", "Agency"],
  ["year", "年度", "Year"],
  ["edition", "格式", "Edition"],
  ["version", "版本", "Version"],
  ["errors", "错误", "Errors"],
  ["warnings", "提示", "Warnings"],
  ["unread", "未读单元格", "Unread cells"],
];

export const statusLabel = (s: ListItem["status"]) =>
  s === "clean" ? t("无问题", "clean") : s === "reviewed" ? t("已审核", "reviewed") : t("待审核", "pending");

type SetQuery = (changes: Record<string, string | null>) => void;

export function ReportsPage({ query }: { query: URLSearchParams }) {
  const q = new URLSearchParams(query);
  const { data, error } = useReportList(q);
  const set: SetQuery = (changes) => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(changes)) v === null || v === "" ? next.delete(k) : next.set(k, v);
    if (!("offset" in changes)) next.delete("offset");
    go(`#/reports?${next}`);
  };
  return (
    <section>
      <h2>{t("报告列表", "Reports")}</h2>
      <Filters q={q} set={set} />
      {error && <p class="error">{error}</p>}
      {data && (
        <>
          <p class="muted">{t(`共 ${data.total} 份报告`, `${data.total} reports`)}</p>
          <ReportTable items={data.items} q={q} set={set} />
          {data.total > PAGE && <Pager total={data.total} offset={Number(q.get("offset") ?? 0)} set={set} />}
          {data.total === 0 && (
            <p>
              {t("还没有报告。", "No reports yet. ")}
              <a href="#/import">{t("导入报告", "Import reports")}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** One page of the list for the query in the address, reloaded when the query changes. */
function useReportList(q: URLSearchParams) {
  const [data, setData] = useState<ListPage | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    const p = new URLSearchParams(q);
    p.set("limit", String(PAGE));
    api<ListPage>(`/api/reports?${p}`).then(setData, (e: Error) => setError(e.message));
  }, [q.toString()]);
  return { data, error };
}

function Filters({ q, set }: { q: URLSearchParams; set: SetQuery }) {
  const years = useYears();
  const yearQ = q.get("year") ? `?year=${q.get("year")}` : "";
  return (
    <div class="filters">
      <label>
        {t("年度", "Year")}{" "}
        <select value={q.get("year") ?? ""} onChange={(e) => set({ year: (e.target as HTMLSelectElement).value })}>
          <option value="">{t("全部", "all")}</option>
          {(years ?? []).map((y) => (
            <option value={y}>{y}</option>
          ))}
        </select>
      </label>
      <label>
        {t("机关名称", "Agency")}{" "}
        <input
          type="search"
          value={q.get("q") ?? ""}
          placeholder={t("输入名称的一部分", "part of the name")}
          onChange={(e) => set({ q: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label>
        {t("状态", "Status")}{" "}
        <select value={q.get("status") ?? ""} onChange={(e) => set({ status: (e.target as HTMLSelectElement).value })}>
          <option value="">{t("全部", "all")}</option>
          <option value="pending">{t("待审核", "pending")}</option>
          <option value="reviewed">{t("已审核", "reviewed")}</option>
          <option value="clean">{t("无问题", "clean")}</option>
        </select>
      </label>
      <Toggle q={q} set={set} name="errors" label={t("只看有错误的", "errors only")} />
      <Toggle q={q} set={set} name="unread" label={t("只看有未读单元格的", "unread cells only")} />
      <span class="spacer" />
      <a class="button" href={`/api/export/reports.csv${yearQ}`} download>
        {t("下载报告列表 CSV", "Reports CSV")}
      </a>
      <a class="button" href={`/api/export/findings.csv${yearQ}`} download>
        {t("下载全部发现 CSV", "Findings CSV")}
      </a>
    </div>
  );
}

function Toggle({ q, set, name, label }: { q: URLSearchParams; set: SetQuery; name: string; label: string }) {
  return (
    <label>
      <input
        type="checkbox"
        checked={q.get(name) === "1"}
        onChange={(e) => set({ [name]: (e.target as HTMLInputElement).checked ? "1" : null })}
      />
      {label}
    </label>
  );
}

function ReportTable({ items, q, set }: { items: ListItem[]; q: URLSearchParams; set: SetQuery }) {
  const sort = q.get("sort") ?? "agency";
  const order = q.get("order") ?? "asc";
  const header = ([key, zh, en]: (typeof COLUMNS)[number]) => (
    <th aria-sort={sort === key ? (order === "asc" ? "ascending" : "descending") : undefined}>
      <button
        type="button"
        class="sort"
        onClick={() => set({ sort: key, order: sort === key && order === "asc" ? "desc" : "asc" })}
      >
        {t(zh, en)} {sort === key ? (order === "asc" ? "▲" : "▼") : ""}
      </button>
    </th>
  );
  return (
    <table class="list">
      <thead>
        <tr>
          {COLUMNS.map(header)}
          <th>{t("状态", "Status")}</th>
          <th>{t("落款日期", "Signed")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <ReportRow key={r.id} r={r} />
        ))}
      </tbody>
    </table>
  );
}

function ReportRow({ r }: { r: ListItem }) {
  return (
    <tr>
      <td>
        <a href={`#/report/${r.id}`} class="agency">
          {r.agency}
        </a>
      </td>
      <td>{r.year}</td>
      <td>{r.edition}</td>
      <td>{r.version}</td>
      <td class={r.errors ? "err num" : "num"}>{r.errors}</td>
      <td class={r.warnings ? "warn num" : "num"}>{r.warnings}</td>
      <td class={r.unread ? "err num" : "num"}>{r.unread}</td>
      <td>
        <span class={`badge ${r.status}`}>{statusLabel(r.status)}</span>
      </td>
      <td class={r.late ? "err" : ""}>
        {r.signatureDate ?? "—"}
        {r.late ? t("（逾期）", " (late)") : ""}
      </td>
    </tr>
  );
}

function Pager({ total, offset, set }: { total: number; offset: number; set: SetQuery }) {
  return (
    <div class="pager">
      <button type="button" disabled={offset === 0} onClick={() => set({ offset: String(Math.max(0, offset - PAGE)) })}>
        {t("上一页", "Previous")}
      </button>
      <span>
        {offset + 1}–{Math.min(offset + PAGE, total)} / {total}
      </span>
      <button type="button" disabled={offset + PAGE >= total} onClick={() => set({ offset: String(offset + PAGE) })}>
        {t("下一页", "Next")}
      </button>
    </div>
  );
}
