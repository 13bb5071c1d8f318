/**
 * Reports of one agency and one year met twice in a batch (its web page and its PDF, or a file
 * copied into two folders). Agencies are matched as core's `AgencyIndex` matches them
 * (洪泽区人民政府 and 淮安市洪泽区人民政府 are one agency); memory is one entry per agency-year.
 */
import { AgencyIndex } from "@gov-report/core/lite";

export interface Duplicate {
  agency: string;
  year: number;
  /** The input met first, and this one. */
  first: number;
  second: number;
}

export class DuplicateFinder {
  private readonly agencies = new AgencyIndex();
  private readonly seen = new Map<string, number>();

  /** The agency key of a name (as `AgencyIndex.key`). */
  key(name: string): string {
    return this.agencies.key(name);
  }

  /** Registers input `id`; returns the earlier input of the same agency and year, if any. */
  add(id: number, agencyName: string, year: number): Duplicate | undefined {
    if (!agencyName.trim()) return undefined;
    const agency = this.agencies.key(agencyName);
    const k = `${year}\u0000${agency}`;
    const first = this.seen.get(k);
    if (first === undefined) {
      this.seen.set(k, id);
      return undefined;
    }
    return { agency, year, first, second: id };
  }
}

/**
 * Whether two printed names are one agency as `check` pairs its cross-year reports: both named,
 * and one key in an `AgencyIndex` (淮安市洪泽区人民政府 and 洪泽区人民政府 are one agency).
 */
export function oneAgency(a: string, b: string): boolean {
  if (!a.trim() || !b.trim()) return false;
  const index = new AgencyIndex();
  return index.key(a) === index.key(b);
}
