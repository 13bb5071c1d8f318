/**
 * Strategy "run-together row" (table 二, which has no totals): the splits of a row's figures
 * printed with no separator into the row's cells, and a dash glued between digits ("7-129") read
 * both as a blank cell (7|-|129) and as the sign of a negative change run together (7|-12|9). The
 * readings are candidates: the digits, the evidence or nobody decides between them.
 */
import { splitRuns } from "../digits.js";
import type { Token } from "../doc.js";

/** Readings of a row with a glued "-": as a blank cell, and as the sign of the next figure. */
export function gluedReadings(tokens: readonly Token[], glued: number, count: number, signedAt: number): number[][] {
  const next = tokens[glued + 1] as Token;
  const asNegative: Token = {
    ...next,
    value: -(next.value ?? 0),
    signed: true,
    digits: next.digits ?? String(next.value ?? 0),
  };
  const readings = [tokens, [...tokens.slice(0, glued), asNegative, ...tokens.slice(glued + 2)]];
  const seen = new Map<string, number[]>();
  for (const r of readings)
    for (const c of splitTokens(r, count, signedAt).candidates) if (!seen.has(c.join("|"))) seen.set(c.join("|"), c);
  return [...seen.values()];
}

/** Every split of a row's run-together figures into `count` cells (table 二 has no totals to check). */
export function splitTokens(tokens: readonly Token[], count: number, signedAt: number) {
  return splitRuns(
    tokens.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac })),
    count,
    () => true,
    16,
    signedAt >= 0 ? signedAt : undefined,
  );
}
