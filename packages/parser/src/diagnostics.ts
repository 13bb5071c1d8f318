/**
 * Every diagnostic the parser emits, declared once: its severity, what it means, and its Chinese
 * and English message templates (like core's RULES). Call sites pass a code and the values the
 * template needs; they never write a message of their own.
 */
import type { Diagnostic, Severity, SourceRef } from "./types.js";

/** A printed name in both languages: a cell ("表三 （七）总计 · 自然人"), a row or a table. */
export interface Named {
  zh: string;
  en: string;
}

type Template<V> = (v: V) => readonly [zh: string, en: string];

interface DiagnosticDef<V> {
  readonly severity: Severity;
  /** What the code means (the README's table says the same). */
  readonly meaning: string;
  readonly message: Template<V>;
}

const def = <V>(severity: Severity, meaning: string, message: Template<V>): DiagnosticDef<V> => ({
  severity,
  meaning,
  message,
});

const list = (xs: readonly (readonly number[])[], sep: string) => xs.map((x) => x.join("|")).join(sep);

/** Why an input could not be read; `docx` says what is wrong with a Word file. */
interface Unreadable {
  reason: "encrypted" | "pdf" | "legacy-doc" | "docx" | "input" | "internal";
  /** The reader's own words (pdf.js, the zip reader, an exception): English, for messageEn only. */
  detail?: string;
  docx?: "not-zip" | "no-document";
}

/** The Chinese message is Chinese throughout: the reader's English detail goes to messageEn only. */
function unreadableMessage(v: Unreadable): readonly [zh: string, en: string] {
  const d = v.detail ? `: ${v.detail}` : "";
  if (v.reason === "encrypted") return ["PDF 文件已加密，无法读取", "The PDF is encrypted"];
  if (v.reason === "pdf")
    return [
      "无法读取 PDF 文件：文件已损坏、不完整或不是 PDF（请重新下载或向发布机关索取原文件）",
      `Cannot read the PDF: damaged, truncated or not a PDF (download it again or ask the publishing agency for the file)${d}`,
    ];
  if (v.reason === "legacy-doc")
    return [
      "这是旧版 Word（.doc）文件，无法直接读取：请在 Word 或 WPS 中另存为 .docx 或 PDF 后再读取",
      "A legacy Word 97–2003 (.doc) file cannot be read: save it as .docx or PDF first",
    ];
  if (v.reason === "docx")
    return [
      v.docx === "no-document"
        ? "无法读取 Word 文件：压缩包中没有正文（word/document.xml），不是 .docx 文档"
        : "无法读取 Word 文件：文件已损坏或不是 .docx",
      `Cannot read the Word file${d}`,
    ];
  if (v.reason === "internal")
    return ["读取时出错，文件无法读取", `The input could not be read (an error inside the reader)${d}`];
  return ["不支持的输入类型", "Unsupported input: expected { pdf }, { docx }, { html } or { text }"];
}

