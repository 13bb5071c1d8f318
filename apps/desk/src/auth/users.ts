/** Accounts and sessions, stored in the database. */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { shown, UserError } from "../errors.js";
import { hashPassword, verifyPassword } from "./passwords.js";

export type Role = "reviewer" | "viewer";
export const ROLES: readonly Role[] = ["reviewer", "viewer"];

/** Sessions last 12 hours: a working day. */
const SESSION_MS = 12 * 60 * 60 * 1000;

export { UserError };

export const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export async function addUser(db: Kysely<Database>, username: string, password: string, role: Role): Promise<void> {
  checkAccount(username, password, role);
  const taken = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  if (taken)
    throw new UserError(
      `账户 ${shown(username)} 已存在，请换一个用户名`,
      `the account ${shown(username)} exists already: choose another user name`,
    );
  await db
    .insertInto("users")
    .values({ username, role, password_hash: await hashPassword(password), created_at: new Date().toISOString() })
    .execute();
}

/** The name, password and role of a new account, checked before the database is asked. */
function checkAccount(username: string, password: string, role: Role): void {
  if (!USERNAME.test(username))
    throw new UserError(
      `用户名“${shown(username)}”不可用，请用 1 至 64 个字母、数字或 . _ @ - 组成的用户名`,
      `the user name "${shown(username)}" cannot be used: use 1 to 64 letters, digits or . _ @ -`,
    );
  if (!password)
    throw new UserError(
      "没有读到密码，请在标准输入中输入至少 8 个字符的密码，或设置环境变量 GOV_REPORT_PASSWORD",
      "no password was given: type one of at least 8 characters on standard input, or set GOV_REPORT_PASSWORD",
    );
  if (password.length < 8)
    throw new UserError(
      "密码太短，至少需要 8 个字符，请换一个更长的密码",
      "the password is too short: use at least 8 characters",
    );
  if (!ROLES.includes(role))
    throw new UserError(
      `角色“${shown(String(role))}”不存在，请用 reviewer（审核员）或 viewer（只读）`,
      `there is no role "${shown(String(role))}": use reviewer or viewer`,
    );
}

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Checks a password and opens a session: returns the cookie token and the CSRF token. */
export async function login(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<{ token: string; csrf: string; role: Role } | undefined> {
  const user = await db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
  // A missing user costs one hash too, so timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok) return undefined;
  const token = randomBytes(32).toString("base64url");
  const csrf = randomBytes(24).toString("base64url");
  const now = Date.now();
  await db
    .insertInto("sessions")
    .values({
      token_hash: tokenHash(token),
      user_id: user.id,
      csrf,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + SESSION_MS).toISOString(),
    })
    .execute();
  return { token, csrf, role: user.role as Role };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
};

export async function sessionUser(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "users.username as username",
      "users.role as role",
      "sessions.csrf as csrf",
      "sessions.expires_at as expires",
    ])
    .where("sessions.token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!row || row.expires < new Date().toISOString()) return undefined;
  return { username: row.username, role: row.role as Role, csrf: row.csrf };
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}
