/** Accounts and sessions, stored in the database. */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { hashPassword, verifyPassword } from "./passwords.js";

export type Role = "reviewer" | "viewer";
export const ROLES: readonly Role[] = ["reviewer", "viewer"];

/** Sessions last 12 hours: a working day. */
const SESSION_MS = 12 * 60 * 60 * 1000;

export class UserError extends Error {}

export const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export async function addUser(db: Kysely<Database>, username: string, password: string, role: Role): Promise<void> {
  if (!USERNAME.test(username)) throw new UserError("user name: 1–64 letters, digits, . _ @ -");
  if (password.length < 8) throw new UserError("password: at least 8 characters");
  if (!ROLES.includes(role)) throw new UserError(`role: ${ROLES.join(" or ")}`);
  const taken = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  if (taken) throw new UserError(`user ${username} exists already`);
  await db
    .insertInto("users")
    .values({ username, role, password_hash: await hashPassword(password), created_at: new Date().toISOString() })
    .execute();
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