export const DIAGNOSTICS = {
  "input.unreadable": def(
    "error",
    "The input cannot be read at all (corrupt, truncated or encrypted PDF; legacy .doc; unsupported input).",
    unreadableMessage,
  ),
  "input.too-large": def(
    "error",
    "The input is over one of the reader limits (characters, lines, tokens, grid cells…) and was refused as a whole.",
    (v: { message: Named }) => [v.message.zh, v.message.en],
  ),
  "input.no-text-layer": def(
    "error",
    "The PDF has pages but no text layer: a scanned document (needs OCR).",
    (v: { pages: number }) => [
      `PDF 共 ${v.pages} 页，但几乎没有文字层：可能是扫描件，需要先做文字识别（OCR）`,
      `The PDF has ${v.pages} page(s) but no text layer: a scanned document (run OCR first)`,
    ],
  ),
  "input.not-a-report": def("error", "No section heading and no table of the format was found.", () => [
    "未找到政府信息公开工作年度报告的任何章节标题或表格，无法识别为年度报告",
    "No section heading and no table of the annual report format was found",
  ]),
  "edition.inferred": def(
    "warning",
    "The edition was not evident from table 二's labels; taken from the report year.",
    (v: { edition: string }) => [
      `表二的标签未能判明格式版本，按报告年度采用 ${v.edition} 版`,
      `Table 2's labels do not show the edition; using ${v.edition} from the report year`,
    ],
  ),
  "edition.year-mismatch": def(
    "warning",
    "The edition the labels show is not the one the format prescribes for the year.",
    (v: { year: number; expected: string; edition: string }) => [
      `报告年度 ${v.year} 应使用 ${v.expected} 版格式，但原文表格为 ${v.edition} 版`,
      `Report year ${v.year} calls for the ${v.expected} edition, but the tables follow the ${v.edition} edition`,
    ],
  ),
  "year.inferred": def(
    "info",
    "The year was not in the title; taken from 统计期限 or the text.",
    (v: { year: number }) => [
      `标题中未找到报告年度，按正文中的“${v.year}年”推定`,
      `No year in the title; ${v.year} taken from the text`,
    ],
  ),
  "year.missing": def("error", "No year found anywhere; the report year is a placeholder.", (v: { year: number }) => [
    `原文中找不到报告年度，暂记为 ${v.year}，请核对`,
    `No report year found in the document; ${v.year} is a placeholder, please check`,
  ]),
  "agency.from-signature": def(
    "info",
    "The title names no agency; it was taken from the signature at the end of the report.",
    (v: { name: string }) => [
      `标题未写明机关，按文末落款推定为“${v.name}”`,
      `No agency in the title; "${v.name}" taken from the signature at the end`,
    ],
  ),
  "agency.from-preamble": def(
    "info",
    "The agency name was taken from the first paragraph (本报告由…编制), not from the title.",
    (v: { name: string }) => [
      `标题未写明机关，按首段“本报告由…”推定为“${v.name}”`,
      `No agency in the title; "${v.name}" taken from the first paragraph`,
    ],
  ),
  "meta.other-titles": def(
    "info",
    "The title block also lists other reports (a portal's links); the page's title and the title right above the text agree on the report's own.",
    (v: { titles: string[]; chosen: string }) => [
      `标题区另列有其他报告的标题（共 ${v.titles.length} 个），网页标题与紧挨正文的标题一致，取“${v.chosen}”`,
      `The title block also lists other reports (${v.titles.length} titles); the page's title and the title above the text agree on "${v.chosen}"`,
    ],
  ),
  "meta.titles-differ": def(
    "warning",
    "The title block holds several report titles that differ (a portal's list of other reports, a print header); the report's own was chosen by the page's title or as the one right above the text.",
    (v: { titles: string[]; chosen: string; by: "page" | "last" }) => [
      `标题区有 ${v.titles.length} 个不同的报告标题（${v.titles.join("；")}），按${v.by === "page" ? "网页标题" : "紧挨正文的一个"}取“${v.chosen}”，请核对年度和机关`,
      `The title block names ${v.titles.length} different reports (${v.titles.join("; ")}); "${v.chosen}" was taken as ${v.by === "page" ? "the page's title says" : "the one right above the text"}, please check the year and agency`,
    ],
  ),
  "table.repeated": def(
    "warning",
    "A table is printed twice in its section (a web page's desktop and mobile copies): the first copy was read, the other was not.",
    (v: { table: Named }) => [
      `${v.table.zh}在原文中出现两次（如网页的电脑版与手机版），只读取了第一份，请核对两份是否一致`,
      `${v.table.en} is printed twice (a web page's desktop and mobile copies, say); only the first was read, please check that both agree`,
    ],
  ),
  "input.damaged-characters": def(
    "warning",
    "Some characters of the source could not be read (invalid bytes in a UTF-8 file, glyphs of a PDF with no Unicode): they show as U+FFFD.",
    (v: { lines: number }) => [
      `原文有 ${v.lines} 行含无法识别的字符（显示为 �：文件编码损坏，或 PDF 字体缺少字符映射），这些行的文字和数字可能不全，请核对原文`,
      `${v.lines} line(s) of the source hold characters that could not be read (shown as �: damaged encoding, or a PDF font without a character map); their words and figures may be incomplete, please check the document`,
    ],
  ),
  "document.several-reports": def(
    "warning",
    "The document holds several reports (a draft and the final text, last year's appended, another agency's): one was read, the others were not.",
    (v: { count: number; read: number; draft: boolean }) => [
      `文件中有 ${v.count} 份年度报告（如征求意见稿与正式稿、附上年报告或其他机关的报告），只读取了第 ${v.read} 份${v.draft ? "（前面的为草稿）" : ""}，其余未读取；请分开提交`,
      `The file holds ${v.count} annual reports (a draft and the final text, last year's appended, another agency's); only report ${v.read} was read${v.draft ? " (the ones before it are drafts)" : ""}, the others were not; please submit them apart`,
    ],
  ),
  "agency.missing": def("info", "The text never names the agency; agency.name is empty.", () => [
    "原文未写明报告机关名称，agency.name 留空",
    "The text never names the agency; agency.name is empty",
  ]),
  "section.missing": def(
    "warning",
    "A text section heading was not found; its text is empty (an error when no table was found either).",
    (v: { section: Named }) => [
      `未找到“${v.section.zh}”标题，该部分正文留空`,
      `Heading "${v.section.en}" not found; its text is empty`,
    ],
  ),
  "table.missing": def(
    "error",
    "A table was not found; its cells are unread (0 only as a placeholder).",
    (v: { table: Named }) => [
      `未找到${v.table.zh}，其各栏未能读取（数值 0 仅为占位，并非原文数字）`,
      `${v.table.en} not found; its cells are unread (0 is only a placeholder)`,
    ],
  ),
  "table.all-blank": def(
    "warning",
    "Every value cell of a table is blank: read as 0, but figures the reader cannot see (in form fields, images, drawn as shapes) would read the same.",
    (v: { table: Named; cells: number }) => [
      `${v.table.zh}的 ${v.cells} 个数字单元格全部为空，均按 0 记录；如原件填有数字（在图片、输入框或图形中），则未能读出，请按原件核对`,
      `All ${v.cells} value cells of ${v.table.en} are blank and recorded as 0; if the original shows figures (in an image, a form field or drawn as shapes) they were not read: check the original`,
    ],
  ),
  "table.stated-none": def(
    "warning",
    "A table is not printed; its section says instead that nothing arose (本年度未发生…案件): its cells are 0, inferred from that sentence.",
    (v: { table: Named; text: string }) => [
      `${v.table.zh}未印表格，正文称“${v.text}”，各栏按 0 推定（非原文数字），请核对`,
      `${v.table.en} is not printed; the text says "${v.text}": its cells are taken as 0 (inferred, not printed figures); please check`,
    ],
  ),
  "row.missing": def(
    "error",
    "A row of a table was not found; its cells are unread (0 only as a placeholder).",
    (v: { row: Named }) => [
      `未找到“${v.row.zh}”行的数字，该行各栏未能读取（0 仅为占位）`,
      `No figures found for ${v.row.en}; its cells are unread (0 is only a placeholder)`,
    ],
  ),
  "row.blank-zero": def(
    "info",
    "A row of a table has no figures and the printed totals prove every cell 0 (status inferred).",
    (v: { row: Named; by: string }) => [
      `${v.row.zh}：该行没有数字，按${byZh(v.by)}，各栏均为 0`,
      `${v.row.en}: no figures; ${byEn(v.by)} make each of its cells 0`,
    ],
  ),
  "row.out-of-order": def(
    "info",
    "A row is printed out of the format's order with its label; read by its label.",
    (v: { row: Named }) => [
      `${v.row.zh}：该行未按格式顺序印出，按其行标签读取`,
      `${v.row.en}: printed out of the format's order; read by its label`,
    ],
  ),
  "row.label-after": def(
    "info",
    "A row's label was printed after its figures (plain PDF-to-text output); the figures were read as that row's.",
    (v: { row: Named }) => [
      `${v.row.zh}：行名印在数字之后，已按其后的行名归入该行`,
      `${v.row.en}: the row label comes after its figures; they were read as that row's`,
    ],
  ),
  "row.reordered": def(
    "warning",
    "Table 四's figures were printed in pieces out of order; the only order in which every group total adds up was used.",
    (v: { runs: number; reading: readonly number[] }) => [
      `表四 的数字分 ${v.runs} 段印出、顺序被打乱，按“总计=各项之和”还原为 ${v.reading.join("|")}`,
      `Table 4: figures printed in ${v.runs} pieces out of order; restored by the group totals as ${v.reading.join("|")}`,
    ],
  ),
  "table.other-layout": def(
    "warning",
    "Table 二 is printed in the other edition's layout (a 2021-edition report, by its year and table 三, keeping the 2019 表二): read in its own layout, the cells both editions have went to the report; the others are unread.",
    (v: { table: Named; layout: string; edition: string; read: readonly Named[] }) => {
      const zh = v.read.length ? v.read.map((c) => c.zh).join("、") : "无";
      const en = v.read.length ? v.read.map((c) => c.en).join(", ") : "none";
      return [
        `${v.table.zh}按 ${v.layout} 版格式印制，本报告为 ${v.edition} 版（报告年度和表三）：已读入两版共有的单元格（${zh}），其余单元格未读`,
        `${v.table.en} is printed in the ${v.layout} edition's layout in a ${v.edition}-edition report (by its year and table 3): the cells both editions have were read (${en}); the others are unread`,
      ];
    },
  ),
  "table.cell-per-row": def(
    "info",
    "A table was printed one cell per row (its row and column labels, then its figure), or such a table extracted column by column, or a table's row labels printed apart from its figures, each column's label then its figures (a table 二 block extracted column by column); every figure was read by its own row's and column's labels.",
    (v: { table: Named; layout: "rows" | "columns" | "grid" }) =>
      v.layout === "grid"
        ? [
            `${v.table.zh}：按列提取（先印各行的行名，后逐列印列名和数字），已按行名和列名读入`,
            `${v.table.en}: extracted column by column (the row labels, then each column's label and figures); each figure was read by its row's and column's labels`,
          ]
        : v.layout === "rows"
          ? [
              `${v.table.zh}：每行印一格（行名、列名和数字），已按各行的行名和列名读入`,
              `${v.table.en}: printed one cell per row (its labels and figure); each figure was read by its own row's labels`,
            ]
          : [
              `${v.table.zh}：每行印一格、按列提取（先印各行的行名和列名，后印数字），已按行名和列名的顺序读入`,
              `${v.table.en}: printed one cell per row and extracted column by column (the labels, then the figures); each figure was read by the labels in their order`,
            ],
  ),
  "table.labels-apart": def(
    "warning",
    "A table 二 block printed its row labels apart from its figures, one figure a line (a table extracted column by column, or its label column apart): read column by column and row by row the cells differ, so those cells are ambiguous (`order`); or the figures do not fill the block's cells, so its cells are unread (`count`). Never read as one row's figures.",
    (v: { block: Named; why: "order" | "count"; figures: number; cells: number }) =>
      v.why === "order"
        ? [
            `${v.block.zh}：行名与数字分开印、每行一个数字，按列读与按行读结果不同，无法确定，相关各栏列出可能的数值`,
            `${v.block.en}: row labels printed apart from the figures, one figure a line; read column by column and row by row the cells differ, so they list their possible values`,
          ]
        : [
            `${v.block.zh}：行名与数字分开印，共 ${v.figures} 个数字，与 ${v.cells} 个栏目对不上，无法确定各数字所在的栏，各栏未能读取（0 仅为占位）`,
            `${v.block.en}: row labels printed apart from the figures; ${v.figures} figures for ${v.cells} cells, so no figure can be placed and the cells are unread (0 only as a placeholder)`,
          ],
  ),
  "row.by-order": def(
    "info",
    "Row labels were not recognised or printed apart from the figures; figures were assigned by order (and the totals, where the table has them).",
    (v: {
      row: Named;
      how: "label" | "labels-apart" | "column-blocks" | "page-columns" | "block-headers";
      rows?: number;
      blocks?: number;
      columns?: number;
    }) => {
      const r = v.row;
      switch (v.how) {
        case "label":
          return [`${r.zh}：行标签未能识别，按行序取值`, `${r.en}: label not recognised; figures taken by row order`];
        case "labels-apart":
          return [
            `${r.zh} 的行标签与数字分开印出，按行序读取 ${v.rows} 行数字（每行合计与（七）总计各列均相符）`,
            `${r.en}: labels are printed apart from the figures; ${v.rows} rows read in row order (every row total and every column of (7) Total add up)`,
          ];
        case "column-blocks":
          return [
            `${r.zh} 的行标签与数字分开印出，且有 ${v.blocks} 段数字按列印出；已按行序还原 ${v.rows} 行数字（每行合计与（七）总计各列均相符）`,
            `${r.en}: labels are printed apart from the figures, and ${v.blocks} stretch(es) of rows come column by column; ${v.rows} rows restored in row order (every row total and every column of (7) Total add up)`,
          ];
        case "page-columns":
          return [
            `${r.zh} 起，该页每行最后 ${v.columns} 栏的数字印在其余数字之后（表格跨页），已按每行合计与各列合计归位`,
            `From ${r.en} on, the last ${v.columns} column(s) of each row on that page come after its other figures (the table runs across pages); put back by the row and column totals`,
          ];
        default:
          return [
            `${r.zh}：行名与数字分开印出，已按栏目标题与行序读取`,
            `${r.en}: row labels are printed apart from the figures; read by column headers and row order`,
          ];
      }
    },
  ),
  "row.single-other": def(
    "warning",
    "A 2021-edition report prints the 2019 single （六）其他处理 row: its figures are in other.otherReasons; the two other sub-items are 0 where the row is 0 (counts are never negative) and unread elsewhere (info when the row is all 0).",
    (v: { unread: boolean }) =>
      v.unread
        ? [
            "表三 按 2019 版格式只印了一行“（六）其他处理”，未分列 2021 版的三个子项：该行数字记入“3.其他”；该行不为 0 的各栏，“1.申请人无正当理由逾期不补正…”与“2.申请人逾期未按收费通知要求缴纳费用…”未能读取（原文未拆分，0 仅为占位）",
            'Table 3 prints the 2019 single "(6) Otherwise handled" row instead of the three 2021 sub-rows: its figures are stored in other.otherReasons; where the row is not 0, overdueCorrection and unpaidFees are unread (the document does not split the row; 0 is only a placeholder)',
          ]
        : [
            "表三 按 2019 版格式只印了一行“（六）其他处理”，未分列 2021 版的三个子项；该行各栏均为 0，三个子项因此均为 0",
            'Table 3 prints the 2019 single "(6) Otherwise handled" row instead of the three 2021 sub-rows; the row is 0 throughout, so all three sub-rows are 0',
          ],
  ),
  "numbers.unassigned": def(
    "warning",
    "Figures in a table that belong to no recognised row were ignored.",
    (v: { table: Named; figures: string }) => [
      `${v.table.zh} 有一组数字（${v.figures}）不属于任何可识别的行，已忽略`,
      `${v.table.en}: figures (${v.figures}) belong to no recognised row and were ignored`,
    ],
  ),
  "numbers.stray": def(
    "warning",
    "A figure printed alone on its line (a bare page number) shifted a table's rows; taken out, as only then do the rows add up.",
    (v: { table: Named; figure: string }) => [
      `${v.table.zh}：单独一行的数字“${v.figure}”（多为页码）使其后各行错位，去掉后各行合计才相符，已去掉`,
      `${v.table.en}: the figure "${v.figure}" printed alone on its line (likely a page number) shifted the rows after it; taken out, as only then do the rows add up`,
    ],
  ),
  "numbers.page-number": def(
    "warning",
    "A figure printed alone on its line inside a table is its page's bare page number: the other pages' numbers run with the pages, and it is printed first or last on its page, or only without it does every figure of the table fall in a row. Taken out.",
    (v: { table: Named; figure: string; where: "edge" | "rows" }) =>
      v.where === "edge"
        ? [
            `${v.table.zh}：单独一行的数字“${v.figure}”印在页首或页末，是该页页码（其他各页的页码按页序排列），已去掉`,
            `${v.table.en}: the figure "${v.figure}" printed alone at the top or foot of its page is the page's number (the other pages' numbers run with the pages); taken out`,
          ]
        : [
            `${v.table.zh}：单独一行的数字“${v.figure}”是所在页的页码（其他各页的页码按页序排列），去掉后表中数字才都归入各行，已去掉`,
            `${v.table.en}: the figure "${v.figure}" printed alone on its line is its page's number (the other pages' numbers run with the pages); only without it does every figure fall in a row, so it was taken out`,
          ],
  ),
  "numbers.stray-undecided": def(
    "warning",
    "A figure printed alone on its line (perhaps a bare page number) leaves figures of a table with no row; read with and without it, the table differs, so those cells are ambiguous.",
    (v: { table: Named; figures: string }) => [
      `${v.table.zh}：单独一行的数字（${v.figures}）可能是页码，也可能是表中数字；去掉与保留的读法不同，无法确定，相关各栏列出可能的数值`,
      `${v.table.en}: figures printed alone on their line (${v.figures}) may be page numbers or cells; the table reads differently with and without them, so the cells concerned list their possible values`,
    ],
  ),
  "cell.blank": def("info", "A value cell is blank (status blank, stored as 0).", (v: { cell: Named }) => [
    `${v.cell.zh}：单元格为空，按空白（0）记录`,
    `${v.cell.en}: blank cell, recorded as blank (0)`,
  ]),
  "cell.dash": def(
    "info",
    "A value cell holds a dash or 无 (status blank, stored as 0).",
    (v: { cell: Named; text: string }) => [
      `${v.cell.zh}：单元格填写“${v.text}”，按空白（0）记录`,
      `${v.cell.en}: the cell holds "${v.text}", recorded as blank (0)`,
    ],
  ),
  "cell.illegible": def(
    "warning",
    "A value cell prints a figure with letters for digits (OCR: 3OO1, l78): not read (status unread, 0 as a placeholder).",
    (v: { cell: Named; text: string }) => [
      `${v.cell.zh}：单元格“${v.text}”中有字母混在数字里（可能是识别错误），未读取，请按原件核对`,
      `${v.cell.en}: the cell "${v.text}" has letters among its digits (likely a recognition error); not read, check the original`,
    ],
  ),
  "cell.note": def(
    "info",
    "A value cell carries a printed note (18（其中修订5件）): the figure is the cell, the note is kept in its provenance.",
    (v: { cell: Named; note: string }) => [
      `${v.cell.zh}：单元格附注“${v.note}”，数字按单元格本身读取`,
      `${v.cell.en}: the cell carries the note "${v.note}"; the figure is read as the cell's`,
    ],
  ),
  "cell.missing": def(
    "warning",
    "Fewer figures than columns; the cells without a figure are unread.",
    (v: { row: Named; count: number; width: number }) => [
      `${v.row.zh}：只找到 ${v.count} 个数字（应为 ${v.width} 个），其余各栏未能读取`,
      `${v.row.en}: only ${v.count} of ${v.width} figures found; the other cells are unread`,
    ],
  ),
  "cell.wrapped": def(
    "info",
    "A figure printed over two lines in its cell (a narrow column) was joined; the row (表三) or every group (表四) then adds up.",
    (v: { table: Named; lines: number; wrapped: readonly string[] }) => [
      `${v.table.zh} 一行的数字印在 ${v.lines} 行里，折行的数字已接上（${v.wrapped.join("，")}），接上后合计相符`,
      `${v.table.en}: a row's figures are printed over ${v.lines} lines; figures wrapped in their cells were joined (${v.wrapped.join(", ")}) and the totals then add up`,
    ],
  ),
  "column.extra": def(
    "warning",
    "A table has a column the format does not have (e.g. a 小计); its figures were left out.",
    (v: { row: Named; figures: string }) => [
      `${v.row.zh}等行多出格式中没有的一栏（如“小计”），该栏数字（本行：${v.figures}）未计入`,
      `${v.row.en} and other rows have a column the format does not have (e.g. a subtotal); its figures (here: ${v.figures}) were left out`,
    ],
  ),
  "cell.extra": def(
    "warning",
    "More figures than columns; the extra ones were ignored.",
    (v: { row: Named; width: number }) => [
      `${v.row.zh}：数字多于 ${v.width} 个栏目，多余的已忽略`,
      `${v.row.en}: more than ${v.width} figures; the extra ones were ignored`,
    ],
  ),
  "cell.extra-by-total": def(
    "warning",
    "More figures than columns in a row of a printed page: the figures left out are those that let the row's total hold (a 小计 column, a note's figure).",
    (v: { row: Named; printed: string; width: number }) => [
      `${v.row.zh}：印有多于 ${v.width} 个的数字（${v.printed}），按本行总计取舍（多出的可能是小计栏或注释中的数字），请核对`,
      `${v.row.en}: more than ${v.width} figures printed (${v.printed}); the ones kept are those that let the row's total hold (the others may be a 小计 column or a note's), please check`,
    ],
  ),
  "cell.position-unsure": def(
    "warning",
    "Figures placed under the nearest columns of a printed page break the row's total: a figure may stand under the wrong column or be missing.",
    (v: { row: Named; printed: string }) => [
      `${v.row.zh}：按所在列放置的数字（${v.printed}）不满足本行总计，可能有数字错列或未读出，请对照原文核对`,
      `${v.row.en}: the figures placed under their columns (${v.printed}) break the row's total; one may be under the wrong column or missing, please check against the document`,
    ],
  ),
  "cell.position-unknown": def(
    "warning",
    "Fewer figures than columns and no positions to place them: the cells are ambiguous, with the values each could have.",
    (v: { row: Named; count: number; width: number }) => [
      `${v.row.zh}：只有 ${v.count} 个数字（应为 ${v.width} 个），无法确定空格位置，各栏列出可能的数值，未能确定`,
      `${v.row.en}: only ${v.count} of ${v.width} figures and no positions; each cell lists the values it could have`,
    ],
  ),
  "unit.yuan": def(
    "warning",
    "An amount was printed in 元 and converted to 万元 (÷10000).",
    (v: { cell: Named; yuan: number; wan: number }) => [
      `${v.cell.zh}：原文以“元”为单位（${v.yuan} 元），已换算为 ${v.wan} 万元`,
      `${v.cell.en}: printed in yuan (${v.yuan}); converted to ${v.wan} (10,000 yuan)`,
    ],
  ),
  "split.run-together": def(
    "info",
    "Figures printed with no separator were split; one split fits the totals and the evidence.",
    (v: { row: Named; printed: string; reading: readonly number[]; by: string; count?: number }) => [
      `${v.row.zh}：数字无分隔（${v.printed}），${v.count ? `可拆分 ${v.count} 种，` : ""}按${byZh(v.by)}确定为 ${v.reading.join("|")}`,
      `${v.row.en}: figures with no separator (${v.printed})${v.count ? ` admit ${v.count} splits;` : ""} ${byEn(v.by)} leave ${v.reading.join("|")}`,
    ],
  ),
  "split.ambiguous": def(
    "warning",
    "Figures admit several readings that fit the totals and the evidence; the cells are ambiguous and list their candidates.",
    (v: { row: Named; candidates: readonly (readonly number[])[]; why?: "no-total" | "order" }) => {
      const why =
        v.why === "no-total"
          ? [
              "且没有一种符合合计关系（原表合计可能有误）",
              " and none satisfies the totals (the printed totals may be wrong)",
            ]
          : v.why === "order"
            ? ["（分段印出、顺序被打乱）", " (printed in pieces out of order)"]
            : ["", ""];
      return [
        `${v.row.zh}：数字有多种读法${why[0]}，未能确定：${list(v.candidates, "；")}`,
        `${v.row.en}: the figures admit several readings${why[1]}; undecided: ${list(v.candidates, "; ")}`,
      ];
    },
  ),
  "split.impossible": def(
    "error",
    "Figures printed with no separator admit no split consistent with the totals; the cells are unread.",
    (v: { row: Named; printed: string }) => [
      `${v.row.zh}：数字无分隔（${v.printed}），找不到符合合计关系的拆分，各栏未能读取`,
      `${v.row.en}: figures with no separator (${v.printed}) admit no split that satisfies the totals; cells unread`,
    ],
  ),
} as const;

