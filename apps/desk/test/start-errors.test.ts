/**
 * What the person starting the desk is told when it cannot start or cannot create an account:
 * a Chinese message (and its English) naming what failed and what to do, never a system message
 * alone, and no escape sequence from the command line.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, DbOpenError, DeskError, ListenError, UserError } from "../src/index.js";
import { desk, freshDb, PG_URL, type TestDb } from "./helpers.js";

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<DeskError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeskError);
  const err = e as DeskError;
  expect(err.message).toMatch(/[\u4e00-\u9fff]/); // Chinese by default
  expect(err.messageEn).not.toMatch(/[\u4e00-\u9fff]/); // and English beside it
  expect(err.messageEn.length).toBeGreaterThan(20);
  expect(err.messageIn("en")).toBe(err.messageEn);
  expect(`${err.message}${err.messageEn}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  return err;
}

describe("accounts that cannot be created", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshDb("sqlite");
    await addUser(db.target, "wang", "correct horse", "reviewer");
  });
  afterAll(() => db?.cleanup());

  it("a short or missing password, a taken or bad name, an unknown role: what is wrong and what to do", async () => {
    const short = await failure(addUser(db.target, "li", "short", "viewer"));
    expect(short).toBeInstanceOf(UserError);
    expect(short.message).toBe("密码太短，至少需要 8 个字符，请换一个更长的密码");
    expect(short.messageEn).toBe("the password is too short: use at least 8 characters");
    const none = await failure(addUser(db.target, "li", "", "viewer"));
    expect(none.message).toContain("GOV_REPORT_PASSWORD");
    const taken = await failure(addUser(db.target, "wang", "another password", "viewer"));
    expect(taken.message).toBe("账户 wang 已存在，请换一个用户名");
    expect(taken.messageEn).toBe("the account wang exists already: choose another user name");
    const bad = await failure(addUser(db.target, "a\u001b[31mb", "another password", "viewer"));
    expect(bad.message).toBe("用户名“a\uFFFD[31mb”不可用，请用 1 至 64 个字母、数字或 . _ @ - 组成的用户名");
    const role = await failure(addUser(db.target, "li", "another password", "admin" as "viewer"));
    expect(role.message).toContain("reviewer（审核员）或 viewer（只读）");
  });
});

describe("databases that cannot be opened", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshDb("sqlite");
  });
  afterAll(() => db?.cleanup());

  it("SQLite: a missing folder, a folder, a file that is not a database", async () => {
    const dir = join(db.target, "..");
    const missing = await failure(desk(join(dir, "no-such-folder", "x.sqlite")));
    expect(missing).toBeInstanceOf(DbOpenError);
    expect(missing.message).toBe(
      `数据库文件 ${join(dir, "no-such-folder", "x.sqlite")} 所在的文件夹 ${join(dir, "no-such-folder")} 不存在，请先创建该文件夹，或用 --db 指定另一个文件`,
    );
    mkdirSync(join(dir, "folder.sqlite"));
    const folder = await failure(desk(join(dir, "folder.sqlite")));
    expect(folder.message).toContain("是一个文件夹，不是数据库文件，请用 --db 指定一个文件");
    writeFileSync(join(dir, "notes.sqlite"), "not a database, just text\n".repeat(100));
    const text = await failure(desk(join(dir, "notes.sqlite")));
    expect(text).toBeInstanceOf(DbOpenError);
    expect(text.message).toContain("不是审核台的 SQLite 数据库");
  });

  it("PostgreSQL: a server that refuses the connection is named, with what to check", async () => {
    const refused = await failure(desk("postgres://desk:secret@127.0.0.1:1/desk"));
    expect(refused).toBeInstanceOf(DbOpenError);
    expect(refused.message).toBe(
      "无法连接 PostgreSQL 服务器 127.0.0.1:1（连接被拒绝），请确认服务器已启动，且 --db 中的地址和端口正确",
    );
    expect(`${refused.message}${refused.messageEn}`).not.toContain("secret");
  });

  it.skipIf(!PG_URL)("PostgreSQL: a wrong password and a missing database", async () => {
    const url = new URL(PG_URL as string);
    url.password = "certainly-wrong";
    const denied = await failure(desk(url.toString()));
    expect(denied.message).toContain(`拒绝了用户 ${decodeURIComponent(url.username)} 的登录`);
    expect(denied.message).not.toContain("certainly-wrong");
    const missing = new URL(PG_URL as string);
    missing.pathname = "/gov_report_no_such_db";
    const none = await failure(desk(missing.toString()));
    expect(none.message).toContain("上没有数据库 gov_report_no_such_db，请先创建它（createdb gov_report_no_such_db）");
  });
});

describe("addresses that cannot be listened on", () => {
  let db: TestDb;
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    db = await freshDb("sqlite");
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => holder?.close(resolve));
    db?.cleanup();
  });

  it("a busy port is named, with --port to choose another", async () => {
    const busy = await failure(desk(db.target, { port, host: "127.0.0.1" }));
    expect(busy).toBeInstanceOf(ListenError);
    expect((busy as ListenError).code).toBe("EADDRINUSE");
    expect(busy.message).toBe(
      `端口 ${port} 已被占用（可能另一个审核台已在运行），请用 --port 换一个端口，或先停止占用它的程序`,
    );
    expect(busy.messageEn).toContain(`port ${port} is already in use`);
  });

  it("a host that is not this machine's, or not found, says to use --host", async () => {
    const foreign = await failure(desk(db.target, { port: 0, host: "192.0.2.1" }));
    expect((foreign as ListenError).code).toBe("EADDRNOTAVAIL");
    expect(foreign.message).toContain("本机没有地址 192.0.2.1，请用 --host 指定本机的地址");
    const unknown = await failure(desk(db.target, { port: 0, host: "no-such-host.invalid" }));
    expect(unknown.message).toContain("找不到主机 no-such-host.invalid，请用 --host");
  });
});
