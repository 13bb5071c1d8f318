import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, editionOpt, forceOpt, inputKinds, jobsOpt, langOpt, outputOpt, yearArg } from "./options.js";

export function registerAggregate(program: Command): void {
  program
    .command("aggregate")
    .description(
      t(
        "把同一年度、同一格式版本的报告逐格相加，得到汇总报告（JSON）",
        "sum the reports of one year and edition cell by cell into a roll-up report (JSON)",
      ),
    )
    .argument("<paths...>", inputKinds())
    .addOption(
      outputOpt(
        t("把汇总报告写入此文件（默认输出到标准输出）", "write the roll-up to this file instead of standard output"),
      ),
    )
    .addOption(forceOpt())
    .option("--year <year>", t("只汇总该年度的报告", "sum only the reports of this year"), yearArg)
    .addOption(editionOpt(t("只汇总该格式版本的报告", "sum only the reports of this edition")))
    .option("--agency <name>", t("汇总报告的机关名称", "agency name of the roll-up"))
    .option(
      "--recompute-totals",
      t("按分项重新计算汇总报告的各个总计", "recompute every 总计 of the roll-up from its summed parts"),
    )
    .option(
      "--allow-duplicates",
      t("同一机关同一年度有多份报告时仍然全部计入", "sum two reports of one agency and year all the same"),
    )
    .option(
      "--allow-unread",
      t(
        "计入含未能读取或存疑单元格的报告（这些单元格按 0 计入）",
        "sum reports with unread or ambiguous cells (counted as 0)",
      ),
    )
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      t(
        "\n退出码：0 已写入，无错误；1 已写入但输入或汇总结果有错误、有文件无法读取，或因重复报告、未读单元格而拒绝汇总（此时未写入）；2 未写入（年度或版本混杂、没有可汇总的报告、用法错误）。\n示例：\n  gov-report aggregate departments/ --year 2024 --agency 某县人民政府 -o county-2024.json",
        "\nExit codes: 0 written, no errors; 1 written but an input or the roll-up has errors or a file was unreadable, or refused because of duplicates or unread cells (then nothing is written); 2 nothing written (mixed years/editions, nothing to sum, bad usage).\nExample:\n  gov-report aggregate departments/ --year 2024 --agency 某县人民政府 -o county-2024.json",
      ),
    )
    .action(
      action(async (paths: string[], opts) => {
        const { runAggregate } = await import("../commands/aggregate.js");
        return runAggregate(paths, opts);
      }),
    );
}
