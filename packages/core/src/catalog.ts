/**
 * The one catalog of the official format: every section, table, row, column and header cell with
 * its verbatim Chinese label and an English name. Schemas, form metadata, validation messages, the
 * renderer and the parser all read these definitions; nothing else spells a label.
 */

export type Edition = "2019" | "2021";
export const EDITIONS: readonly Edition[] = ["2019", "2021"];

export interface Label {
  /** Verbatim label as printed in the official format. */
  readonly zh: string;
  /** English name. */
  readonly en: string;
  /**
   * Other forms real reports print in place of `zh`: the other edition's label, abbreviations,
   * known garbles, a label without its note, the pieces of a label split over two cells. Forms
   * that differ from `zh` only by numbering style (1. 1、 1． （1）), spaces or punctuation are not
   * listed: `labelKey` makes them equal. See `matchLabel` in labels.ts.
   */
  readonly variants?: readonly string[];
}

/** What a value cell holds. */
export type CellKind = "count" | "signedCount" | "amountWanYuan" | "text";

export const EDITION_INFO: Record<Edition, Label & { document: string; years: string }> = {
  "2019": {
    zh: "中华人民共和国政府信息公开工作年度报告格式（试行）",
    en: "Annual report format on government information disclosure (trial)",
    document: "国办公开办函〔2019〕60号",
    years: "2019–2020",
  },
  "2021": {
    zh: "中华人民共和国政府信息公开工作年度报告格式",
    en: "Annual report format on government information disclosure",
    document: "国办公开办函〔2021〕30号",
    years: "2021 onward",
  },
};

/** The document's name, as its title prints it after "<agency><year>年". */
export const REPORT_NAME: Label = {
  zh: "政府信息公开工作年度报告",
  en: "Annual report on government information disclosure",
};

export const TOP_LEVEL_LABELS = {
  edition: { zh: "格式版本", en: "Format edition" },
  year: { zh: "报告年度", en: "Report year" },
  agency: { zh: "报告机关", en: "Reporting agency" },
  agencyName: { zh: "机关名称", en: "Agency name" },
  provenance: { zh: "单元格来源", en: "Cell provenance" },
  signature: { zh: "落款", en: "Signature" },
  signatureAgency: { zh: "落款机关", en: "Signing agency" },
  signatureDate: { zh: "落款日期", en: "Date signed" },
} as const satisfies Record<string, Label>;

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

export type SectionKey =
  | "overview"
  | "proactiveDisclosure"
  | "applications"
  | "reviewsAndLawsuits"
  | "problemsAndImprovements"
  | "otherMatters";

export interface SectionDef extends Label {
  readonly key: SectionKey;
  /** Chinese ordinal as printed: 一 … 六. */
  readonly number: string;
  /** Heading as printed, e.g. "一、总体情况". */
  readonly heading: string;
  readonly kind: "text" | "table";
  /** Table number as referred to in messages (表二, 表三, 表四). */
  readonly table?: string;
}

const section = (
  key: SectionKey,
  number: string,
  zh: string,
  en: string,
  kind: "text" | "table",
  variants?: readonly string[],
): SectionDef => ({
  key,
  number,
  zh,
  en,
  heading: `${number}、${zh}`,
  kind,
  ...(kind === "table" ? { table: `表${number}` } : {}),
  ...(variants ? { variants } : {}),
});

export const SECTIONS: readonly SectionDef[] = [
  section("overview", "一", "总体情况", "Overview", "text"),
  section("proactiveDisclosure", "二", "主动公开政府信息情况", "Proactive disclosure", "table"),
  section("applications", "三", "收到和处理政府信息公开申请情况", "Applications received and handled", "table"),
  section(
    "reviewsAndLawsuits",
    "四",
    "政府信息公开行政复议、行政诉讼情况",
    "Administrative reviews and lawsuits",
    "table",
  ),
  // Heading variants are titles without the number (五、 is matched apart).
  section("problemsAndImprovements", "五", "存在的主要问题及改进情况", "Main problems and improvements", "text", [
    "政府信息公开工作存在的主要问题及改进情况",
    "存在问题及改进情况",
    "存在的主要问题及改进措施",
  ]),
  section("otherMatters", "六", "其他需要报告的事项", "Other matters to report", "text", ["其他需要报告事项"]),
];

