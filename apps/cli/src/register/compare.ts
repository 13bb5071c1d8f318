import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, formatOpt, jobsOpt, langOpt } from "./options.js";

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
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      t(
        "\n两份报告须是同一机关相邻两个年度的报告，先上一年度、后本年度；否则不比较（退出码 2）。\n退出码：0 无错误；1 跨年度核对有错误；2 报告无法读取、不是同一机关相邻两个年度，或用法错误。\n示例：\n  gov-report compare 2023.json 2024.pdf",
        "\nThe two reports must be one agency's consecutive years, last year's first; otherwise nothing is compared (exit 2).\nExit codes: 0 no errors; 1 the cross-year checks found errors; 2 a report is unreadable, the two are not consecutive years of one agency, or bad usage.\nExample:\n  gov-report compare 2023.json 2024.pdf",
      ),
    )
    .action(
      action(async (previous: string, current: string, opts) => {
        const { runCompare } = await import("../commands/compare.js");
        return runCompare(previous, current, opts);
      }),
    );
}
