/**
 * gov-report: the command line over @gov-report/core and its companion packages. Each command's
 * module is loaded only when that command runs, so start-up stays fast.
 */
import { Command, CommanderError } from "commander";
import { registerCommands } from "./program.js";
import { handOverSignal, runCleanups } from "./util/cleanup.js";
import { CliError, EXIT } from "./util/errors.js";
import { langOfArgv, setLang, t } from "./util/i18n.js";
import { removeTemporaryFiles } from "./util/io.js";
import { guardStandardStreams } from "./util/streams.js";
import { helpConfiguration, translateCommanderMessage } from "./util/usage-messages.js";

// The language is known before the commands are registered, so help texts are in it too.
setLang(langOfArgv(process.argv.slice(2)));
guardStandardStreams();

const program = new Command();
program
  .name("gov-report")
  .description(
    t(
      "核对、比较、输出和读取政府信息公开工作年度报告。\n退出码：0 无错误；1 有报告违反规则（或有未读单元格）；2 输入无法读取或用法错误；3 内部错误。",
      "Check, compare, render and read 政府信息公开工作年度报告 (annual government information disclosure reports).\nExit codes: 0 no errors; 1 a report breaks a rule (or has unread cells); 2 unreadable input or bad usage; 3 internal error.",
    ),
  )
  .version(typeof __VERSION__ === "string" ? __VERSION__ : "dev", "-v, --version", t("显示版本号", "show the version"))
  .helpOption("-h, --help", t("显示帮助", "show help"))
  .helpCommand("help [command]", t("显示某个命令的帮助", "show help for a command"))
  .showHelpAfterError(t("（运行 gov-report --help 查看用法）", "(run gov-report --help for usage)"))
  .configureOutput({ outputError: (s, write) => write(translateCommanderMessage(s)) })
  .configureHelp(helpConfiguration)
  .exitOverride();

registerCommands(program);
for (const c of program.commands) {
  c.helpOption("-h, --help", t("显示帮助", "show help"));
  c.configureOutput({ outputError: (s, write) => write(translateCommanderMessage(s)) });
  c.showHelpAfterError(
    t(`（运行 gov-report ${c.name()} --help 查看用法）`, `(run gov-report ${c.name()} --help for usage)`),
  );
  c.configureHelp(helpConfiguration);
}

// An interrupted run leaves no temporary files and stops its workers (process.exit ends them);
// a command that took the signals (serve) stops itself instead.
for (const [signal, code] of [
  ["SIGINT", EXIT.interrupted],
  ["SIGTERM", EXIT.terminated],
] as const) {
  process.on(signal, () => {
    if (handOverSignal(signal)) return;
    removeTemporaryFiles();
    if (process.stderr.isTTY) process.stderr.write("\r\u001b[2K");
    process.stderr.write(
      `gov-report: ${t("已中断，未完成的输出文件已删除", "interrupted; unfinished output files removed")}\n`,
    );
    process.exit(code);
  });
}

async function main(): Promise<number> {
  try {
    await program.parseAsync(process.argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // No command at all: commander prints the help on stderr with a non-zero code; ours for bad usage is 2.
      if (e.code === "commander.help") return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
      return EXIT.badInput;
    }
    if (e instanceof CliError) {
      process.stderr.write(`gov-report: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error | undefined;
    process.stderr.write(
      `gov-report: ${t("内部错误", "internal error")}: ${typeof err?.message === "string" ? err.message : ""}\n`,
    );
    if (process.env.GOV_REPORT_DEBUG) process.stderr.write(`${err?.stack ?? ""}\n`);
    else
      process.stderr.write(
        `${t("（设置 GOV_REPORT_DEBUG=1 可查看详情；请报告此问题）", "(set GOV_REPORT_DEBUG=1 to see details, and please report it)")}\n`,
      );
    return EXIT.internal;
  } finally {
    removeTemporaryFiles();
    await runCleanups();
  }
}

main().then((code) => {
  process.exitCode = code;
});
