/**
 * Files that are not in a format a report is read from, and what to tell the user about them: a
 * folder skips them (listed, with why and what to do), and a file of such a kind named on the
 * command line is refused with the same words. The report formats themselves are the parser's
 * (detect.ts).
 */
import { EXTENSION_LIST } from "./detect.js";
import { t } from "./i18n.js";

type Why = () => string;

export const zipMessage: Why = () =>
  t(
    "这是 zip 压缩包，不是报告文件：请先解压，再读取其中的文件（审核台 gov-report serve 可直接导入 zip）",
    "a zip archive, not a report: unpack it and read the files inside (the review desk, gov-report serve, imports .zip files)",
  );

export const imageMessage: Why = () =>
  t(
    "图片，不是报告文件（扫描件请找原始的 PDF 或 Word 文件，或先识别出文字）",
    "an image, not a report file (for a scan, find the original PDF or Word file, or recognise its text first)",
  );

/** The first bytes of the image formats a scan or a screenshot is saved in. */
const IMAGE_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
  [0x42, 0x4d], // BMP
];

/** An image by its content, whatever its name (a scan saved as .pdf); WebP is RIFF….WEBP. */
export function isImage(bytes: Uint8Array): boolean {
  if (IMAGE_MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return true;
  const riff = [0x52, 0x49, 0x46, 0x46].every((b, i) => bytes[i] === b);
  return riff && [0x57, 0x45, 0x42, 0x50].every((b, i) => bytes[8 + i] === b);
}

const KINDS: readonly [readonly string[], Why][] = [
  [[".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"], imageMessage],
  [
    [".mhtml", ".mht"],
    () =>
      t(
        "网页存档（MHTML），不能直接读取：请在浏览器中打开，另存为 .html（“网页，仅 HTML”）",
        "a web archive (MHTML), which is not read: open it in a browser and save it as .html (web page, HTML only)",
      ),
  ],
  [
    [".wps", ".wpt"],
    () =>
      t(
        "WPS 文字文件，不能直接读取：请在 WPS 中另存为 .docx 或 PDF",
        "a WPS Writer file, which is not read: save it as .docx or PDF in WPS",
      ),
  ],
  [
    [".ofd"],
    () =>
      t(
        "OFD 版式文件，不能直接读取：请另存为（或转换为）.docx 或 PDF",
        "an OFD document, which is not read: save or convert it as .docx or PDF",
      ),
  ],
  [
    [".xls", ".xlsx", ".et", ".ods", ".csv"],
    () =>
      t(
        "电子表格，不是报告文件：请读取年度报告本身（PDF、Word、网页或文本）；统计表的数字可在表单中填写",
        "a spreadsheet, not a report file: read the annual report itself (PDF, Word, web page or text); a spreadsheet's figures can be typed into the form",
      ),
  ],
  [
    [".ppt", ".pptx", ".dps", ".odp"],
    () =>
      t(
        "演示文稿，不是报告文件：请读取年度报告本身（PDF、Word、网页或文本）",
        "a presentation, not a report file: read the annual report itself (PDF, Word, web page or text)",
      ),
  ],
  [[".zip"], zipMessage],
  [
    [".rar", ".7z", ".tar", ".gz"],
    () =>
      t(
        "压缩包，不是报告文件：请先解压，再读取其中的文件",
        "an archive, not a report: unpack it and read the files inside",
      ),
  ],
];

const BY_EXTENSION = new Map<string, Why>(KINDS.flatMap(([exts, why]) => exts.map((e) => [e, why] as const)));

const extensionOf = (name: string) => {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
};

/** Why a file of this name is not a report, for the kinds of file users meet (undefined for others). */
export function notReportReason(name: string): string | undefined {
  return BY_EXTENSION.get(extensionOf(name))?.();
}

/** Why a folder skipped this file: its kind's reason, or that its extension is not a report format. */
export function skipReason(name: string): string {
  return (
    notReportReason(name) ??
    t(
      `不是报告文件格式（文件夹中只读取 ${EXTENSION_LIST}）`,
      `not a report file format (folders are searched for ${EXTENSION_LIST})`,
    )
  );
}

/**
 * The page a folder of resources belongs to, when it is the one a browser saves beside a web page
 * ("淮安 2024.html" and "淮安 2024_files"): that page's name among the folder's entries.
 */
export function pageOfResources(folderName: string, siblings: ReadonlySet<string>): string | undefined {
  const m = /^(.+?)(_files|\.files)$/i.exec(folderName);
  if (!m) return undefined;
  for (const ext of [".html", ".htm", ".shtml", ".xhtml"]) if (siblings.has(`${m[1]}${ext}`)) return `${m[1]}${ext}`;
  return undefined;
}

export const resourcesReason = (page: string) =>
  t(
    `网页 ${page} 的附属文件夹（图片、样式等），不是报告，已整体跳过`,
    `the resources folder of the web page ${page} (images, styles): not a report, skipped as a whole`,
  );
