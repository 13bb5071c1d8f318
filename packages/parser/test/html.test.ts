import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APPLICANT_COLUMNS, applicationRows, getAt } from "@gov-report/core/lite";
import { renderHtml } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { score } from "../scripts/eval.js";
import { parseReport } from "../src/index.js";
import { CORPUS, expected, STEMS } from "./helpers.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * A portal page in the official layout, written by hand: the report table nested in a layout
 * table, inline styles, &nbsp; padding, rowspan/colspan as printed, "1、" markers and one blank cell.
 */
function portalPage(): { html: string; counts: Map<string, number[]> } {
  const counts = new Map<string, number[]>();
  let n = 1;
  const rowsHtml: string[] = [];
  const rows = applicationRows("2021");
  rows.forEach((r, i) => {
    const values = APPLICANT_COLUMNS.slice(0, 6).map(() => (n++ * 7) % 13);
    values.push(values.reduce((a, b) => a + b, 0));
    counts.set(r.path.join("."), values);
    const own = r.labels[r.labels.length - 1]?.zh ?? "";
    const label = own.replace(/^(\d)\./, "$1、");
    let head = "";
    if (r.labels.length === 1) head = `<td colspan="3" style="text-align:left">${esc(label)}</td>`;
    else {
      if (i === 2) head += `<td rowspan="${rows.length - 3}">三、本年度办理结果</td>`;
      if (r.labels.length === 2) head += `<td colspan="2"><span style="font-size:10pt">${esc(label)}</span></td>`;
      else {
        const cat = r.labels[1]?.zh ?? "";
        const first = rows.findIndex((x) => x.labels[1]?.zh === cat);
        const size = rows.filter((x) => x.labels[1]?.zh === cat).length;
        if (first === i) head += `<td rowspan="${size}">${esc(cat)}</td>`;
        head += `<td>&nbsp;${esc(label)}&nbsp;</td>`;
      }
    }
    const cells = values.map((v, c) =>
      r.path.join(".") === "outcomes.disclosed" && c === 2 ? "<td>&nbsp;</td>" : `<td><p>&nbsp;${v}</p></td>`,
    );
    rowsHtml.push(`<tr>${head}${cells.join("")}</tr>`);
  });
  // The blank cell is read as 0.
  (counts.get("outcomes.disclosed") as number[])[2] = 0;
  const html = `<!doctype html><html><head><title>某县人民政府2023年政府信息公开工作年度报告</title>
<style>td{border:1px solid}</style></head><body>
<table class="layout"><tr><td><div class="article">
<p style="text-align:center"><strong>某县人民政府2023年政府信息公开工作年度报告</strong></p>
<p>&nbsp;&nbsp;本报告根据《条例》编制，统计期限自2023年1月1日至2023年12月31日。</p>
<p><b>一、总体情况</b></p><p>&nbsp;&nbsp;2023年，我县持续推进政务公开。</p><p>第二段。</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1,024</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">77</td></tr>
<tr><td>行政强制</td><td colspan="3">5</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">251000元</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1" style="width:100%">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${rowsHtml.join("\n")}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>10</td><td>0</td><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td><td>0</td><td>0</td><td>1</td><td>3</td></tr>
</table>
<p>五、存在的主要问题及改进情况</p><p>问题一。</p>
<p>六、其他需要报告的事项</p><p>无。</p>
</div></td></tr></table></body></html>`;
  return { html, counts };
}

