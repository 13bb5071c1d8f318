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
  const candidates: number[][] = [];
  const totalMin = pieces.length;
  let totalMax = 0;
  for (const p of pieces) totalMax += p.digits ? p.digits.length : 1;
  if (count < totalMin || count > totalMax || count > 64 || totalMax > count * MAX_DIGITS)
    return { candidates, truncated: false };

  // canFinish(piece, pos, left): the rest can be cut into exactly `left` numbers.
  const memo = new Map<number, boolean>();
  const stride = 64;
  const canFinish = (pi: number, pos: number, left: number): boolean => {
    if (pi === pieces.length) return left === 0;
    const key = (pi * 4096 + pos) * stride + left;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const p = pieces[pi] as Piece;
    let ok = false;
    if (!p.digits) ok = left >= 1 && canFinish(pi + 1, 0, left - 1);
    else {
      const d = p.digits;
      if (pos === d.length) ok = canFinish(pi + 1, 0, left);
      else if (left > 0) {
        const maxLen = d[pos] === "0" ? 1 : Math.min(MAX_DIGITS, d.length - pos);
        for (let len = 1; len <= maxLen && !ok; len++) ok = canFinish(pi, pos + len, left - 1);
      }
    }
    memo.set(key, ok);
    return ok;
  };

  let leaves = 0;
  let truncated = false;
  const cur: number[] = [];
  const walk = (pi: number, pos: number, left: number): void => {
    if (truncated) return;
    if (pi === pieces.length) {
      if (left !== 0) return;
      if (++leaves > MAX_LEAVES) {
        truncated = true;
        return;
      }
      if (check(cur)) {
        candidates.push([...cur]);
        if (candidates.length >= maxCandidates) truncated = true;
      }
      return;
    }
    if (!canFinish(pi, pos, left)) return;
    const p = pieces[pi] as Piece;
    if (pos === 0 && p.signed && signedAt !== undefined && cur.length !== signedAt) return;
    if (!p.digits) {
      cur.push(p.value);
      if (!prefixCheck || prefixCheck(cur)) walk(pi + 1, 0, left - 1);
      cur.pop();
      return;
    }
    const d = p.digits;
    if (pos === d.length) {
      // a cut piece must yield at least one number: guaranteed since pos advanced from 0
      walk(pi + 1, 0, left);
      return;
    }
    const maxLen = d[pos] === "0" ? 1 : Math.min(MAX_DIGITS, d.length - pos);
    const sign = pos === 0 && p.value < 0 ? -1 : 1;
    for (let len = 1; len <= maxLen; len++) {
      const last = pos + len === d.length;
      cur.push(sign * Number(last && p.frac ? `${d.slice(pos, pos + len)}.${p.frac}` : d.slice(pos, pos + len)));
      if (!prefixCheck || prefixCheck(cur)) walk(pi, pos + len, left - 1);
      cur.pop();
      if (truncated) return;
    }
  };
  walk(0, 0, count);
  return { candidates, truncated };
}
