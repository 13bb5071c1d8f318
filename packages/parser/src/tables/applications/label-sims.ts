/**
 * Label similarities of table 三's rows over the printed groups: for each row label, the share of
 * the bigrams of its best form (official label or variant) found in a group's label words, or in
 * the label printed right after a label-less group. An index from bigram to the forms holding it
 * is built once for every row label of both editions, so each group's words are read once instead
 * of once per row (the same figures as `coverage` in src/normalize.ts).
 */
import { bigrams } from "../../normalize.js";

/** What the index needs of a row: its forms' bigrams, and the key that names them together. */
export interface LabelForms {
  formsKey: string;
  forms: readonly (readonly number[])[];
}

export class LabelIndex {
  private readonly labelOf = new Map<string, number>();
  /** Per form: the label it belongs to and its bigram count. */
  private readonly formLabel: number[] = [];
  private readonly formLength: number[] = [];
  /** Per bigram: pairs (form, times the form holds it), flat. */
  private readonly byGram = new Map<number, number[]>();

  constructor(rows: readonly LabelForms[]) {
    for (const r of rows) {
      if (this.labelOf.has(r.formsKey)) continue;
      const label = this.labelOf.size;
      this.labelOf.set(r.formsKey, label);
      for (const f of r.forms) this.addForm(label, f);
    }
  }

  private addForm(label: number, grams: readonly number[]): void {
    const form = this.formLabel.length;
    this.formLabel.push(label);
    this.formLength.push(grams.length);
    const counts = new Map<number, number>();
    for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
    for (const [g, n] of counts) {
      const list = this.byGram.get(g);
      if (list) list.push(form, n);
      else this.byGram.set(g, [form, n]);
    }
  }

  /** Per label (by its formsKey), the similarity to each group, in group order. */
  over(groups: readonly { before: string; after?: string }[]): (formsKey: string) => readonly number[] {
    const sims = Array.from({ length: this.labelOf.size }, () => new Array<number>(groups.length).fill(0));
    const hits = new Float64Array(this.formLength.length);
    groups.forEach((g, gi) => {
      this.score(g.before, hits, sims, gi);
      if (g.after) this.score(g.after, hits, sims, gi);
    });
    return (key) => sims[this.labelOf.get(key) ?? -1] ?? new Array<number>(groups.length).fill(0);
  }

  /** Raises each label's similarity to group `gi` to the coverage of its forms over `words`. */
  private score(words: string, hits: Float64Array, sims: number[][], gi: number): void {
    hits.fill(0);
    const touched: number[] = [];
    for (const g of new Set(bigrams(words))) {
      const list = this.byGram.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const form = list[k] as number;
        if (hits[form] === 0) touched.push(form);
        hits[form] = (hits[form] as number) + (list[k + 1] as number);
      }
    }
    for (const form of touched) {
      const row = sims[this.formLabel[form] as number] as number[];
      const c = (hits[form] as number) / (this.formLength[form] as number);
      if (c > (row[gi] as number)) row[gi] = c;
    }
  }
}
