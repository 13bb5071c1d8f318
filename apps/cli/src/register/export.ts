import { type Command, Option } from "commander";
import { t } from "../util/i18n.js";
import { action, forceOpt, inputKinds, jobsOpt, langOpt, outputOpt } from "./options.js";

export function registerExport(program: Command): void {
  program
    .command("export")
    .description(
      t(
        "每份报告一行、每个数字单元格一列的 CSV（UTF-8 带 BOM，Excel 可直接打开）",
        "one CSV row per report, one column per numeric cell (UTF-8 with BOM for Excel)",
      ),
    )
    .argument("<paths...>", inputKinds())
    .addOption(new Option("--to <format>", t("输出格式", "output format")).choices(["csv"]).default("csv"))
    .addOption(outputOpt(t("写入此文件（默认输出到标准输出）", "write to this file instead of standard output")))
    .addOption(forceOpt())
    .addOption(
      new Option(
        "--keys <keys>",
        t("列名：表中印制的标签（zh）或模型路径（en）", "column names: printed labels (zh) or model paths (en)"),
      )
        .choices(["zh", "en"])
        .default("zh"),
    )
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      t(
        "\n未能读取或存疑的单元格留空，并列在最后一列“未读单元格”中。\n退出码：0 全部导出；1 已写入，但有文件被跳过或有未读单元格；2 未写入。\n示例：\n  gov-report export reports/ --to csv -o reports.csv",
        "\nUnread or ambiguous cells are left empty and listed in the last column (unreadCells).\nExit codes: 0 every file exported; 1 written, but some files were skipped or cells are unread; 2 nothing written.\nExample:\n  gov-report export reports/ --to csv -o reports.csv",
      ),
    )
    .action(
      action(async (paths: string[], opts) => {
        const { runExport } = await import("../commands/export.js");
        return runExport(paths, opts);
      }),
    );
}
