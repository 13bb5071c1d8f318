/**
 * The desk's HTTP server: the API under /api, the OpenAPI document, and the UI. Every error a
 * client can cause is a JSON 4xx naming the field; anything else is a 500 without details (the
 * server logs it) and never a stack trace in the response.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Actor, checkOrigin, checkWrite, resolveActor } from "../auth/access.js";
import type { Desk } from "./desk.js";
import { openApiDocument } from "./openapi.js";
import { baseHeaders, HttpError, notFound, PAGE_CSP, sendBytes, sendError, sendJson } from "./respond.js";
import { Router } from "./router.js";
import { acrossRoutes } from "./routes/across.js";
import { authRoutes } from "./routes/auth.js";
import { exportRoutes } from "./routes/exports.js";
import { findingRoutes } from "./routes/findings.js";
import { importRoutes } from "./routes/imports.js";
import { reportRoutes } from "./routes/reports.js";
import { loadStatic, type StaticFile, uiDir } from "./static.js";

export interface ServerOptions {
  loopback: boolean;
  /** Host headers accepted in loopback mode (filled in once the port is known). */
  allowedHosts: Set<string>;
  log: (line: string) => void;
}

export function buildRouter(desk: Desk, loopback: boolean): Router {
  const r = new Router();
  r.get("/api/health", ({ res }) => sendJson(res, 200, { ok: true }));
  r.get("/openapi.json", ({ res }) => sendJson(res, 200, openApiDocument()));
  authRoutes(r, desk, loopback);
  reportRoutes(r, desk);
  findingRoutes(r, desk);
  importRoutes(r, desk);
  acrossRoutes(r, desk);
  exportRoutes(r, desk);
  return r;
}

/** Paths anyone may reach before logging in. */
const PUBLIC = new Set(["/api/health", "/api/session", "/api/login", "/openapi.json"]);

function servePage(res: ServerResponse, files: Map<string, StaticFile>, path: string): boolean {
  const file =
    files.get(path) ?? (!path.startsWith("/api/") && !path.includes(".") ? files.get("/index.html") : undefined);
  if (!file) return false;
  sendBytes(res, 200, file.bytes, { "Content-Type": file.type, "Content-Security-Policy": PAGE_CSP });
  return true;
}

export function createDeskServer(desk: Desk, options: ServerOptions): Server {
  const router = buildRouter(desk, options.loopback);
  const files = loadStatic(uiDir());
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://desk.invalid");
    checkOrigin(req, options.allowedHosts, options.loopback);
    const actor: Actor = await resolveActor(req, desk.store.db, options.loopback);
    const method = req.method ?? "GET";
    const m = router.match(method, url.pathname);
    if (m === "method") throw new HttpError(405, "method.not-allowed", null, "不支持该请求方法", "method not allowed");
    if (!m) {
      if ((method === "GET" || method === "HEAD") && servePage(res, files, url.pathname)) return;
      throw notFound("path");
    }
    if (!PUBLIC.has(url.pathname)) {
      if (m.route.write) checkWrite(req, actor);
      else if (!actor.authenticated) throw new HttpError(401, "auth.required", null, "请先登录", "please log in");
    }
    await m.route.handler({ req, res, url, params: m.params, actor });
  };
  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) return sendError(res, e);
      if (e instanceof URIError)
        return sendError(
          res,
          new HttpError(400, "path.malformed", "path", "请求路径编码有误", "malformed path encoding"),
        );
      options.log(`internal error on ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
      baseHeaders(res);
      sendError(res, new HttpError(500, "internal", null, "服务器内部错误", "internal server error"));
    });
  });
}
