/**
 * Finding the pairs of consecutive years of one agency in a stream of reports. A few recent
 * reports are kept in memory, so a pair whose files come close together (agency/2023.json,
 * agency/2024.json) is compared at once; the other pairs are listed at the end for their files to
 * be read again. Memory stays bounded by `window` reports whatever the batch size.
 */

export interface ReadyPair {
  previous: number;
  current: number;
  previousValue: unknown;
  currentValue: unknown;
}

export class ConsecutiveYears {
  /** agency → year → ids of its reports. */
  private readonly byAgency = new Map<string, Map<number, number[]>>();
  /** id → report value, oldest first. */
  private readonly recent = new Map<number, unknown>();
  private readonly done = new Set<string>();

  constructor(private readonly window = 64) {}

  /** Registers a report; returns the pairs it completes with reports still in memory. */
  add(id: number, agency: string, year: number, value: unknown): ReadyPair[] {
    let years = this.byAgency.get(agency);
    if (!years) {
      years = new Map();
      this.byAgency.set(agency, years);
    }
    years.set(year, [...(years.get(year) ?? []), id]);
    const ready: ReadyPair[] = [];
    for (const other of years.get(year - 1) ?? []) {
      if (this.recent.has(other)) ready.push(this.take(other, id, this.recent.get(other), value));
    }
    for (const other of years.get(year + 1) ?? []) {
      if (this.recent.has(other)) ready.push(this.take(id, other, value, this.recent.get(other)));
    }
    this.recent.set(id, value);
    if (this.recent.size > this.window) this.recent.delete(this.recent.keys().next().value as number);
    return ready;
  }

  private take(previous: number, current: number, previousValue: unknown, currentValue: unknown): ReadyPair {
    this.done.add(`${previous}:${current}`);
    return { previous, current, previousValue, currentValue };
  }

  /** Pairs not compared yet: their reports left memory before the partner came. */
  remaining(): { previous: number; current: number; agency: string }[] {
    const out: { previous: number; current: number; agency: string }[] = [];
    for (const [agency, years] of this.byAgency) {
      for (const [year, ids] of years) {
        for (const previous of ids) {
          for (const current of years.get(year + 1) ?? []) {
            if (!this.done.has(`${previous}:${current}`)) out.push({ previous, current, agency });
          }
        }
      }
    }
    return out;
  }
}
