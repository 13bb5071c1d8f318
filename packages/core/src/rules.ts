/** The rule catalog: every issue code the validator and the cross-year checks can report. */

export type Severity = "error" | "warning";

export interface RuleDef {
  readonly code: string;
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
  /** Where the rule comes from: the format reference's invariant number, or "structure". */
  readonly source: string;
}

const rule = (code: string, severity: Severity, source: string, zh: string, en: string): RuleDef => ({
  code,
  severity,
  source,
  zh,
  en,
});

export const RULES = {
  notObject: rule(
    "structure.not-object",
    "error",
    "structure",
    "报告应为 JSON 对象",
    "The report must be a JSON object",
  ),
  edition: rule(
    "structure.edition",
    "error",
    "structure",
    '格式版本应为 "2019" 或 "2021"',
    'The edition must be "2019" or "2021"',
  ),
  missing: rule("structure.missing", "error", "structure", "缺少必填项", "A required cell or field is missing"),
  unknownKey: rule(
    "structure.unknown-key",
    "error",
    "structure",
    "出现格式中没有的项",
    "A key the format does not have",
  ),
  wrongType: rule("structure.wrong-type", "error", "structure", "类型错误（应为数字、文本或对象）", "Wrong type"),
  notInteger: rule("structure.not-integer", "error", "invariant 6", "件数应为整数", "A count must be an integer"),
  negative: rule(
    "structure.negative",
    "error",
    "invariant 6",
    "数值不能为负",
    "A count or amount must not be negative",
  ),
  outOfRange: rule(
    "structure.out-of-range",
    "error",
    "structure",
    "年度超出范围（2008–2100）",
    "Year out of range (2008–2100)",
  ),
  balance: rule(
    "applications.balance",
    "error",
    "invariant 1",
    "表三每列：第一项加第二项之和应等于第三项（七）总计加第四项之和",
    "Table 3, every column: received + carried over = (7) total + carried forward",
  ),
  columnTotal: rule(
    "applications.column-total",
    "error",
    "invariant 3",
    "表三每列：（七）总计应等于（一）至（六）各项之和",
    "Table 3, every column: (7) total = sum of the outcome rows (1)–(6)",
  ),
  rowTotal: rule(
    "applications.row-total",
    "error",
    "invariant 4",
    "表三每行：总计应等于自然人与五类法人或其他组织之和",
    "Table 3, every row: total = natural persons + the five organization columns",
  ),
  reviewTotal: rule(
    "reviews.group-total",
    "error",
    "invariant 5",
    "表四每组：总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
    "Table 4, each group: total = upheld + corrected + other + pending",
  ),
  cellUnread: rule(
    "cell.unread",
    "error",
    "provenance",
    "原文未能读取该单元格（报告中的 0 只是占位）",
    "The cell could not be read from the source (its 0 is a placeholder)",
  ),
  cellAmbiguous: rule(
    "cell.ambiguous",
    "error",
    "provenance",
    "原文中该单元格有多种可能的读法（报告中的值只是占位）",
    "The cell can be read several ways from the source (its value is a placeholder)",
  ),
  signatureDate: rule(
    "signature.invalid-date",
    "error",
    "structure",
    "落款日期应为真实存在的日期，写作 YYYY-MM-DD",
    "The signature date must be a real date written YYYY-MM-DD",
  ),
  signatureLate: rule(
    "signature.late",
    "warning",
    "publication rules",
    "落款日期晚于发布期限（部门 1月31日，人民政府汇总报告 3月31日）",
    "The signature date is after the deadline (31 January for departments, 31 March for a government's consolidated report)",
  ),
  editionYear: rule(
    "edition.year-mismatch",
    "warning",
    "editions",
    "格式版本与报告年度不符（2019–2020 年用 2019 版，2021 年起用 2021 版）",
    "Edition does not match the report year (2019 edition for 2019–2020, 2021 edition from 2021)",
  ),
  emptySection: rule("text.empty-section", "warning", "sections", "文字部分为空", "A narrative section is empty"),
  invalidChar: rule(
    "text.invalid-char",
    "warning",
    "structure",
    "文字中有 Word 等文档格式不允许的字符（控制字符、U+FFFE/U+FFFF、不成对的代理项），输出时以 � 代替",
    "The text holds a character XML documents such as Word files do not allow (a control character, U+FFFE/U+FFFF, a lone surrogate); outputs replace it with U+FFFD",
  ),
  decimals: rule(
    "amount.decimals",
    "warning",
    "invariant 6",
    "采购总金额应保留 4 位小数",
    "The 2019 procurement amount has more than 4 decimals",
  ),
  textFigure: rule(
    "text.figure-mismatch",
    "warning",
    "invariant 10",
    "总体情况中引用的数字与表格不一致",
    "A figure quoted in the overview differs from the table",
  ),
  feesNotReported: rule(
    "text.fees-not-reported",
    "warning",
    "invariant 11",
    "表三（六）2 有逾期未缴费件数，但“其他需要报告的事项”未报告信息处理费",
    "Table 3 (6)2 counts unpaid fee notices, but section 6 does not report 信息处理费",
  ),
  carriedForward: rule(
    "years.carried-forward",
    "error",
    "invariant 7",
    "上年“四、结转下年度继续办理”应等于本年“二、上年结转政府信息公开申请数量”",
    "Last year's carried forward must equal this year's carried over, per column",
  ),
  projectCount: rule(
    "years.project-count",
    "error",
    "invariant 8",
    "本年“上一年项目数量”应等于上年的“上一年项目数量”加“本年增/减”",
    "2019 edition: this year's previous count = last year's previous count + change",
  ),
  inForce: rule(
    "years.in-force",
    "warning",
    "invariant 9",
    "现行有效件数与上年现行有效件数加本年制发减本年废止不一致",
    "2021 edition: in force ≠ last year's in force + issued − repealed",
  ),
  textOverlap: rule(
    "years.text-overlap",
    "warning",
    "publication rules",
    "文字与上年报告重复超过 50%",
    "More than 50% of the text repeats last year's report",
  ),
  sequence: rule(
    "years.sequence",
    "warning",
    "cross-year",
    "两份报告不是同一机关相邻两个年度",
    "The two reports are not consecutive years of one agency",
  ),
  unchecked: rule(
    "years.unchecked",
    "warning",
    "cross-year",
    "有单元格未能读取（原文未能读出），该项跨年度核对未能进行",
    "A cell was not read from its document, so a cross-year check could not run",
  ),
  invalidPrevious: rule(
    "years.invalid-input",
    "error",
    "cross-year",
    "报告结构有误，无法进行跨年度核对",
    "A report has structural errors, so the cross-year checks cannot run",
  ),
} as const satisfies Record<string, RuleDef>;

