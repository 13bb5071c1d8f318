/**
 * Responses: JSON with security headers, and errors as `{ error: { code, field, message,
 * messageEn } }` so that a client (or the UI) can say which field was wrong, in either language.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | null,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** What a PDF that could not be made answers (Chromium missing or failing): 503, with its reason. */
export function pdfUnavailable(e: Error): HttpError {
  return new HttpError(503, "pdf.unavailable", null, `无法生成 PDF：${e.message}`, `cannot make the PDF: ${e.message}`);
}

/** The page CSP: scripts and styles of our own origin only, no plugins, no framing by others. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "object-src 'none'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

export function baseHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "SAMEORIGIN");
  res.setHeader("Cache-Control", "no-store");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  baseHeaders(res);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(res, e.status, { error: { code: e.code, field: e.field, message: e.zh, messageEn: e.en } });
}

export function sendBytes(
  res: ServerResponse,
  status: number,
  bytes: Uint8Array | string,
  headers: Record<string, string>,
): void {
  baseHeaders(res);
  const len = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
  res.writeHead(status, { ...headers, "Content-Length": len });
  res.end(bytes);
}

/**
 * A Content-Disposition for a download. The name is reduced to safe characters for the ASCII
 * fallback and given in full (percent-encoded) as filename*, so no header injection is possible.
 */
export function attachment(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 200) || "download";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

/** Reads the request body up to `limit` bytes; more is a 413 and the rest is not read. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(tooLarge(limit));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const tooLarge = (limit: number) =>
  new HttpError(
    413,
    "body.too-large",
    "body",
    `请求内容过大（上限 ${Math.round(limit / 1048576)} MB）`,
    `request body too large (limit ${Math.round(limit / 1048576)} MB)`,
  );

/** A JSON body that must be an object; errors name the field "body". */
export async function readJsonObject(req: IncomingMessage, limit = 1 << 20): Promise<Record<string, unknown>> {
  const raw = await readBody(req, limit);
  let v: unknown;
  try {
    v = JSON.parse(raw.toString("utf8") || "null");
  } catch {
    throw new HttpError(400, "body.not-json", "body", "请求内容不是有效的 JSON", "the request body is not valid JSON");
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new HttpError(
      400,
      "body.not-object",
      "body",
      "请求内容应为 JSON 对象",
      "the request body must be a JSON object",
    );
  return v as Record<string, unknown>;
}

export function badField(field: string, zh: string, en: string, status = 400): HttpError {
  return new HttpError(status, "field.invalid", field, zh, en);
}

export const notFound = (what = "resource") => new HttpError(404, "not-found", null, "未找到", `${what} not found`);
