/**
 * PDF text items placed on the page as it is read. pdf.js gives every item in the page's user
 * space; a page can be shown turned (`/Rotate 90`, how many reports keep a landscape table page
 * inside a portrait file) and its text can be drawn turned (content rotated, with or without
 * `/Rotate`). Each item's origin is mapped through the page's viewport (the page as displayed,
 * y up) and then, when most of the page's text runs in another direction than left to right, the
 * page is turned a quarter (or half) turn at a time until that text runs left to right. An upright
 * page's items keep the very figures pdf.js gives (the matrix is the identity).
 */

/** An affine matrix `[a, b, c, d, e, f]` as pdf.js gives them: (x, y) → (ax + cy + e, bx + dy + f). */
export type Matrix = readonly number[];

/** What pdf.js's getTextContent gives per item (the fields read here). */
export interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** An item where it is read: origin of its baseline (y up), advance width and font size. */
export interface PlacedItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageViewport {
  width: number;
  height: number;
  /** pdf.js's viewport transform: user space to the displayed page, y down. */
  transform: number[];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m1 ∘ m2`: `m2` applied first (pdf.js's Util.transform). */
export function compose(m1: Matrix, m2: Matrix): number[] {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/** Cosine and sine of a quarter turn count 0–3, exactly. */
const QUARTER: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

/** Quarter turns (0–3, counter-clockwise) of the direction `(a, b)`, to the nearest. */
export function quarterOf(a: number, b: number): number {
  if (a === 0 && b === 0) return 0;
  const q = Math.round(Math.atan2(b, a) / (Math.PI / 2));
  return ((q % 4) + 4) % 4;
}

/**
 * The quarter turns the page's text mostly runs at, as displayed (counted in characters): 0 unless
 * more characters run in one other direction than left to right.
 */
export function readingQuarter(displayed: Matrix, items: readonly RawTextItem[]): number {
  const chars = [0, 0, 0, 0];
  for (const it of items) {
    const n = it.str?.trim().length ?? 0;
    if (!n) continue;
    const t = it.transform ?? IDENTITY;
    const m = compose(displayed, [t[0] ?? 1, t[1] ?? 0, 0, 1, 0, 0]);
    const q = quarterOf(m[0] ?? 0, m[1] ?? 0);
    chars[q] = (chars[q] ?? 0) + n;
  }
  let best = 0;
  for (let q = 1; q < 4; q++) if ((chars[q] ?? 0) > (chars[best] ?? 0)) best = q;
  return best;
}

/**
 * The matrix from user space to the page as read (y up, origin bottom left), and the page's size
 * as read: the viewport, flipped to y up, then turned back by `quarter` quarter turns.
 */
export function readingFrame(vp: PageViewport, quarter: number): { matrix: number[]; width: number; height: number } {
  const displayed = compose([1, 0, 0, -1, 0, vp.height], vp.transform);
  const [cos, sin] = QUARTER[quarter] ?? [1, 0];
  // Turning back by the quarter: (x, y) → (x cos + y sin, −x sin + y cos), then into the positive quadrant.
  const turn = [cos, -sin, sin, cos, 0, 0];
  const corners = [
    [0, 0],
    [vp.width, 0],
    [0, vp.height],
    [vp.width, vp.height],
  ].map(([x = 0, y = 0]) => [cos * x + sin * y, -sin * x + cos * y] as const);
  const minX = Math.min(...corners.map((c) => c[0]));
  const minY = Math.min(...corners.map((c) => c[1]));
  turn[4] = minX === 0 ? 0 : -minX;
  turn[5] = minY === 0 ? 0 : -minY;
  const odd = quarter % 2 === 1;
  return {
    matrix: compose(turn, displayed),
    width: odd ? vp.height : vp.width,
    height: odd ? vp.width : vp.height,
  };
}

/** The items of a page placed as read, and the page's size as read. */
export function placeItems(
  raw: readonly RawTextItem[],
  vp: PageViewport,
): { items: PlacedItem[]; width: number; height: number } {
  const displayed = compose([1, 0, 0, -1, 0, vp.height], vp.transform);
  const frame = readingFrame(vp, readingQuarter(displayed, raw));
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = frame.matrix;
  const items: PlacedItem[] = [];
  for (const it of raw) {
    if (!it.str) continue;
    const t = it.transform ?? [];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || it.height || 10;
    const x0 = t[4] ?? 0;
    const y0 = t[5] ?? 0;
    items.push({ str: it.str, x: a * x0 + c * y0 + e, y: b * x0 + d * y0 + f, width: it.width ?? 0, size });
  }
  return { items, width: frame.width, height: frame.height };
}
