/**
 * Who is asking. Bound to a loopback address the desk is a single-user tool: whoever can reach it
 * is the local user, as with any local program. Bound to any other address every request needs a
 * session (cookie) and every state change its CSRF token. In both modes a request from another
 * origin (a web page the user happens to visit) is refused, and the Host header must name the
 * desk, so a DNS-rebinding page cannot reach a local desk either.
 */
import type { IncomingMessage } from "node:http";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { HttpError } from "../http/respond.js";
import { type Role, sessionUser } from "./users.js";

export interface Actor {
  name: string;
  role: Role;
  csrf: string | null;
  authenticated: boolean;
}

export const LOCAL_ACTOR: Actor = { name: "local", role: "reviewer", csrf: null, authenticated: true };
export const ANONYMOUS: Actor = { name: "anonymous", role: "viewer", csrf: null, authenticated: false };

export const SESSION_COOKIE = "gr_session";

export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "::1" || host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

const forbidden = (zh: string, en: string) => new HttpError(403, "forbidden", null, zh, en);

/** Refuses requests from other origins and with a Host that is not ours (loopback mode). */
export function checkOrigin(req: IncomingMessage, allowedHosts: Set<string>, loopback: boolean): void {
  const host = req.headers.host ?? "";
  if (loopback && !allowedHosts.has(host)) throw forbidden("请求的主机名不正确", "wrong Host header");
  const origin = req.headers.origin;
  if (origin && origin !== "null") {
    let oh = "";
    try {
      oh = new URL(origin).host;
    } catch {
      /* not a URL: refused below */
    }
    if (oh !== host) throw forbidden("不接受来自其他网站的请求", "cross-origin requests are refused");
  } else if (origin === "null") throw forbidden("不接受来自其他网站的请求", "cross-origin requests are refused");
}

export async function resolveActor(req: IncomingMessage, db: Kysely<Database>, loopback: boolean): Promise<Actor> {
  if (loopback) return LOCAL_ACTOR;
  const token = cookie(req, SESSION_COOKIE);
  if (!token) return ANONYMOUS;
  const user = await sessionUser(db, token);
  return user ? { name: user.username, role: user.role, csrf: user.csrf, authenticated: true } : ANONYMOUS;
}

/** A state change: needs a reviewer and, with accounts, the session's CSRF token. */
export function checkWrite(req: IncomingMessage, actor: Actor): void {
  if (!actor.authenticated) throw new HttpError(401, "auth.required", null, "请先登录", "please log in");
  if (actor.role !== "reviewer") throw forbidden("只读账户不能修改", "a viewer cannot change anything");
  if (actor.csrf !== null && req.headers["x-csrf-token"] !== actor.csrf)
    throw forbidden("CSRF 令牌缺失或不正确，请刷新页面", "missing or wrong CSRF token; reload the page");
}
