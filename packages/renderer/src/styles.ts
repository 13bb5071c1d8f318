/**
 * The stylesheet of rendered reports: the official look (black 1px rules, centred headers, a
 * SimSun-like serif, centred title) and A4 print rules. Everything but the page box is scoped to
 * `.gov-report` so that a page can embed a fragment next to its own styles.
 */

/** Serif faces with CJK coverage, from the Linux, Windows and macOS names down to the generic. */
export const SERIF_FONTS = `"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", SimSun, "宋体", "Songti SC", STSong, serif`;
/**
 * Sans faces for the title, headings and captions (黑体, as official documents set headings). All
 * bold text uses this one face: each face a page uses costs Chromium about 0.7 s of font
 * subsetting per PDF job, so the document keeps to two faces (serif regular, sans bold).
 */
export const SANS_FONTS = `"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", SimHei, "黑体", "Heiti SC", "PingFang SC", sans-serif`;

export const REPORT_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
.gov-report { font-family: ${SERIF_FONTS}; font-size: 12pt; line-height: 1.7; color: #000; background: #fff; max-width: 174mm; margin: 0 auto; }
.gov-report h1 { font-family: ${SANS_FONTS}; font-size: 18pt; font-weight: bold; text-align: center; line-height: 1.4; margin: 0 0 1.2em; }
.gov-report h2 { font-family: ${SANS_FONTS}; font-size: 13pt; font-weight: bold; margin: 1.1em 0 0.5em; break-after: avoid; page-break-after: avoid; }
.gov-report p { text-indent: 2em; margin: 0 0 0.35em; text-align: justify; overflow-wrap: anywhere; }
.gov-report table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9.5pt; line-height: 1.35; margin: 0.3em 0 0.8em; }
.gov-report th, .gov-report td { border: 1px solid #000; padding: 3px 2px; text-align: center; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }
.gov-report thead { display: table-header-group; }
.gov-report tr { break-inside: avoid; page-break-inside: avoid; }
.gov-report th.gr-row { text-align: left; padding-left: 4px; }
.gov-report th.gr-row.gr-group { text-align: center; }
.gov-report th.gr-caption { font-family: ${SANS_FONTS}; font-weight: bold; }
.gov-report th.gr-note { font-size: 9pt; }
.gov-report td.gr-v { font-variant-numeric: tabular-nums; }
.gov-report .gr-issue-error { background: #fde1e1; outline: 2px solid #c00000; outline-offset: -2px; }
.gov-report .gr-issue-warning { background: #fff4cc; outline: 2px solid #b38600; outline-offset: -2px; }
.gov-report .gr-related { background: #f3f3f3; }
.gov-report .gr-issues { margin-top: 1.5em; border-top: 1px solid #000; font-size: 10.5pt; }
.gov-report .gr-issues li { margin: 0.2em 0; }
.gov-report .gr-issues .gr-sev-error { color: #c00000; font-weight: bold; }
.gov-report .gr-issues .gr-sev-warning { color: #8a6500; font-weight: bold; }
@media print {
  .gov-report { max-width: none; margin: 0; }
  .gov-report .gr-issues { break-before: auto; }
}
@media screen {
  body { margin: 0; padding: 12mm 0; background: #fff; }
}
`;
