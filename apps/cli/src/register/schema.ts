import type { Edition } from "@gov-report/core/lite";
import type { Command } from "commander";
import { t } from "../util/i18n.js";
import { action, editionOpt, langOpt } from "./options.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description(
      t(
        "输出报告的 JSON Schema（draft 2020-12），加 --form 输出表单元数据",
        "print the JSON Schema of the report (draft 2020-12), or with --form the form metadata",
      ),
    )
    .addOption(editionOpt(t("只输出该版本（默认两个版本的合集）", "only this edition (default: the union of both)")))
    .option("--form", t("输出表单元数据而不是 JSON Schema", "print the form metadata instead of the JSON Schema"))
    .addOption(langOpt())
    .action(
      action(async (opts: { edition?: Edition; form?: boolean }) => {
        const { runSchema } = await import("../commands/schema.js");
        return runSchema(opts);
      }),
    );
}