export const TEXT_SECTIONS = SECTIONS.filter((s) => s.kind === "text") as readonly SectionDef[];

export function sectionDef(key: SectionKey): SectionDef {
  const s = SECTIONS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown section ${key}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Table 二 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

export interface ColumnDef extends Label {
  readonly key: string;
  readonly kind: CellKind;
  /** Printed column span of the value cell (2021 single-value blocks span 3). */
  readonly span: number;
  /** Most decimals the label allows (2019 procurement: 保留4位小数). */
  readonly maxDecimals?: number;
}

export interface ProactiveRowDef extends Label {
  readonly key: string;
}

export interface ProactiveBlockDef {
  /** 第二十条第（一）项 … */
  readonly caption: Label;
  /** The header cell above the row labels. */
  readonly contentHeader: Label;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly ProactiveRowDef[];
}

const col = (key: string, zh: string, en: string, kind: CellKind, span = 1, maxDecimals?: number): ColumnDef => ({
  key,
  zh,
  en,
  kind,
  span,
  ...(maxDecimals === undefined ? {} : { maxDecimals }),
});

/** The article of the regulations (条例) table 二's blocks are captioned by. */
export const ARTICLE_20: Label = { zh: "第二十条", en: "Article 20" };

const caption = (item: string): Label => ({
  zh: `${ARTICLE_20.zh}第（${item}）项`,
  en: `Article 20, item (${item})`,
});
const contentHeader: Label = { zh: "信息内容", en: "Information" };

const projectColumns = [
  col("previousCount", "上一年项目数量", "Items last year", "count"),
  col("change", "本年增/减", "Change this year", "signedCount"),
  col("decisions", "处理决定数量", "Decisions", "count"),
];

export const PROACTIVE_BLOCKS: Record<Edition, readonly ProactiveBlockDef[]> = {
  "2019": [
    {
      caption: caption("一"),
      contentHeader,
      columns: [
        col("newlyMade", "本年新制作数量", "Newly made this year", "count"),
        col("newlyPublished", "本年新公开数量", "Newly published this year", "count"),
        col("totalPublished", "对外公开总数量", "Total published", "count"),
      ],
      rows: [
        { key: "rules", zh: "规章", en: "Rules" },
        { key: "normativeDocuments", zh: "规范性文件", en: "Normative documents" },
      ],
    },
    {
      caption: caption("五"),
      contentHeader,
      columns: projectColumns,
      rows: [
        { key: "licensing", zh: "行政许可", en: "Administrative licensing" },
        { key: "otherServices", zh: "其他对外管理服务事项", en: "Other public administration services" },
      ],
    },
    {
      caption: caption("六"),
      contentHeader,
      columns: projectColumns,
      rows: [
        { key: "penalties", zh: "行政处罚", en: "Administrative penalties" },
        { key: "coercion", zh: "行政强制", en: "Administrative coercion" },
      ],
    },
    {
      caption: caption("八"),
      contentHeader,
      columns: [
        col("previousCount", "上一年项目数量", "Items last year", "count"),
        col("change", "本年增/减", "Change this year", "signedCount", 2),
      ],
      rows: [{ key: "fees", zh: "行政事业性收费", en: "Administrative fees" }],
    },
    {
      caption: caption("九"),
      contentHeader,
      columns: [
        col("projects", "采购项目数量", "Procurement projects", "count"),
        col(
          "amountWanYuan",
          "采购总金额（单位：万元，保留4位小数）",
          "Total procurement amount (10,000 yuan, 4 decimals)",
          "amountWanYuan",
          2,
          4,
        ),
      ],
      rows: [{ key: "procurement", zh: "政府集中采购", en: "Centralized government procurement" }],
    },
  ],
  "2021": [
    {
      caption: caption("一"),
      contentHeader,
      columns: [
        col("issued", "本年制发件数", "Issued this year", "count"),
        col("repealed", "本年废止件数", "Repealed this year", "count"),
        col("inForce", "现行有效件数", "In force", "count"),
      ],
      rows: [
        { key: "rules", zh: "规章", en: "Rules" },
        // 2021-edition reports often keep the 2019 label.
        {
          key: "normativeDocuments",
          zh: "行政规范性文件",
          en: "Administrative normative documents",
          variants: ["规范性文件"],
        },
      ],
    },
    {
      caption: caption("五"),
      contentHeader,
      columns: [col("decisions", "本年处理决定数量", "Decisions this year", "count", 3)],
      rows: [{ key: "licensing", zh: "行政许可", en: "Administrative licensing" }],
    },
    {
      caption: caption("六"),
      contentHeader,
      columns: [col("decisions", "本年处理决定数量", "Decisions this year", "count", 3)],
      rows: [
        { key: "penalties", zh: "行政处罚", en: "Administrative penalties" },
        { key: "coercion", zh: "行政强制", en: "Administrative coercion" },
      ],
    },
    {
      caption: caption("八"),
      contentHeader,
      columns: [
        col(
          "amountWanYuan",
          "本年收费金额（单位：万元）",
          "Fees collected this year (10,000 yuan)",
          "amountWanYuan",
          3,
        ),
      ],
      rows: [{ key: "fees", zh: "行政事业性收费", en: "Administrative fees" }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Table 三 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

export type ApplicantKey =
  | "naturalPerson"
  | "business"
  | "research"
  | "nonprofit"
  | "legalServices"
  | "otherOrganization"
  | "total";

export interface ApplicantColumnDef extends Label {
  readonly key: ApplicantKey;
  /** Set for the five columns under 法人或其他组织. */
  readonly group?: Label;
}

/** The pieces are what each cell prints when the header is split over two cells. */
export const LEGAL_PERSON_GROUP: Label = {
  zh: "法人或其他组织",
  en: "Legal persons or other organizations",
  variants: ["法人或", "其他组织"],
};
export const APPLICANT_HEADER: Label = { zh: "申请人情况", en: "Applicants" };
export const APPLICATIONS_NOTE: Label = {
  zh: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  en: "(In each column: item 1 plus item 2 equals item 3 plus item 4)",
};

export const APPLICANT_COLUMNS: readonly ApplicantColumnDef[] = [
  { key: "naturalPerson", zh: "自然人", en: "Natural persons" },
  // Abbreviated headers are seen in converted tables (| 自然人 | 商业 | 科研 | … |).
  { key: "business", zh: "商业企业", en: "Businesses", group: LEGAL_PERSON_GROUP, variants: ["商业"] },
  { key: "research", zh: "科研机构", en: "Research institutions", group: LEGAL_PERSON_GROUP, variants: ["科研"] },
  {
    key: "nonprofit",
    zh: "社会公益组织",
    en: "Non-profit organizations",
    group: LEGAL_PERSON_GROUP,
    variants: ["社会公益"],
  },
  {
    key: "legalServices",
    zh: "法律服务机构",
    en: "Legal service providers",
    group: LEGAL_PERSON_GROUP,
    variants: ["法律服务"],
  },
  { key: "otherOrganization", zh: "其他", en: "Other organizations", group: LEGAL_PERSON_GROUP },
  { key: "total", zh: "总计", en: "Total" },
];

/** The six applicant columns that add up to 总计. */
export const APPLICANT_PARTS: readonly ApplicantKey[] = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map(
  (c) => c.key,
);

/**
 * A row of table 三. `path` is the key path below `applications`. `labels` are the printed labels
 * from the outermost (L1) to the row's own; `role` tells how the row takes part in the totals.
 */
export interface ApplicationRowDef {
  readonly path: readonly string[];
  readonly labels: readonly Label[];
  readonly en: string;
  readonly role: "received" | "carriedOver" | "outcome" | "outcomesTotal" | "carriedForward";
  /** Editions that print the row. */
  readonly editions: readonly Edition[];
}

export const APPLICATION_L1 = {
  received: { zh: "一、本年新收政府信息公开申请数量", en: "1. New applications received this year" },
  carriedOver: { zh: "二、上年结转政府信息公开申请数量", en: "2. Applications carried over from last year" },
  outcomes: { zh: "三、本年度办理结果", en: "3. Outcomes this year" },
  carriedForward: { zh: "四、结转下年度继续办理", en: "4. Carried forward to next year" },
} as const satisfies Record<string, Label>;

export const OUTCOME_CATEGORIES = {
  disclosed: { zh: "（一）予以公开", en: "(1) Disclosed" },
  partiallyDisclosed: {
    zh: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    en: "(2) Partially disclosed (counted here only)",
    variants: ["（二）部分公开"],
  },
  withheld: { zh: "（三）不予公开", en: "(3) Not disclosed" },
  unavailable: { zh: "（四）无法提供", en: "(4) Cannot be provided" },
  notProcessed: { zh: "（五）不予处理", en: "(5) Not processed" },
  other: { zh: "（六）其他处理", en: "(6) Otherwise handled" },
  total: { zh: "（七）总计", en: "(7) Total" },
} as const satisfies Record<string, Label>;

export const OUTCOME_ITEMS = {
  withheld: [
    { key: "stateSecret", zh: "1.属于国家秘密", en: "State secret" },
    {
      key: "prohibitedByLaw",
      zh: "2.其他法律行政法规禁止公开",
      en: "Prohibited by other laws and regulations",
      variants: ["2.其他法律行政止公开", "2.其他法律行政法规止公开"],
    },
    {
      key: "securityAndStability",
      zh: "3.危及“三安全一稳定”",
      en: "Endangers security and stability",
      variants: ['3.危及"三安全一稳定"', "3.危及三安全一稳"],
    },
    { key: "thirdPartyRights", zh: "4.保护第三方合法权益", en: "Protects third-party rights" },
    { key: "internalAffairs", zh: "5.属于三类内部事务信息", en: "Internal affairs information" },
    { key: "deliberativeProcess", zh: "6.属于四类过程性信息", en: "Deliberative process information" },
    { key: "lawEnforcementFiles", zh: "7.属于行政执法案卷", en: "Law enforcement files" },
    { key: "administrativeQueries", zh: "8.属于行政查询事项", en: "Administrative query matters" },
  ],
  unavailable: [
    { key: "notHeld", zh: "1.本机关不掌握相关政府信息", en: "Not held by this agency" },
    { key: "requiresCreation", zh: "2.没有现成信息需要另行制作", en: "Would have to be created" },
    { key: "unclearAfterCorrection", zh: "3.补正后申请内容仍不明确", en: "Still unclear after correction" },
  ],
  notProcessed: [
    { key: "petitionsAndComplaints", zh: "1.信访举报投诉类申请", en: "Petitions, reports and complaints" },
    { key: "repeated", zh: "2.重复申请", en: "Repeated applications" },
    { key: "publications", zh: "3.要求提供公开出版物", en: "Requests for published materials" },
    { key: "excessiveRequests", zh: "4.无正当理由大量反复申请", en: "Excessive repeated applications" },
    {
      key: "confirmationRequests",
      zh: "5.要求行政机关确认或重新出具已获取信息",
      en: "Requests to confirm or reissue information already obtained",
    },
  ],
  other: [
    {
      key: "overdueCorrection",
      zh: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      en: "Applicant did not correct in time",
    },
    {
      key: "unpaidFees",
      zh: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      en: "Applicant did not pay the fee notice in time",
    },
    // A 2021-edition report that keeps the 2019 single （六） row: its figures are held here.
    { key: "otherReasons", zh: "3.其他", en: "Other reasons", variants: ["（六）其他处理"] },
  ],
} as const satisfies Record<string, readonly (Label & { key: string })[]>;

export type WithheldKey = (typeof OUTCOME_ITEMS.withheld)[number]["key"];
export type UnavailableKey = (typeof OUTCOME_ITEMS.unavailable)[number]["key"];
export type NotProcessedKey = (typeof OUTCOME_ITEMS.notProcessed)[number]["key"];
export type OtherKey = (typeof OUTCOME_ITEMS.other)[number]["key"];

const BOTH: readonly Edition[] = ["2019", "2021"];

/** The item rows under （三）（四）（五） (both editions) and under 2021's （六）. */
function itemRows(): ApplicationRowDef[] {
  const L1 = APPLICATION_L1;
  const C = OUTCOME_CATEGORIES;
  const rows: ApplicationRowDef[] = [];
  for (const cat of ["withheld", "unavailable", "notProcessed", "other"] as const) {
    for (const item of OUTCOME_ITEMS[cat]) {
      rows.push({
        path: ["outcomes", cat, item.key],
        labels: [L1.outcomes, C[cat], item],
        en: `${C[cat].en}: ${item.en}`,
        role: "outcome",
        editions: cat === "other" ? ["2021"] : BOTH,
      });
    }
  }
  return rows;
}

function buildApplicationRows(): ApplicationRowDef[] {
  const both = BOTH;
  const L1 = APPLICATION_L1;
  const C = OUTCOME_CATEGORIES;
  const rows: ApplicationRowDef[] = [
    { path: ["received"], labels: [L1.received], en: L1.received.en, role: "received", editions: both },
    { path: ["carriedOver"], labels: [L1.carriedOver], en: L1.carriedOver.en, role: "carriedOver", editions: both },
    {
      path: ["outcomes", "disclosed"],
      labels: [L1.outcomes, C.disclosed],
      en: C.disclosed.en,
      role: "outcome",
      editions: both,
    },
    {
      path: ["outcomes", "partiallyDisclosed"],
      labels: [L1.outcomes, C.partiallyDisclosed],
      en: C.partiallyDisclosed.en,
      role: "outcome",
      editions: both,
    },
  ];
  const items = itemRows();
  // 2019's single （六） row comes before 2021's three items: printed order within each edition.
  const firstOther = items.findIndex((r) => r.path[1] === "other");
  rows.push(...items.slice(0, firstOther), {
    path: ["outcomes", "other"],
    labels: [L1.outcomes, C.other],
    en: C.other.en,
    role: "outcome",
    editions: ["2019"],
  });
  rows.push(...items.slice(firstOther));
  rows.push(
    {
      path: ["outcomes", "total"],
      labels: [L1.outcomes, C.total],
      en: C.total.en,
      role: "outcomesTotal",
      editions: both,
    },
    {
      path: ["carriedForward"],
      labels: [L1.carriedForward],
      en: L1.carriedForward.en,
      role: "carriedForward",
      editions: both,
    },
  );
  return rows;
}

/** Every row of table 三, both editions, in printed order. */
export const APPLICATION_ROWS: readonly ApplicationRowDef[] = buildApplicationRows();

export function applicationRows(edition: Edition): readonly ApplicationRowDef[] {
  return APPLICATION_ROWS.filter((r) => r.editions.includes(edition));
}

/** Rows shared by both editions (everything but （六）). */
export const SHARED_APPLICATION_ROWS = APPLICATION_ROWS.filter((r) => r.editions.length === 2);

// ---------------------------------------------------------------------------------------------
// Table 四 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

export type ReviewGroupKey = "administrativeReview" | "lawsuitWithoutReview" | "lawsuitAfterReview";
export type OutcomeKey = "upheld" | "corrected" | "other" | "pending" | "total";

export const REVIEW_HEADERS = {
  review: { zh: "行政复议", en: "Administrative review" },
  lawsuit: { zh: "行政诉讼", en: "Administrative lawsuit" },
} as const satisfies Record<string, Label>;

/**
 * Captions of 表四 printed in two parts, 行政复议 and 行政诉讼 each a table of its own under its
 * caption (（一）行政复议情况, （二）行政诉讼情况): a variant seen in published reports.
 */
export const REVIEW_PART_CAPTIONS: readonly Label[] = [
  { zh: "行政复议情况", en: "Administrative reviews" },
  { zh: "行政诉讼情况", en: "Administrative lawsuits" },
];

export interface ReviewGroupDef extends Label {
  readonly key: ReviewGroupKey;
  /** The printed header above the group (行政复议 or 行政诉讼), for the two lawsuit groups. */
  readonly parent?: Label;
}

export const REVIEW_GROUPS: readonly ReviewGroupDef[] = [
  { key: "administrativeReview", zh: "行政复议", en: "Administrative review" },
  {
    key: "lawsuitWithoutReview",
    zh: "未经复议直接起诉",
    en: "Lawsuit without prior review",
    parent: REVIEW_HEADERS.lawsuit,
  },
  { key: "lawsuitAfterReview", zh: "复议后起诉", en: "Lawsuit after review", parent: REVIEW_HEADERS.lawsuit },
];

export const REVIEW_OUTCOMES: readonly (Label & { key: OutcomeKey })[] = [
  // Shortened headers, seen where a header prints one word per cell or line.
  { key: "upheld", zh: "结果维持", en: "Upheld", variants: ["维持"] },
  { key: "corrected", zh: "结果纠正", en: "Corrected", variants: ["纠正"] },
  { key: "other", zh: "其他结果", en: "Other result", variants: ["其他"] },
  { key: "pending", zh: "尚未审结", en: "Pending", variants: ["审结"] },
  { key: "total", zh: "总计", en: "Total" },
];

export const REVIEW_PARTS: readonly OutcomeKey[] = ["upheld", "corrected", "other", "pending"];
