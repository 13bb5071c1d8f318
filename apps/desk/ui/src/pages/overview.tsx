/**
 * Look before reading: the year's figures as charts (Observable Plot), each with its table one
 * click away; the same figures as CSV.
 */
import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type OverviewTable } from "../api.js";
import { lang, t } from "../i18n.js";
import { go } from "../router.js";
import { useYears } from "../years.js";

function Chart({ table }: { table: OverviewTable }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const data = table.rows.flatMap((r) =>
      r.values.map((v, k) => ({ label: r.label, series: t(table.series[k]!.zh, table.series[k]!.en), value: v })),
    );
    const el = host.current;
    if (!el) return;
    // Grouped bars (one group per agency or year): the series are not parts of one whole.
    const grouped = table.series.length > 1;
    const chart = Plot.plot({
      width: Math.min(1200, Math.max(420, table.rows.length * (grouped ? 40 * table.series.length : 70))),
      height: 320,
      marginBottom: 90,
      fx: grouped ? { label: null, tickRotate: -30, domain: table.rows.map((r) => r.label) } : undefined,
      x: grouped
        ? { axis: null, domain: table.series.map((s) => t(s.zh, s.en)) }
        : { label: null, tickRotate: -30, domain: table.rows.map((r) => r.label) },
      y: { label: null, grid: true },
      color: { legend: grouped, scheme: "tableau10" },
      marks: [
        Plot.barY(data, {
          ...(grouped ? { fx: "label", x: "series" } : { x: "label" }),
          y: "value",
          fill: "series",
          title: (d: { label: string; series: string; value: number }) => `${d.label}\n${d.series}: ${d.value}`,
        }),
        Plot.ruleY([0]),
      ],
    });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [table, lang()]);
  return <div ref={host} class="chart" />;
}

function ChartBox({ table }: { table: OverviewTable }) {
  const [showTable, setShowTable] = useState(false);
  return (
    <div class="chart-box" data-chart={table.id}>
      <h3>{t(table.zh, table.en)}</h3>
      <button type="button" onClick={() => setShowTable(!showTable)}>
        {showTable ? t("查看图表", "Show the chart") : t("查看表格", "Show the table")}
      </button>
      {table.rows.length === 0 ? (
        <p class="muted">{t("没有数据。", "No data.")}</p>
      ) : showTable ? (
        <table class="list">
          <thead>
            <tr>
              <th />
              {table.series.map((s) => (
                <th>{t(s.zh, s.en)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr>
                <td>{r.id ? <a href={`#/report/${r.id}`}>{r.label}</a> : r.label}</td>
                {r.values.map((v) => (
                  <td class="num">{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Chart table={table} />
      )}
    </div>
  );
}

export function OverviewPage({ query }: { query: URLSearchParams }) {
  const years = useYears();
  const year = Number(query.get("year") ?? years?.[0] ?? 0);
  const [tables, setTables] = useState<OverviewTable[] | null>(null);
  useEffect(() => {
    if (year) api<OverviewTable[]>(`/api/overview?year=${year}`).then(setTables);
  }, [year]);
  if (!years) return null;
  if (years.length === 0) return <p>{t("还没有报告。", "No reports yet.")}</p>;
  return (
    <section>
      <h2>{t("概览", "Overview")}</h2>
      <p>
        <label>
          {t("年度", "Year")}{" "}
          <select value={year} onChange={(e) => go(`#/overview?year=${(e.target as HTMLSelectElement).value}`)}>
            {years.map((y) => (
              <option value={y}>{y}</option>
            ))}
          </select>
        </label>{" "}
        <a class="button" href={`/api/overview.csv?year=${year}`} download>
          {t("下载图表数据 CSV", "Chart figures as CSV")}
        </a>
      </p>
      {tables?.map((tb) => (
        <ChartBox table={tb} />
      ))}
    </section>
  );
}
