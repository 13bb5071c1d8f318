import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, formatOpt, langOpt } from "./options.js";

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description(
      t(
        "同一机关相邻两个年度的跨年度核对（结转、项目数量、现行有效件数、文字重复）",
        "cross-year checks between two reports of one agency (结转, 项目数量, 现行有效件数, text overlap)",
      ),
    )
    .argument(
      "<previous>",
      t("上一年度的报告（JSON、PDF、Word、HTML 或文本）", "last year's report (JSON, PDF, Word, HTML or text)"),
    )
    .argument("<current>", t("本年度的报告", "this year's report"))
    .addOption(formatOpt())
    .addOption(langOpt())
    .action(
      action(async (previous: string, current: string, opts) => {
        const { runCompare } = await import("../commands/compare.js");
        return runCompare(previous, current, opts);
      }),
    );
}
