/**
 * The words a published report prints outside its table cells, as data: how its title, its
 * preamble, its statistics period and its signature read, the units of its figures, and the words
 * by which a reader finds a table whose heading was lost. catalog.ts holds the labels of the
 * format itself; this is the rest of what the parser looks for, so that no reader of documents
 * spells a Chinese word of its own.
 */
import { APPLICANT_HEADER, ARTICLE_20, type Label } from "./catalog.js";

/** Units a count is printed with ("45件", "3个", "2项"; "起", "宗" for cases). 件 is the format's own. */
export const COUNT_UNITS: readonly string[] = ["件", "起", "宗", "个", "条", "份", "项"];

/**
 * The count units a table cell may print right after its figure ("12件", "3个"), read as part of
 * that figure. The others of COUNT_UNITS are the narrative's ("办理行政复议3起").
 */
export const CELL_COUNT_UNITS: readonly string[] = ["件", "个"];

/**
 * Characters right after a number that make it part of a phrase, not a table figure ("2024年",
 * "第3页", "5名", "3%"). 项 and 条 are here too: "第（五）项", "第20条" cite, they do not count.
 */
export const FIGURE_WORD_SUFFIXES: readonly string[] = [..."年月日号位项条款页%名次人期季"];

/** Characters right before a number that make it an ordinal or a reference ("第1项", "附1"). */
export const ORDINAL_MARKS: readonly string[] = ["第", "附"];

/** What a cell prints when it is blank: dashes, a slash, 无. */
export const BLANK_CELL_MARKS: readonly string[] = ["-", "—", "–", "/", "／", "——", "--", "—-", "无", "－"];

/**
 * Words a 本年增/减 cell may print before its figure instead of a sign, with the sign they give
 * ("减少18" is -18, "增加3" is +3); the longer words first, so a reader matches them in order.
 */
export const CHANGE_WORDS: readonly (readonly [word: string, sign: -1 | 1])[] = [
  ["减少", -1],
  ["增加", 1],
  ["减", -1],
  ["增", 1],
];

/**
 * Marks a cell may print right after its figure to point to a note (`264注`, `264注2`, `264*`,
 * `264※`): the figure is the cell's, the mark and its number are not another figure.
 */
export const NOTE_MARKS: readonly string[] = ["注", "※", "*", "＊", "△", "▲", "#", "＃", "†", "‡"];

/** Brackets a note's number is printed in after a figure (`264[1]`, `264【注1】`); round brackets are notes of words too. */
export const NOTE_BRACKETS: readonly (readonly [open: string, close: string])[] = [
  ["[", "]"],
  ["［", "］"],
  ["〔", "〕"],
  ["【", "】"],
];

/**
 * The Chinese numerals a label's numbering is written with: （一）, （十一）, 第二十条. A bracket
 * holding only these (or digits) numbers a label; it is never a cell's note.
 */
export const CHINESE_NUMERALS = "〇零一二三四五六七八九十百";

/** A page number printed in the text ("第3页", "第3页共10页"): its words. */
export const PAGE_NUMBER_WORDS = { ordinal: "第", page: "页", total: "共" } as const;

/** A unit of money: its name, the factor to 万元 (the format's unit), and how a header prints it. */
export interface AmountUnit extends Label {
  /** Value in 万元 of one of this unit. */
  readonly inWanYuan: number;
  /** Forms of a table header or cell that say the figures are in this unit. */
  readonly marks: readonly string[];
}

/** The format states amounts in 万元; some reports print them in 元 (÷ 10000). */
export const AMOUNT_UNITS = {
  wanYuan: { zh: "万元", en: "10,000 yuan", inWanYuan: 1, marks: ["万元"] },
  yuan: { zh: "元", en: "yuan", inWanYuan: 1e-4, marks: ["单位：元", "单位:元", "（元）", "(元)"] },
} as const satisfies Record<string, AmountUnit>;

/** The words of a title ("某某县人民政府2024年度政府信息公开工作年度报告") and of dates. */
export const TITLE_WORDS = {
  /** The end of the document's name (REPORT_NAME): a title line holds it. */
  mark: { zh: "年度报告", en: "annual report" },
  /** What follows the four digits of a year: 2024年度, 2024年 (the longer form first). */
  yearSuffixes: ["年度", "年"],
  /** A line saying this is a sentence about the report ("本报告由…编制"), not its title. */
  selfReference: "本报告",
  /**
   * The words of a notice that publishes the report ("关于印发《…》的通知"), in front of the name
   * in a notice title; the longer forms first.
   */
  noticePrefixes: ["关于印发", "关于发布", "关于公布", "关于公开", "印发", "发布", "公布"],
  /** Words that mark a title as a draft's ("…年度报告（征求意见稿）"), not the report as published. */
  draftMarks: ["征求意见稿", "讨论稿", "送审稿", "草稿", "草案"],
} as const;

/**
 * What a report prints in place of table 四 when it had no case: "本年度未发生政府信息公开行政复议、
 * 行政诉讼案件", or only "无". A sentence with a word of `none` and one of `cases`, and no figure.
 */
export const NO_CASE_WORDS = {
  none: ["未发生", "没有发生", "未收到", "未产生", "未出现", "无"],
  cases: ["行政复议", "行政诉讼", "案件"],
  /** The section's whole text when it says only that there is nothing to report. */
  nothing: ["无", "无。", "暂无", "暂无。"],
} as const;

/** The statistics period ("本报告统计期限自2023年1月1日起至2023年12月31日止"): its year is the report's. */
export const PERIOD_MARKS: readonly string[] = ["统计期限", "统计期"];

/**
 * The preamble's "本报告由<office>根据…编制": `start` opens the compiling office's name, any of
 * `ends` closes it.
 */
export const PREAMBLE_WORDS = {
  start: "本报告由",
  ends: ["根据", "依据", "按照", "编制", "编写", "制作"],
} as const;

/**
 * The words by which a table is found when its section heading is lost or the table floats
 * elsewhere. 表二: the article its blocks' captions cite (第二十条第（一）项…). 表三: a piece of the
 * note under its header, its header, and its first row's label without number and last word.
 * 表四 is found by its own header labels (REVIEW_HEADERS, REVIEW_OUTCOMES).
 */
export const TABLE_MARKS = {
  proactiveDisclosure: [ARTICLE_20.zh],
  applications: ["勾稽关系", APPLICANT_HEADER.zh, "本年新收政府信息公开申请"],
} as const satisfies Record<string, readonly string[]>;
