/**
 * Chromium maps a glyph that a CJK font shares between a radical and an ideograph (⼯/工, ⻔/门)
 * to the radical in the PDF's ToUnicode map, so text copied from or extracted out of the PDF reads
 * "部⻔" for 部门 — a fault the format reference lists for real reports. This rewrites those
 * ToUnicode entries to the ideographs, so our PDFs extract as the text they show.
 */
import { decodePDFRawStream, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

/**
 * Simplified-form radicals of the CJK Radicals Supplement and their ideographs (from Unicode's
 * EquivalentUnifiedIdeograph data). Kangxi radicals (U+2F00–U+2FD5) map by NFKC instead.
 */
const SUPPLEMENT: ReadonlyMap<number, string> = new Map([
  [0x2ea0, "民"],
  [0x2ec5, "见"],
  [0x2ec6, "角"],
  [0x2ec8, "讠"],
  [0x2ec9, "贝"],
  [0x2ecb, "车"],
  [0x2ed0, "钅"],
  [0x2ed3, "长"],
  [0x2ed4, "门"],
  [0x2ed7, "雨"],
  [0x2ed8, "青"],
  [0x2ed9, "韦"],
  [0x2eda, "页"],
  [0x2edb, "风"],
  [0x2edc, "飞"],
  [0x2ee0, "饣"],
  [0x2ee2, "马"],
  [0x2ee3, "骨"],
  [0x2ee4, "鬼"],
  [0x2ee5, "鱼"],
  [0x2ee6, "鸟"],
  [0x2ee7, "卤"],
  [0x2ee8, "麦"],
  [0x2ee9, "黄"],
  [0x2eea, "黾"],
  [0x2eec, "齐"],
  [0x2eee, "齿"],
  [0x2ef0, "龙"],
  [0x2ef3, "龟"],
]);

/** The ideograph a radical stands for, or undefined for any other character. */
export function ideographForRadical(cp: number): string | undefined {
  if (cp >= 0x2f00 && cp <= 0x2fd5) {
    const n = String.fromCodePoint(cp).normalize("NFKC");
    return n.codePointAt(0) === cp ? undefined : n;
  }
  return cp >= 0x2e80 && cp <= 0x2eff ? SUPPLEMENT.get(cp) : undefined;
}

const hex4 = (s: string) =>
  [...s].map((c) => (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")).join("");

/** Destination hex (UTF-16BE) with a radical replaced by its ideograph; other values unchanged. */
function fixDestination(hex: string): string {
  if (hex.length !== 4) return hex;
  const ideograph = ideographForRadical(Number.parseInt(hex, 16));
  return ideograph ? hex4(ideograph) : hex;
}

/** Rewrites a ToUnicode CMap program; bfrange entries that reach a radical become bfchar entries. */
export function fixCMap(cmap: string): string {
  const lines = cmap.split("\n");
  const out: string[] = [];
  let mode: "none" | "char" | "range" = "none";
  let extraChars: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.endsWith("beginbfchar")) mode = "char";
    else if (t.endsWith("beginbfrange")) mode = "range";
    else if (t === "endbfchar" || t === "endbfrange") mode = "none";
    else if (mode === "char") {
      const m = /^<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>$/.exec(t);
      if (m) {
        out.push(`<${m[1]}> <${fixDestination(m[2] as string)}>`);
        continue;
      }
    } else if (mode === "range") {
      const m = /^<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>$/.exec(t);
      if (m) {
        const [lo, hi, dst] = [m[1] as string, m[2] as string, m[3] as string].map((h) => Number.parseInt(h, 16)) as [
          number,
          number,
          number,
        ];
        const touches = Array.from({ length: hi - lo + 1 }, (_, k) => ideographForRadical(dst + k)).some(Boolean);
        if (touches) {
          const width = (m[1] as string).length;
          for (let k = 0; k <= hi - lo; k++) {
            const src = (lo + k).toString(16).toUpperCase().padStart(width, "0");
            extraChars.push(`<${src}> <${fixDestination((dst + k).toString(16).toUpperCase().padStart(4, "0"))}>`);
          }
          continue;
        }
      }
    }
    if (t === "endcmap" && extraChars.length) {
      // bfchar blocks hold at most 100 entries.
      for (let i = 0; i < extraChars.length; i += 100) {
        const chunk = extraChars.slice(i, i + 100);
        out.push(`${chunk.length} beginbfchar`, ...chunk, "endbfchar");
      }
      extraChars = [];
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Fixes every font's ToUnicode map in a PDF document. */
export function fixToUnicodeMaps(doc: PDFDocument): void {
  const done = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const ref = obj.get(PDFName.of("ToUnicode"));
    if (!(ref instanceof PDFRef) || done.has(ref.toString())) continue;
    done.add(ref.toString());
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    const fixed = fixCMap(cmap);
    if (fixed !== cmap) doc.context.assign(ref, doc.context.flateStream(fixed));
  }
}
