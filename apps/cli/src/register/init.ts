import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, editionOpt, forceOpt, langOpt, outputOpt, yearArg } from "./options.js";

export function registerInit(program: Command): void {
  program
    .command("init")
    .description(t("生成一份空白报告（各项为 0）作为起点", "write an empty report (all counts 0) to start from"))
    .requiredOption("--year <year>", t("报告年度", "report year"), yearArg)
    .addOption(
      editionOpt(
        t(
          "格式版本（默认 2019–2020 年度用 2019 版，2021 年度起用 2021 版）",
          "format edition (default: 2019 for 2019–2020, 2021 from 2021)",
        ),
      ),
    )
    .option("--agency <name>", t("标题中的机关名称", "agency name as printed in the title"))
    .addOption(outputOpt(t("写入此文件（默认输出到标准输出）", "write to this file instead of standard output")))
    .addOption(forceOpt())
    .addOption(langOpt())
    .action(
      action(async (opts) => {
        const { runInit } = await import("../commands/init.js");
        return runInit(opts);
      }),
    );
}