/** What the evidence names mean in messages. */
const BY: Record<string, Named> = {
  "applications.row-total": { zh: "“总计=各栏之和”", en: "the row total" },
  "applications.column-total": {
    zh: "各列合计（（七）=各项之和）",
    en: "the column totals ((7) = the sum of the outcomes)",
  },
  "applications.balance": { zh: "各列合计（一+二=（七）+四）", en: "the column balance (1+2 = (7)+4)" },
  "reviews.group-total": { zh: "“总计=各项之和”", en: "the group totals" },
  digits: { zh: "数字位数（只有一种拆法）", en: "the digits (one way to cut them)" },
  "text.quoted": { zh: "正文所述数字", en: "the figures the report's text states" },
  previous: { zh: "上年报告", en: "last year's report" },
};
const byZh = (by: string) => BY[by]?.zh ?? by;
const byEn = (by: string) => BY[by]?.en ?? by;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
type ValuesOf<C extends DiagnosticCode> = Parameters<(typeof DIAGNOSTICS)[C]["message"]>[0];

/** Every code with what it means (documented in the README). */
export const DIAGNOSTIC_CODES: Readonly<Record<DiagnosticCode, string>> = Object.fromEntries(
  Object.entries(DIAGNOSTICS).map(([code, d]) => [code, d.meaning]),
) as Record<DiagnosticCode, string>;

export interface DiagnosticExtra {
  path?: readonly (string | number)[] | undefined;
  source?: SourceRef | undefined;
  candidates?: number[][] | undefined;
  /** When the code's severity depends on the case (section.missing with no table at all). */
  severity?: Severity | undefined;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  /** Adds the diagnostic `code`, its message built from `values` by the code's templates. */
  emit<C extends DiagnosticCode>(code: C, values: ValuesOf<C>, extra: DiagnosticExtra = {}): void {
    const d = DIAGNOSTICS[code] as DiagnosticDef<ValuesOf<C>>;
    const [message, messageEn] = d.message(values);
    this.list.push({
      code,
      severity: extra.severity ?? d.severity,
      message,
      messageEn,
      ...(extra.path ? { path: [...extra.path] } : {}),
      ...(extra.source ? { source: extra.source } : {}),
      ...(extra.candidates ? { candidates: extra.candidates } : {}),
    });
  }

  has(code: DiagnosticCode): boolean {
    return this.list.some((d) => d.code === code);
  }
}
