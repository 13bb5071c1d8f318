/**
 * gov-report serve: starts the review desk (@gov-report/desk) and prints its URL; Ctrl-C stops it
 * cleanly. With --add-user it creates an account instead (needed when the desk is bound to an
 * address other than 127.0.0.1). The desk is loaded only when the command runs.
 */
import { createInterface } from "node:readline";
import type { DeskError } from "@gov-report/desk";
import { type Command, InvalidArgumentError, Option } from "commander";
import { langOpt } from "../register/options.js";
import { takeSignals } from "../util/cleanup.js";
import { EXIT } from "../util/errors.js";
import { lang, t } from "../util/i18n.js";
import { clean } from "../util/sanitize.js";

interface ServeOptions {
  db?: string;
  host: string;
  port: number;
  workers?: number;
  addUser?: string;
  role: "reviewer" | "viewer";
  lang: string;
}

const portArg = (v: string) => {
  const n = Number(v);
  if (!/^\d{1,5}$/.test(v) || n > 65535)
    throw new InvalidArgumentError(t("应为 0 至 65535 之间的端口号", "a port from 0 to 65535"));
  return n;
};

const workersArg = (v: string) => {
  const n = Number(v);
  if (!/^\d{1,3}$/.test(v) || n < 1 || n > 256)
    throw new InvalidArgumentError(t("应为 1 至 256 之间的整数", "a whole number from 1 to 256"));
  return n;
};

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      t(
        "启动审核台：在浏览器中导入、审核年度报告，记录确认与驳回的决定（SQLite 或 PostgreSQL）",
        "start the review desk: import and review reports in the browser and keep the decisions (SQLite or PostgreSQL)",
      ),
    )
    .addOption(
      new Option(
        "--db <file|url>",
        t(
          "SQLite 数据库文件，或 postgres:// 连接地址（默认 ./gov-report.sqlite）",
          "SQLite file or postgres:// URL (default ./gov-report.sqlite)",
        ),
      ),
    )
    .addOption(
      new Option(
        "--host <address>",
        t("监听地址；非 127.0.0.1 时需要账户登录", "address to listen on; any other than 127.0.0.1 requires accounts"),
      ).default("127.0.0.1"),
    )
    .addOption(
      new Option("--port <port>", t("端口（0 表示任选空闲端口）", "port (0 picks a free one)"))
        .default(8787)
        .argParser(portArg),
    )
    .addOption(
      new Option(
        "--workers <n>",
        t("解析文档的线程数（默认为 CPU 核数）", "parse threads (default: the number of cores)"),
      ).argParser(workersArg),
    )
    .addOption(
      new Option(
        "--add-user <name>",
        t("创建账户（从标准输入读取密码）后退出", "create an account (password read from standard input) and exit"),
      ),
    )
    .addOption(
      new Option("--role <role>", t("新账户的角色：reviewer 审核员，viewer 只读", "role of the new account"))
        .choices(["reviewer", "viewer"])
        .default("reviewer"),
    )
    .addOption(langOpt())
    .addHelpText(
      "after",
      t(
        "\n示例：\n  gov-report serve                       在 http://127.0.0.1:8787/ 打开单用户审核台\n  gov-report serve --db postgres://user:pass@host/db --host 0.0.0.0\n  gov-report serve --add-user wang --role reviewer --db postgres://…\n退出码：0 正常停止；2 数据库无法打开、端口被占用或参数有误。",
        "\nExamples:\n  gov-report serve                       a single-user desk at http://127.0.0.1:8787/\n  gov-report serve --db postgres://user:pass@host/db --host 0.0.0.0\n  gov-report serve --add-user wang --role reviewer --db postgres://…\nExit codes: 0 stopped; 2 the database cannot be opened, the port is taken, or bad usage.",
      ),
    )
    .action(async (opts: ServeOptions) => {
      process.exitCode = opts.addUser ? await runAddUser(opts) : await runServe(opts);
    });
}

async function readPassword(): Promise<string> {
  if (process.env.GOV_REPORT_PASSWORD) return process.env.GOV_REPORT_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write(t("密码（至少 8 个字符）：", "Password (8 characters or more): "));
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

/** What the person starting the desk can fix (a DeskError), in their language, without a stack trace. */
function deskFailure(e: DeskError): number {
  process.stderr.write(`gov-report: ${clean(e.messageIn(lang()))}\n`);
  return EXIT.badInput;
}

async function runAddUser(opts: ServeOptions): Promise<number> {
  const desk = await import("@gov-report/desk");
  try {
    await desk.addUser(opts.db ?? desk.DEFAULT_DB, opts.addUser!, await readPassword(), opts.role);
  } catch (e) {
    if (e instanceof desk.DeskError) return deskFailure(e);
    throw e;
  }
  const name = clean(opts.addUser!);
  process.stdout.write(t(`已创建账户 ${name}（${opts.role}）\n`, `account ${name} (${opts.role}) created\n`));
  return EXIT.ok;
}

/**
 * Runs the desk until Ctrl-C (SIGINT) or SIGTERM: the signals are taken from the CLI's default
 * (exit 130 at once) so that the server and the database are closed, then exit 0. A signal while
 * the desk is starting stops it as soon as it has started; a second one ends the process at once.
 */
async function runServe(opts: ServeOptions): Promise<number> {
  const desk = await import("@gov-report/desk");
  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  const giveBack = takeSignals(() => requestStop());
  let running: Awaited<ReturnType<typeof desk.startDesk>>;
  try {
    running = await desk.startDesk({
      ...(opts.db ? { db: opts.db } : {}),
      host: opts.host,
      port: opts.port,
      ...(opts.workers ? { workers: opts.workers } : {}),
    });
  } catch (e) {
    giveBack();
    if (e instanceof desk.DeskError) return deskFailure(e);
    throw e;
  }
  const mode =
    running.mode === "accounts"
      ? t("需要登录（用 --add-user 创建账户）。", "Log-in required (create accounts with --add-user).")
      : t("单用户模式（仅本机可访问）。", "Single-user mode (this machine only).");
  const url = clean(running.url);
  const location = clean(running.location);
  process.stdout.write(
    t(
      `审核台已启动：${url}\n数据库：${location}\n${mode}\n按 Ctrl-C 停止。\n`,
      `Review desk running at ${url}\nDatabase: ${location}\n${mode}\nPress Ctrl-C to stop.\n`,
    ),
  );
  await stopRequested;
  process.stdout.write(t("正在停止…\n", "Stopping…\n"));
  await running.close();
  process.stdout.write(t("已停止。\n", "Stopped.\n"));
  return EXIT.ok;
}