/** Issue codes of summing reports (`sumReports`): they describe a batch, not one report. */
export const AGGREGATE_RULES = {
  notAReport: {
    code: "aggregate.not-a-report",
    severity: "error",
    source: "aggregate",
    zh: "输入不是结构完整的年度报告，未计入汇总",
    en: "The input is not a structurally complete report; it was not summed",
  },
  otherEdition: {
    code: "aggregate.other-edition",
    severity: "error",
    source: "aggregate",
    zh: "格式版本与汇总的版本不同，未计入汇总",
    en: "The input's edition differs from the roll-up's; it was not summed",
  },
  otherYear: {
    code: "aggregate.other-year",
    severity: "error",
    source: "aggregate",
    zh: "报告年度与汇总的年度不同，未计入汇总",
    en: "The input's year differs from the roll-up's; it was not summed",
  },
  inputHasErrors: {
    code: "aggregate.input-has-errors",
    severity: "warning",
    source: "aggregate",
    zh: "输入报告本身有错误，其数字按原样计入汇总",
    en: "The input breaks rules itself; its figures were summed as printed",
  },
  duplicateAgency: {
    code: "aggregate.duplicate-agency",
    severity: "warning",
    source: "aggregate",
    zh: "同一机关的报告计入了不止一次",
    en: "The same agency's report was summed more than once",
  },
  empty: {
    code: "aggregate.empty",
    severity: "error",
    source: "aggregate",
    zh: "没有可汇总的报告",
    en: "There is no report to sum",
  },
} as const satisfies Record<string, RuleDef>;

/** The rule catalog as a list, in a stable order: single-report and cross-year rules, then summing. */
export const RULE_CATALOG: readonly RuleDef[] = [...Object.values(RULES), ...Object.values(AGGREGATE_RULES)];

export function ruleByCode(code: string): RuleDef | undefined {
  return RULE_CATALOG.find((r) => r.code === code);
}
