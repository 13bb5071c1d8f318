import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, formatOpt, inputKinds, jobsOpt, langOpt } from "./options.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(t("按格式的结构和勾稽关系核对报告", "check reports against the format's structure and 勾稽关系"))
    .argument("<inputs...>", inputKinds())
    .addOption(formatOpt())
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      `\n${t(
        "退出码：0 无错误；1 有报告违反规则或有未读单元格，或一批输入中有文件无法读取；2 唯一的输入无法读取或不是报告、路径不存在、没有一个文件可读，或用法错误。",
        "Exit codes: 0 no errors; 1 a report breaks a rule or has unread cells, or a file of a batch cannot be read; 2 the one input is unreadable or not a report, a path does not exist, no file could be read, or bad usage.",
      )}\n${t("示例", "Examples")}:\n  gov-report validate report.json\n  gov-report validate report.pdf\n  gov-report validate --format json reports/\n  cat report.json | gov-report validate -`,
    )
    .action(
      action(async (inputs: string[], opts) => {
        const { runValidate } = await import("../commands/validate.js");
        return runValidate(inputs, opts);
      }),
    );
}
