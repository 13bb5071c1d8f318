/**
 * The stylesheet of rendered reports: the official look (black 1px rules, centred headers, the
 * faces of official documents) and A4 print rules. Everything but the page box and the font faces
 * is scoped to `.gov-report` so that a page can embed a fragment next to its own styles.
 *
 * Fonts (docs/decisions/renderer-fonts.md): official documents set the title in 小标宋, headings in
 * 黑体 and the body in 仿宋. Each face below names the official font first (present on most agency
 * machines), then the closest free TrueType font Debian packages: Chromium embeds TrueType
 * outlines as CID TrueType subsets, but CFF-outline fonts (Noto CJK, Source Han) as one Type 3
 * font per glyph run. Latin letters and figures come from Liberation Serif (Times metrics), so no
 * text falls back to an unembedded Times-Roman. No face is ever bolded or slanted by the browser
 * (`font-synthesis: none`): emphasis is a different face.
 */

/** Latin letters, figures and punctuation (Basic Latin and Latin-1 without the middle dot ·). */
const LATIN = "U+0000-00B6, U+00B8-00FF";
const LATIN_SOURCES = `local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("LiberationSerif")`;

/** Family names the stylesheet defines with `@font-face` (one per role). */
export const FONT_FAMILIES = {
  /** 仿宋-style body and tables: FangSong, else AR PL UMing CN (fonts-arphic-uming). */
  body: "GovReport Body",
  /** 黑体 headings and table captions: SimHei, else WenQuanYi Zen Hei (fonts-wqy-zenhei). */
  heading: "GovReport Heading",
  /** 小标宋-style title: 方正小标宋, else AR PL SungtiL GB, 文鼎PL简报宋 (fonts-arphic-gbsn00lp). */
  title: "GovReport Title",
} as const;

/**
 * The `@font-face` rules of the three roles, each with the Latin range in a Times-metric face. The
 * Latin face comes second: of faces whose ranges overlap, the browser tries the last defined first.
 */
export const FONT_FACES = `
@font-face { font-family: "${FONT_FAMILIES.body}"; src: local("FangSong"), local("仿宋"), local("FangSong_GB2312"), local("仿宋_GB2312"), local("STFangsong"), local("AR PL UMing CN"), local("UMingCN"); }
@font-face { font-family: "${FONT_FAMILIES.body}"; src: ${LATIN_SOURCES}; unicode-range: ${LATIN}; }
@font-face { font-family: "${FONT_FAMILIES.heading}"; src: local("SimHei"), local("黑体"), local("STHeiti"), local("WenQuanYi Zen Hei"), local("WenQuanYiZenHei"); }
@font-face { font-family: "${FONT_FAMILIES.title}"; src: local("方正小标宋简体"), local("FZXiaoBiaoSong-B05S"), local("FZXBSJW--GB1-0"), local("AR PL SungtiL GB"), local("BousungEG-Light-GB"); }
@font-face { font-family: "${FONT_FAMILIES.title}"; src: ${LATIN_SOURCES}; unicode-range: ${LATIN}; }
`;

/**
 * The body's font-family: the defined face, then the same fonts by family name (for a page that
 * drops the `@font-face` rules), then other TrueType CJK faces before the generic.
 */
export const SERIF_FONTS = `"${FONT_FAMILIES.body}", "Liberation Serif", "Times New Roman", FangSong, "仿宋", "AR PL UMing CN", SimSun, "宋体", "Songti SC", "WenQuanYi Zen Hei", serif`;
/** Headings and captions (黑体, as official documents set headings). */
export const SANS_FONTS = `"${FONT_FAMILIES.heading}", SimHei, "黑体", "WenQuanYi Zen Hei", "Heiti SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
/** The title (小标宋 in official documents). */
export const TITLE_FONTS = `"${FONT_FAMILIES.title}", "Liberation Serif", "Times New Roman", "方正小标宋简体", "AR PL SungtiL GB", ${SANS_FONTS}`;

export const REPORT_CSS = `${FONT_FACES}
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
.gov-report { font-family: ${SERIF_FONTS}; font-synthesis: none; font-size: 12pt; line-height: 1.7; color: #000; background: #fff; max-width: 174mm; margin: 0 auto; }
.gov-report h1 { font-family: ${TITLE_FONTS}; font-size: 20pt; font-weight: normal; text-align: center; line-height: 1.4; margin: 0 0 1.2em; text-wrap: balance; }
.gov-report h2 { font-family: ${SANS_FONTS}; font-size: 13pt; font-weight: normal; margin: 1.1em 0 0.5em; break-after: avoid; page-break-after: avoid; }
.gov-report p { text-indent: 2em; margin: 0 0 0.35em; text-align: justify; overflow-wrap: anywhere; }
.gov-report .gr-signature p { text-indent: 0; text-align: right; margin: 0; }
.gov-report .gr-signature { margin-top: 2em; break-inside: avoid; page-break-inside: avoid; }
.gov-report table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9.5pt; line-height: 1.35; margin: 0.3em 0 0.8em; }
.gov-report th, .gov-report td { border: 1px solid #000; padding: 3px 2px; text-align: center; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }
.gov-report thead { display: table-header-group; }
.gov-report tr { break-inside: auto; page-break-inside: auto; }
.gov-report td, .gov-report th:not([rowspan]) { break-inside: avoid; page-break-inside: avoid; }
.gov-report th.gr-row { text-align: left; padding-left: 4px; }
.gov-report th.gr-row.gr-group { text-align: center; }
.gov-report th.gr-caption { font-family: ${SANS_FONTS}; }
.gov-report th.gr-note { font-size: 9pt; }
.gov-report td.gr-v { font-variant-numeric: tabular-nums; }
.gov-report .gr-issue-error { background: #fde1e1; outline: 2px solid #c00000; outline-offset: -2px; }
.gov-report .gr-issue-warning { background: #fff4cc; outline: 2px solid #b38600; outline-offset: -2px; }
.gov-report .gr-related { background: #f3f3f3; }
.gov-report .gr-issues { margin-top: 1.5em; border-top: 1px solid #000; font-size: 10.5pt; }
.gov-report .gr-issues li { margin: 0.2em 0; }
.gov-report .gr-issues .gr-sev-error { color: #c00000; font-family: ${SANS_FONTS}; }
.gov-report .gr-issues .gr-sev-warning { color: #8a6500; font-family: ${SANS_FONTS}; }
@media print {
  .gov-report { max-width: none; margin: 0; }
  .gov-report .gr-issues { break-before: auto; }
}
@media screen {
  body { margin: 0; padding: 12mm 0; background: #fff; }
}
`;

/**
 * The look of the marks of cells whose value is not known ("未读", "45/4?") and of their legend.
 * Separate from REPORT_CSS so that a report without such cells renders byte for byte as before;
 * renderHtml's document and the PDF include it, and a page that embeds fragments adds it.
 */
export const MARK_CSS = `
.gov-report td.gr-unread, .gov-report td.gr-ambiguous { font-family: ${SANS_FONTS}; color: #a00000; }
.gov-report p.gr-legend { text-indent: 0; font-size: 10.5pt; margin-top: 1.5em; }
`;
