/**
 * Shape (f): 2021-edition reports whose labels differ from the official ones as real reports print
 * them (format reference, "Label variants seen in real reports"): the 2019 label of a row the 2021
 * edition renamed (规范性文件 for 行政规范性文件), numbering written `1、` `1．` `（1）`, spaces inside
 * labels, a character dropped (garbled labels), abbreviated applicant columns. Every variant is
 * derived mechanically from core's labels; the same label prints the same way throughout a document.
 */
import { APPLICANT_COLUMNS, PROACTIVE_BLOCKS, type Report } from "@gov-report/core";
import { escapeHtml, renderHtml } from "@gov-report/renderer";
import { gridOf } from "./grid.js";
import { abbreviate } from "./ocr.js";
import { between, chance, pick, type Rand } from "./random.js";

/** Labels of 表二 rows whose 2019 wording differs from 2021's, keyed by the 2021 label. */
function earlierLabels(): Map<string, string> {
  const out = new Map<string, string>();
  const old = new Map(PROACTIVE_BLOCKS["2019"].flatMap((b) => b.rows.map((r) => [r.key, r.zh] as const)));
  for (const b of PROACTIVE_BLOCKS["2021"])
    for (const r of b.rows) {
      const zh = old.get(r.key);
      if (zh && zh !== r.zh) out.set(r.zh, zh);
    }
  return out;
}

const NUMBERINGS = [(d: string) => `${d}、`, (d: string) => `${d}．`, (d: string) => `（${d}）`];

function renumbered(label: string, style: (d: string) => string): string {
  const m = /^(\d)\./.exec(label);
  return m ? `${style(m[1] as string)}${label.slice(2)}` : label;
}

function spaced(label: string, rand: Rand): string {
  const at = between(rand, 2, label.length - 2);
  return `${label.slice(0, at)}${chance(rand, 0.5) ? " " : "　"}${label.slice(at)}`;
}

/** One character dropped from the middle, as in 2.其他法律行政止公开. */
function garbled(label: string, rand: Rand): string {
  const at = between(rand, 3, label.length - 3);
  return `${label.slice(0, at)}${label.slice(at + 1)}`;
}

export type LabelRewrite = (label: string) => string;

/** A label rewriter for one document: which variants it prints is decided once, per label. */
export function labelVariants(report: Report, rand: Rand): LabelRewrite {
  const earlier = earlierLabels();
  const applicants = new Set(APPLICANT_COLUMNS.map((c) => c.zh));
  const numbering = pick(rand, NUMBERINGS);
  const memo = new Map<string, string>();
  const rowLabels = new Set(gridOf(report).flatMap((t) => t.rows.flatMap((r) => r.labels)));
  return (label) => {
    const known = memo.get(label);
    if (known !== undefined) return known;
    let out = earlier.get(label) ?? label;
    if (applicants.has(label)) out = abbreviate(label);
    else if (rowLabels.has(label)) {
      out = renumbered(out, numbering);
      if (out.length >= 8 && chance(rand, 0.25)) out = spaced(out, rand);
      else if (out.length >= 10 && chance(rand, 0.1)) out = garbled(out, rand);
    }
    memo.set(label, out);
    return out;
  };
}

/** Every printed label of the rendered page replaced by its variant. */
export function variantHtml(report: Report, rewrite: LabelRewrite): string {
  let html = renderHtml(report);
  const labels = new Set(gridOf(report).flatMap((t) => [...t.rows.flatMap((r) => r.labels), ...t.columns.flat()]));
  // Longest first, so that a label inside a longer one is not replaced on its own.
  for (const label of [...labels].sort((a, b) => b.length - a.length)) {
    const to = rewrite(label);
    if (to !== label) html = html.split(`>${escapeHtml(label)}<`).join(`>${escapeHtml(to)}<`);
  }
  return html;
}
