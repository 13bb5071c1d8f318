import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, formatOpt, inputKinds, jobsOpt, langOpt } from "./options.js";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description(
      t(
        "逐一核对文件夹（含子文件夹）中的每份报告：校验、跨年度核对、重复报告，输出一张汇总表",
        "check every report in folders (recursively) or files: validation, cross-year checks, duplicates, one summary table",
      ),
    )
    .argument("<paths...>", inputKinds())
    .addOption(formatOpt(["text", "json", "csv"]))
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      t(
        "\n退出码：0 无错误；1 有报告违反规则、有未能读取或存疑的单元格，或有文件无法读取；2 用法错误、路径不存在，或没有一个文件可读。\n示例：\n  gov-report check reports/\n  gov-report check --format csv reports/ > check.csv",
        "\nExit codes: 0 no errors; 1 a report breaks a rule, has unread or ambiguous cells, or a file cannot be read; 2 bad usage, a path does not exist, or no file could be read.\nExamples:\n  gov-report check reports/\n  gov-report check --format csv reports/ > check.csv",
      ),
    )
    .action(
      action(async (paths: string[], opts) => {
        const { runCheck } = await import("../commands/check.js");
        return runCheck(paths, opts);
      }),
    );
}
