/**
 * Finding the pairs of consecutive years of one agency in a stream of reports. A few recent
 * reports are kept in memory, so a pair whose files come close together (agency/2023.json,
 * agency/2024.json) is compared at once; the other pairs are listed at the end for their files to
 * be read again. Memory stays bounded by `window` reports whatever the batch size.
 *
 * Only the first report of an agency and year takes part: a second one is a duplicate (`check`
 * lists it as one), and pairing every copy of one year with every copy of the next would compare
 * — and read again — n × m pairs for what is one pair of years.
 */

export interface ReadyPair {
  previous: number;
  current: number;
  previousValue: unknown;
  currentValue: unknown;
}

export class ConsecutiveYears {
  /** agency → year → id of its first report. */
  private readonly byAgency = new Map<string, Map<number, number>>();
  /** id → report value, oldest first. */
  private readonly recent = new Map<number, unknown>();
  private readonly done = new Set<string>();

  constructor(private readonly window = 64) {}

  /** Registers a report; returns the pairs it completes with reports still in memory (none for a duplicate). */
  add(id: number, agency: string, year: number, value: unknown): ReadyPair[] {
    let years = this.byAgency.get(agency);
    if (!years) {
      years = new Map();
      this.byAgency.set(agency, years);
    }
    if (years.has(year)) return [];
    years.set(year, id);
    const ready: ReadyPair[] = [];
    const before = years.get(year - 1);
    if (before !== undefined && this.recent.has(before))
      ready.push(this.take(before, id, this.recent.get(before), value));
    const after = years.get(year + 1);
    if (after !== undefined && this.recent.has(after)) ready.push(this.take(id, after, value, this.recent.get(after)));
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
      for (const [year, previous] of years) {
        const current = years.get(year + 1);
        if (current !== undefined && !this.done.has(`${previous}:${current}`)) out.push({ previous, current, agency });
      }
    }
    return out;
  }
}
