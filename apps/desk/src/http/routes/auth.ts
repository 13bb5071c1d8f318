/** Session endpoints: who am I (and my CSRF token), log in, log out. */
import { cookie, SESSION_COOKIE } from "../../auth/access.js";
import { login, logout } from "../../auth/users.js";
import type { LoginResult, Session } from "../api-types.js";
import type { Desk } from "../desk.js";
import { badField, HttpError, readJsonObject, sendJson } from "../respond.js";
import type { Router } from "../router.js";

export function authRoutes(r: Router, desk: Desk, loopback: boolean): void {
  r.get("/api/session", ({ res, actor }) =>
    sendJson(res, 200, {
      mode: loopback ? "single-user" : "accounts",
      user: actor.authenticated ? actor.name : null,
      role: actor.authenticated ? actor.role : null,
      csrf: actor.csrf,
    } satisfies Session),
  );

  r.post("/api/login", async ({ req, res }) => {
    if (loopback)
      throw new HttpError(409, "auth.single-user", null, "单用户模式无需登录", "single-user mode: no login needed");
    const body = await readJsonObject(req);
    if (typeof body.username !== "string" || !body.username)
      throw badField("username", "请填写用户名", "username is required");
    if (typeof body.password !== "string" || !body.password)
      throw badField("password", "请填写密码", "password is required");
    const s = await login(desk.store.db, body.username, body.password);
    if (!s) throw new HttpError(401, "auth.failed", "password", "用户名或密码不正确", "wrong user name or password");
    res.setHeader("Set-Cookie", `${SESSION_COOKIE}=${s.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`);
    sendJson(res, 200, { user: body.username, role: s.role, csrf: s.csrf } satisfies LoginResult);
  });

  r.post("/api/logout", async ({ req, res }) => {
    const token = cookie(req, SESSION_COOKIE);
    if (token) await logout(desk.store.db, token);
    res.setHeader("Set-Cookie", `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    sendJson(res, 200, { ok: true });
  });
}
