/**
 * Why a database could not be opened, in words that name it and say what to do, from the error
 * better-sqlite3, pg or the migrator gave (their own messages are English and name no remedy).
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DbOpenError, reasonOf, shown } from "../errors.js";

const codeOf = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A SQLite file that better-sqlite3 could not open or set up. */
export function sqliteOpenError(file: string, e: unknown): DbOpenError {
  const f = shown(file);
  const dir = dirname(resolve(file));
  if (!existsSync(dir)) {
    const d = shown(dir);
    return new DbOpenError(
      `数据库文件 ${f} 所在的文件夹 ${d} 不存在，请先创建该文件夹，或用 --db 指定另一个文件`,
      `the folder ${d} of the database file ${f} does not exist: create it, or give another file with --db`,
    );
  }
  if (isFolder(file)) {
    const inside = shown(join(file, "gov-report.sqlite"));
    return new DbOpenError(
      `${f} 是一个文件夹，不是数据库文件，请用 --db 指定一个文件（如 ${inside}）`,
      `${f} is a folder, not a database file: give a file with --db (such as ${inside})`,
    );
  }
  switch (codeOf(e)) {
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return new DbOpenError(
        `${f} 不是审核台的 SQLite 数据库（文件已损坏或是别的文件），请用 --db 指定审核台的数据库，或一个尚不存在的文件名以新建数据库`,
        `${f} is not a desk's SQLite database (damaged, or another kind of file): give the desk's database with --db, or a new file name to create one`,
      );
    case "SQLITE_BUSY":
    case "SQLITE_LOCKED":
      return new DbOpenError(
        `数据库 ${f} 正被另一个程序使用（可能另一个审核台已在运行），请先停止它再重试`,
        `the database ${f} is in use by another program (perhaps another desk): stop it and try again`,
      );
    case "SQLITE_CANTOPEN":
    case "SQLITE_READONLY":
    case "SQLITE_PERM":
    case "EACCES":
      return new DbOpenError(
        `无法读写数据库文件 ${f}，请检查该文件及其所在文件夹的权限，或用 --db 指定另一个文件`,
        `cannot read and write the database file ${f}: check the permissions of the file and its folder, or give another file with --db`,
      );
    default:
      return new DbOpenError(
        `无法打开 SQLite 数据库 ${f}（${reasonOf(e)}），请用 --db 指定另一个文件`,
        `cannot open the SQLite database ${f} (${reasonOf(e)}): give another file with --db`,
      );
  }
}

/** Host, port, user and database a postgres:// URL names (libpq's defaults where it names none). */
function partsOf(url: string) {
  try {
    const u = new URL(url);
    return {
      server: `${u.hostname || "localhost"}:${u.port || "5432"}`,
      user: decodeURIComponent(u.username) || process.env.PGUSER || "",
      database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    };
  } catch {
    return { server: "", user: "", database: "" };
  }
}

/** A PostgreSQL server that could not be reached, or refused the connection. */
export function postgresOpenError(url: string, location: string, e: unknown): DbOpenError {
  const { server, user, database } = partsOf(url);
  const [s, u, d, at] = [shown(server), shown(user), shown(database), shown(location)];
  switch (codeOf(e)) {
    case "ECONNREFUSED":
      return new DbOpenError(
        `无法连接 PostgreSQL 服务器 ${s}（连接被拒绝），请确认服务器已启动，且 --db 中的地址和端口正确`,
        `cannot connect to the PostgreSQL server ${s} (connection refused): check that it is running and that the address and port in --db are right`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new DbOpenError(
        `找不到 PostgreSQL 服务器 ${s}，请检查 --db 中的主机名`,
        `the PostgreSQL server ${s} was not found: check the host name in --db`,
      );
    case "28P01":
    case "28000":
      return new DbOpenError(
        `PostgreSQL 服务器 ${s} 拒绝了用户 ${u} 的登录（用户名或密码不对，或该用户不允许连接），请检查 --db 中的用户名和密码`,
        `the PostgreSQL server ${s} refused user ${u} (wrong user name or password, or the user may not connect): check them in --db`,
      );
    case "3D000":
      return new DbOpenError(
        `PostgreSQL 服务器 ${s} 上没有数据库 ${d}，请先创建它（createdb ${d}），或在 --db 中指定已有的数据库`,
        `the PostgreSQL server ${s} has no database ${d}: create it (createdb ${d}) or name an existing one in --db`,
      );
  }
  const reason = messageOf(e);
  if (/\bSSL\b/i.test(reason))
    return new DbOpenError(
      `无法与 PostgreSQL 服务器 ${s} 建立 SSL 连接（${reasonOf(e)}），请检查 --db 中的 sslmode，或服务器的 SSL 设置`,
      `cannot make an SSL connection to the PostgreSQL server ${s} (${reasonOf(e)}): check sslmode in --db, or the server's SSL settings`,
    );
  if (/timeout|timed out|terminated/i.test(reason) || codeOf(e) === "ETIMEDOUT")
    return new DbOpenError(
      `PostgreSQL 服务器 ${s} 没有应答（连接超时或被中断），请检查服务器是否在运行、网络和防火墙，以及 --db 中的地址`,
      `the PostgreSQL server ${s} did not answer (timed out or cut off): check that it is running, the network and firewall, and the address in --db`,
    );
  return new DbOpenError(
    `无法连接 PostgreSQL 数据库 ${at}（${reasonOf(e)}），请检查 --db 中的地址`,
    `cannot connect to the PostgreSQL database ${at} (${reasonOf(e)}): check the address in --db`,
  );
}

/** The desk's tables could not be created or brought up to date. */
export function migrationError(location: string, e: unknown): DbOpenError {
  const at = shown(location);
  if (/corrupted migrations/i.test(messageOf(e)))
    return new DbOpenError(
      `数据库 ${at} 由更新版本的 gov-report 建立，请升级 gov-report 后再打开它`,
      `the database ${at} was made by a newer gov-report: upgrade gov-report to open it`,
    );
  if (codeOf(e) === "42501")
    return new DbOpenError(
      `数据库 ${at} 的用户没有建表的权限，请授予该用户在这个数据库中建表的权限，或在 --db 中换一个用户`,
      `the user of the database ${at} may not create tables: grant it that right on this database, or use another user in --db`,
    );
  return new DbOpenError(
    `无法在数据库 ${at} 中建立或更新审核台的表（${reasonOf(e)}），请检查该数据库，或用 --db 指定另一个`,
    `cannot create or update the desk's tables in the database ${at} (${reasonOf(e)}): check it, or give another with --db`,
  );
}
