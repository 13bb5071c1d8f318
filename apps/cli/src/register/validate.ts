import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, formatOpt, INPUT_KINDS, jobsOpt, langOpt } from "./options.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(t("按格式的结构和勾稽关系核对报告", "check reports against the format's structure and 勾稽关系"))
    .argument("<inputs...>", INPUT_KINDS)
    .addOption(formatOpt())
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      `\n${t("示例", "Examples")}:\n  gov-report validate report.json\n  gov-report validate report.pdf\n  gov-report validate --format json reports/\n  cat report.json | gov-report validate -`,
    )
    .action(
      action(async (inputs: string[], opts) => {
        const { runValidate } = await import("../commands/validate.js");
        return runValidate(inputs, opts);
      }),
    );
}
