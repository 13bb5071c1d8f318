import { describe, expect, it } from "vitest";
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  applicationRows,
  keySimilarity,
  type Label,
  LEGAL_PERSON_GROUP,
  labelKey,
  labelKeys,
  matchLabel,
  OUTCOME_CATEGORIES,
  OUTCOME_ITEMS,
  PROACTIVE_BLOCKS,
  REVIEW_OUTCOMES,
  SECTIONS,
} from "../src/index.js";

const rows2021 = PROACTIVE_BLOCKS["2021"].flatMap((b) => b.rows);
const withheld = OUTCOME_ITEMS.withheld;
/** Every label of table 三's rows and columns, as a reader would offer them. */
const table3Labels: Label[] = [
  ...Object.values(OUTCOME_CATEGORIES),
  ...Object.values(OUTCOME_ITEMS).flat(),
  ...APPLICANT_COLUMNS,
  LEGAL_PERSON_GROUP,
];

describe("labelKey", () => {
  it("makes numbering styles, spaces, quotes, brackets, full-width forms and radicals equal", () => {
    const k = labelKey("1.属于国家秘密");
    expect(k).toBe("1属于国家秘密");
    for (const t of [
      "1、属于国家秘密",
      "1．属于国家秘密",
      "（1）属于国家秘密",
      "(1) 属于 国家秘密",
      "１.属于国家秘密",
      "1.属于国家 秘密\n",
    ])
      expect(labelKey(t), t).toBe(k);
    expect(labelKey('3.危及"三安全一稳定"')).toBe(labelKey("3.危及“三安全一稳定”"));
    expect(labelKey("（一）予以公开")).toBe("一予以公开");
    expect(labelKey("本机关不掌握相关政府信息")).toBe(labelKey("本机关不掌握相关政府信息"));
    // ⻔ (U+2EF3 radical) reads as 门.
    expect(labelKey("部\u2ed4")).toBe(labelKey("部门"));
    expect(labelKey("")).toBe("");
    expect(labelKey("——/、，")).toBe("");
  });

  it("is linear on long inputs", () => {
    const long = "1、属于 国家秘密 ".repeat(100_000);
    expect(labelKey(long).length).toBe(7 * 100_000);
  });
});

