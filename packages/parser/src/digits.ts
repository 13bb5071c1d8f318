/**
 * Splitting figures that were printed with no separator ("640020470" for 64|0|0|2|0|4|70). Each
 * run of digits is cut into one or more numbers (no leading zeros, at most 9 digits each) so that
 * the row has `count` numbers, and only splits that satisfy the row's totals are kept. The search
 * is bounded: a memo of which (piece, position, numbers left) states can still finish prunes dead
 * ends, and enumeration stops after a fixed number of complete splits.
 */

export interface SplitResult {
  /** Splits that satisfy the check (at most `maxCandidates`). */
  candidates: number[][];
  /** True when the search stopped early: there may be more candidates. */
  truncated: boolean;
}

const MAX_DIGITS = 9;
const MAX_LEAVES = 200000;

/**
 * pieces: the printed pieces in order; a piece with `digits` may be cut, others are one number.
 */
export interface Piece {
  value: number;
  /** The digits of a piece that may be cut. */
  digits?: string | undefined;
  /** Printed with a sign: the sign belongs to the first number cut from it. */
  signed?: boolean | undefined;
  /** Decimals printed after the digits: they belong to the last number cut from it. */
  frac?: string | undefined;
}

/**
 * `signedAt`: the column that holds signed figures (2019 本年增/减); a signed piece must start
 * there, which tells "22+32" apart as 22|+3|2.
 */
export function splitRuns(
  pieces: readonly Piece[],
  count: number,
  check: (values: readonly number[]) => boolean,
  maxCandidates = 16,
  signedAt?: number,
  /** Called after each number is added; false prunes (e.g. a group total that does not add up). */
  prefixCheck?: (values: readonly number[]) => boolean,
): SplitResult {
  let totalMax = 0;
  for (const p of pieces) totalMax += p.digits ? p.digits.length : 1;
  if (count < pieces.length || count > totalMax || count > 64 || totalMax > count * MAX_DIGITS)
    return { candidates: [], truncated: false };
  const s = new Splitter(pieces, { check, maxCandidates, signedAt, prefixCheck });
  s.walk(0, 0, count);
  return { candidates: s.candidates, truncated: s.truncated };
}

interface SplitOptions {
  check: (values: readonly number[]) => boolean;
  maxCandidates: number;
  signedAt: number | undefined;
  prefixCheck: ((values: readonly number[]) => boolean) | undefined;
}

/** The search of splitRuns: a depth-first walk over the cuts, pruned by a memo of what can finish. */
class Splitter {
  readonly candidates: number[][] = [];
  truncated = false;
  private leaves = 0;
  private readonly cur: number[] = [];
  private readonly memo = new Map<number, boolean>();

  constructor(
    private readonly pieces: readonly Piece[],
    private readonly o: SplitOptions,
  ) {}

  /** The pieces from `pi` (at digit `pos`) can be cut into exactly `left` numbers. */
  private canFinish(pi: number, pos: number, left: number): boolean {
    if (pi === this.pieces.length) return left === 0;
    const key = (pi * 4096 + pos) * 64 + left;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const p = this.pieces[pi] as Piece;
    let ok = false;
    if (!p.digits) ok = left >= 1 && this.canFinish(pi + 1, 0, left - 1);
    else if (pos === p.digits.length) ok = this.canFinish(pi + 1, 0, left);
    else if (left > 0) {
      const maxLen = p.digits[pos] === "0" ? 1 : Math.min(MAX_DIGITS, p.digits.length - pos);
      for (let len = 1; len <= maxLen && !ok; len++) ok = this.canFinish(pi, pos + len, left - 1);
    }
    this.memo.set(key, ok);
    return ok;
  }

  private leaf(left: number): void {
    if (left !== 0) return;
    if (++this.leaves > MAX_LEAVES) {
      this.truncated = true;
      return;
    }
    if (this.o.check(this.cur)) {
      this.candidates.push([...this.cur]);
      if (this.candidates.length >= this.o.maxCandidates) this.truncated = true;
    }
  }

  private push(value: number, next: () => void): void {
    this.cur.push(value);
    if (!this.o.prefixCheck || this.o.prefixCheck(this.cur)) next();
    this.cur.pop();
  }

  walk(pi: number, pos: number, left: number): void {
    if (this.truncated) return;
    if (pi === this.pieces.length) {
      this.leaf(left);
      return;
    }
    if (!this.canFinish(pi, pos, left)) return;
    const p = this.pieces[pi] as Piece;
    if (pos === 0 && p.signed && this.o.signedAt !== undefined && this.cur.length !== this.o.signedAt) return;
    const d = p.digits;
    if (!d) {
      this.push(p.value, () => this.walk(pi + 1, 0, left - 1));
      return;
    }
    // A cut piece yields at least one number: pos advanced from 0 before it ends.
    if (pos === d.length) {
      this.walk(pi + 1, 0, left);
      return;
    }
    const maxLen = d[pos] === "0" ? 1 : Math.min(MAX_DIGITS, d.length - pos);
    const sign = pos === 0 && p.value < 0 ? -1 : 1;
    for (let len = 1; len <= maxLen && !this.truncated; len++) {
      const last = pos + len === d.length;
      const text = last && p.frac ? `${d.slice(pos, pos + len)}.${p.frac}` : d.slice(pos, pos + len);
      this.push(sign * Number(text), () => this.walk(pi, pos + len, left - 1));
    }
  }
}