describe("HTML pages", () => {
  it("reads a hand-written portal page in the official layout (nested table, spans, &nbsp;, 1、)", async () => {
    const { html, counts } = portalPage();
    const { report, diagnostics } = await parseReport({ html });
    expect(report.edition).toBe("2021");
    expect(report.year).toBe(2023);
    expect(report.agency.name).toBe("某县人民政府");
    expect(report.overview).toBe("2023年，我县持续推进政务公开。\n第二段。");
    expect(report.otherMatters).toBe("无。");
    for (const [path, values] of counts) {
      const got = APPLICANT_COLUMNS.map((c) => getAt(report.applications, [...path.split("."), c.key]));
      expect(got, path).toEqual(values);
    }
    expect(report.proactiveDisclosure).toMatchObject({
      normativeDocuments: { issued: 3, repealed: 1, inForce: 12 },
      licensing: { decisions: 1024 },
      fees: { amountWanYuan: 25.1 },
    });
    expect(report.reviewsAndLawsuits.lawsuitAfterReview).toEqual({
      upheld: 2,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 3,
    });
    const blank = diagnostics.find((d) => d.code === "cell.blank");
    expect(blank?.path).toEqual(["applications", "outcomes", "disclosed", "research"]);
    const yuan = diagnostics.find((d) => d.code === "unit.yuan");
    expect(yuan?.path).toEqual(["proactiveDisclosure", "fees", "amountWanYuan"]);
    expect(yuan?.message).toContain("251000 元");
  });

  it("an amount in 元 becomes 万元 with the printed digits, not the binary noise of a division", async () => {
    const { html } = portalPage();
    const { report } = await parseReport({ html: html.replace("251000元", "234560712元") });
    expect((report.proactiveDisclosure.fees as { amountWanYuan: number }).amountWanYuan).toBe(23456.0712);
    // The plain product has the noise: 23456.071200000002.
    expect(234560712 * 1e-4).not.toBe(23456.0712);
  });

  for (const stem of STEMS) {
    it(`render → parse round trip: ${stem}`, async () => {
      const exp = expected(stem);
      const html = await renderHtml(exp as never);
      const { report } = await parseReport({ html });
      expect(score(exp, report as unknown as Record<string, unknown>).misses).toEqual([]);
      expect(report.agency.name).toBe((exp.agency as { name: string }).name);
      for (const k of ["overview", "problemsAndImprovements", "otherMatters"] as const) expect(report[k]).toBe(exp[k]);
    }, 60_000);
  }

  it("a page with no table: no crash, says it is not a report", async () => {
    const { report, diagnostics, confidence } = await parseReport({
      html: "<html><body><p>通知公告</p><div>欢迎访问&nbsp;本网站</div></body></html>",
    });
    expect(diagnostics.map((d) => d.code)).toContain("input.not-a-report");
    expect(confidence).toBe(0);
    expect(report.applications.received.total).toBe(0);
  });

  it("the committed corpus HTML (renderer output) reads back every cell", async () => {
    const exp = expected("huaian-2024");
    const html = readFileSync(join(CORPUS, "huaian-2024.rendered.html"), "utf8");
    const { report } = await parseReport({ html });
    expect(score(exp, report as unknown as Record<string, unknown>).misses).toEqual([]);
  });

  it("表三's 总计 column left blank (a real fault): the other cells as printed, the totals blank, the row totals reported", async () => {
    const exp = expected("huaian-2024");
    const full = await renderHtml(exp as never);
    // Every cell of the 总计 column of 表三 printed empty.
    const html = full.replace(/(data-field="applications\.[^"]*\.total">)[0-9]+</g, "$1<");
    expect(html).not.toBe(full);
    const { report, validation } = await parseReport({ html });
    const cells = (o: unknown): number[] =>
      typeof o === "number" ? [o] : Object.values(o as Record<string, unknown>).flatMap(cells);
    const leaves = (o: Record<string, unknown>) =>
      cells(Object.fromEntries(Object.entries(o).filter(([k]) => k !== "total")));
    expect(leaves(report.applications.received as never)).toEqual(
      leaves((exp.applications as { received: never }).received),
    );
    expect(report.applications.received.total).toBe(0);
    expect(report.provenance?.["applications.received.total"]).toEqual({ status: "blank" });
    expect(report.provenance?.["applications.received.naturalPerson"]).toEqual({ status: "printed" });
    expect(validation?.issues.filter((x) => x.code === "applications.row-total").length ?? 0).toBeGreaterThan(5);
  }, 60_000);

  it("表三 with a 小计 column the format does not have: the seven columns under their headers, said once", async () => {
    const exp = expected("huaian-2024");
    const full = await renderHtml(exp as never);
    // A 小计 after 其他 in the header, and in every row the sum of the five 法人或其他组织 columns.
    let html = full
      .replace(/(<th[^>]*>其他<\/th>)/, "$1<th>小计</th>")
      .replace(/colspan="5">法人或其他组织/, 'colspan="6">法人或其他组织');
    html = html.replace(/colspan="7">申请人情况/, 'colspan="8">申请人情况');
    html = html.replace(
      /(data-field="applications\.([^"]*)\.otherOrganization">[0-9]+<\/td>)/g,
      '$1<td class="gr-v">9</td>',
    );
    const { report, diagnostics } = await parseReport({ html });
    expect(score(exp, report as unknown as Record<string, unknown>).misses).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "column.extra")).toHaveLength(1);
  }, 60_000);
  it("表三 with two rows printed out of order with their labels: each row's own figures, said per row", async () => {
    const exp = expected("huaian-2024");
    const full = await renderHtml(exp as never);
    const rowOf = (label: string) =>
      full.match(new RegExp(`<tr class="gr-data"><th class="gr-row" scope="row">${label}</th>.*?</tr>`))?.[0] ?? "";
    const fourth = rowOf("4\\.保护第三方合法权益");
    const fifth = rowOf("5\\.属于三类内部事务信息");
    expect(fourth).not.toBe("");
    expect(fifth).not.toBe("");
    // (三)5 printed before (三)4, each with its own label and figures.
    const html = full.replace(fourth + fifth, fifth + fourth);
    expect(html).not.toBe(full);
    const { report, diagnostics } = await parseReport({ html });
    expect(score(exp, report as unknown as Record<string, unknown>).misses).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "row.out-of-order")).toHaveLength(2);
  }, 60_000);
});