describe("label variants and matchLabel", () => {
  it("reads 2021's 行政规范性文件 from the 2019 label 规范性文件", () => {
    const m = matchLabel("规范性文件", rows2021);
    expect(m).toMatchObject({ score: 1, form: "规范性文件" });
    expect(m?.label.key).toBe("normativeDocuments");
    expect(matchLabel("行政规范性文件", rows2021)?.form).toBe("行政规范性文件");
    expect(matchLabel("规章", rows2021)?.label.key).toBe("rules");
  });

  it("reads garbled, unquoted and note-less labels of table 三", () => {
    const cases: [string, string][] = [
      ["2.其他法律行政止公开", "2.其他法律行政法规禁止公开"],
      ["2、其他法律行政法规止公开", "2.其他法律行政法规禁止公开"],
      ['3.危及"三安全一稳定"', "3.危及“三安全一稳定”"],
      ["3．危及三安全一稳", "3.危及“三安全一稳定”"],
      ["（二）部分公开", OUTCOME_CATEGORIES.partiallyDisclosed.zh],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", OUTCOME_CATEGORIES.partiallyDisclosed.zh],
      ["（1）属于国家秘密", "1.属于国家秘密"],
      ["5、要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息"],
    ];
    for (const [text, zh] of cases) {
      const m = matchLabel(text, table3Labels);
      expect(m?.label.zh, text).toBe(zh);
      expect(m?.score, text).toBe(1);
    }
  });

  it("reads abbreviated applicant columns and the pieces of 法人或其他组织", () => {
    const columns = [...APPLICANT_COLUMNS, LEGAL_PERSON_GROUP];
    const read = (t: string) => (matchLabel(t, columns)?.label as { key?: string; zh: string }) ?? undefined;
    expect(["自然人", "商业", "科研", "社会公益", "法律服务", "其他", "总计"].map((t) => read(t)?.key)).toEqual([
      "naturalPerson",
      "business",
      "research",
      "nonprofit",
      "legalServices",
      "otherOrganization",
      "total",
    ]);
    expect(read("法人或")?.zh).toBe("法人或其他组织");
    expect(read("其他组织")?.zh).toBe("法人或其他组织");
    expect(read("法人或 其他组织")?.zh).toBe("法人或其他组织");
  });

  it("holds the 2019 single （六）其他处理 row of a 2021 report in 3.其他", () => {
    const rows = applicationRows("2021").map((r) => r.labels[r.labels.length - 1] as Label);
    const m = matchLabel("（六）其他处理", OUTCOME_ITEMS.other);
    expect(m).toMatchObject({ score: 1, form: "（六）其他处理" });
    expect((m?.label as { key?: string } | undefined)?.key).toBe("otherReasons");
    // Among the row labels of a 2021 table it is the only (六) row: 3.其他.
    expect(matchLabel("（六）其他处理", rows)?.label.zh).toBe("3.其他");
    expect(APPLICATION_ROWS.some((r) => r.labels.includes(OUTCOME_CATEGORIES.other))).toBe(true);
  });

  it("reads section heading variants", () => {
    const heading = (t: string) => matchLabel(t.replace(/^[一二三四五六]、/, ""), SECTIONS)?.label.key;
    expect(heading("五、政府信息公开工作存在的主要问题及改进情况")).toBe("problemsAndImprovements");
    expect(heading("五、存在问题及改进情况")).toBe("problemsAndImprovements");
    expect(heading("五、存在的主要问题及改进措施")).toBe("problemsAndImprovements");
    expect(heading("六、其他需要报告事项")).toBe("otherMatters");
    expect(heading("一、总体情况")).toBe("overview");
    expect(heading("四、政府信息公开行政复议、行政诉讼情况")).toBe("reviewsAndLawsuits");
  });

  it("reads shortened 表四 headers", () => {
    expect(["维持", "纠正", "其他", "审结", "尚未审结"].map((t) => matchLabel(t, REVIEW_OUTCOMES)?.label.key)).toEqual([
      "upheld",
      "corrected",
      "other",
      "pending",
      "pending",
    ]);
  });

  it("scores partial matches below 1, returns undefined below minScore, never throws", () => {
    const m = matchLabel("1.属于国家秘", withheld);
    expect(m?.label.key).toBe("stateSecret");
    expect(m?.score).toBeGreaterThan(0.6);
    expect(m?.score).toBeLessThan(1);
    expect(matchLabel("完全无关的文字", withheld)).toBeUndefined();
    expect(matchLabel("属于国家", withheld, { minScore: 0.99 })).toBeUndefined();
    expect(matchLabel("", withheld)).toBeUndefined();
    expect(matchLabel(42 as unknown as string, withheld)).toBeUndefined();
    expect(keySimilarity("ab", "ab")).toBe(1);
    expect(keySimilarity("", "")).toBe(0);
  });

  it("every variant's key differs from its label's and from every other label's in its list", () => {
    const rowLabels = (e: "2019" | "2021") => applicationRows(e).map((r) => r.labels[r.labels.length - 1] as Label);
    const lists: Label[][] = [
      rows2021,
      rowLabels("2019"),
      rowLabels("2021"),
      [...APPLICANT_COLUMNS, LEGAL_PERSON_GROUP],
      [...REVIEW_OUTCOMES],
      [...SECTIONS],
    ];
    for (const list of lists) {
      for (const label of list) {
        const keys = labelKeys(label);
        expect(new Set(keys).size).toBe(keys.length);
        for (const other of list) {
          if (other === label || other.zh === label.zh) continue;
          // A variant never equals another label's official key, so an exact match is never wrong.
          for (const k of keys.slice(1)) expect(labelKey(other.zh), `${label.zh} ~ ${other.zh}`).not.toBe(k);
        }
      }
    }
  });
});
