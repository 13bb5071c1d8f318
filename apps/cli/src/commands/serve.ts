/**
 * gov-report serve: starts the review desk (@gov-report/desk) and prints its URL; Ctrl-C stops it
 * cleanly. With --add-user it creates an account instead (needed when the desk is bound to an
 * address other than 127.0.0.1). The desk is loaded only when the command runs.
 */
import { createInterface } from "node:readline";
import { type Command, InvalidArgumentError, Option } from "commander";

// Read here rather than from the CLI's shared helpers, so the registration stays this one file.
const en = process.argv.includes("--lang=en") || process.argv.join(" ").includes("--lang en");
const t = (zh: string, enText: string) => (en ? enText : zh);

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
    .addOption(
      new Option(
        "--lang <lang>",
        t("提示信息的语言（zh 中文，en 英文）", "language of messages (zh Chinese, en English)"),
      )
        .choices(["zh", "en"])
        .default("zh"),
    )
    .addHelpText(
      "after",
      t(
        "\n示例:\n  gov-report serve                       在 http://127.0.0.1:8787/ 打开单用户审核台\n  gov-report serve --db postgres://user:pass@host/db --host 0.0.0.0\n  gov-report serve --add-user wang --role reviewer --db postgres://…\n退出码：0 正常停止；2 数据库无法打开、端口被占用或参数有误。",
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

async function runAddUser(opts: ServeOptions): Promise<number> {
  const desk = await import("@gov-report/desk");
  try {
    await desk.addUser(opts.db ?? desk.DEFAULT_DB, opts.addUser!, await readPassword(), opts.role);
  } catch (e) {
    if (e instanceof desk.UserError || e instanceof desk.DbOpenError) {
      process.stderr.write(`gov-report: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(
    t(`已创建账户 ${opts.addUser}（${opts.role}）\n`, `account ${opts.addUser} (${opts.role}) created\n`),
  );
  return 0;
}

async function runServe(opts: ServeOptions): Promise<number> {
  const desk = await import("@gov-report/desk");
  let running: Awaited<ReturnType<typeof desk.startDesk>>;
  try {
    running = await desk.startDesk({
      ...(opts.db ? { db: opts.db } : {}),
      host: opts.host,
      port: opts.port,
      ...(opts.workers ? { workers: opts.workers } : {}),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err instanceof desk.DbOpenError)
      process.stderr.write(
        t(`gov-report: 无法打开数据库：${err.message}\n`, `gov-report: cannot open the database: ${err.message}\n`),
      );
    else if (err.code === "EADDRINUSE" || err.code === "EACCES" || err.code === "EADDRNOTAVAIL")
      process.stderr.write(
        t(
          `gov-report: 无法监听 ${opts.host}:${opts.port}（${err.code}）\n`,
          `gov-report: cannot listen on ${opts.host}:${opts.port} (${err.code})\n`,
        ),
      );
    else throw e;
    return 2;
  }
  process.stdout.write(
    t(
      `审核台已启动：${running.url}\n数据库：${running.location}\n${running.mode === "accounts" ? "需要登录（用 --add-user 创建账户）。" : "单用户模式（仅本机可访问）。"}\n按 Ctrl-C 停止。\n`,
      `Review desk running at ${running.url}\nDatabase: ${running.location}\n${running.mode === "accounts" ? "Log-in required (create accounts with --add-user)." : "Single-user mode (this machine only)."}\nPress Ctrl-C to stop.\n`,
    ),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stdout.write(t("正在停止…\n", "Stopping…\n"));
      running.close().then(resolve, resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
