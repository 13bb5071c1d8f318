/**
 * The command table. Each command imports its module lazily in its action; companion commands
 * add their entry here.
 */

import type { Edition } from "@gov-report/core/lite";
import type { Command, InvalidArgumentError as IAE, Option as Opt } from "commander";

export interface CommanderParts {
  Option: typeof Opt;
  InvalidArgumentError: typeof IAE;
}

const setExit = (code: number) => {
  process.exitCode = code;
};

export function registerCommands(program: Command, { Option, InvalidArgumentError }: CommanderParts): void {
  const year = (v: string) => {
    const n = Number(v);
    if (!/^\d{4}$/.test(v) || n < 2008 || n > 2100)
      throw new InvalidArgumentError("a four-digit year from 2008 to 2100");
    return n;
  };
  const editionOpt = (desc: string) => new Option("--edition <edition>", desc).choices(["2019", "2021"]);
  const formatOpt = () => new Option("--format <format>", "output format").choices(["text", "json"]).default("text");
  const langOpt = () => new Option("--lang <lang>", "language of messages").choices(["zh", "en"]).default("zh");

  program
    .command("validate")
    .description("check reports (JSON) against the format's structure and 勾稽关系; - reads standard input")
    .argument("<files...>", "report JSON files, or - for standard input")
    .addOption(formatOpt())
    .addOption(langOpt())
    .addHelpText(
      "after",
      "\nExamples:\n  gov-report validate report.json\n  gov-report validate --format json reports/*.json\n  cat report.json | gov-report validate -",
    )
    .action(async (files: string[], opts) => {
      const { runValidate } = await import("./commands/validate.js");
      setExit(runValidate(files, opts));
    });

  program
    .command("schema")
    .description("print the JSON Schema of the report (draft 2020-12), or with --form the form metadata")
    .addOption(editionOpt("only this edition (default: the union of both)"))
    .option("--form", "print the form metadata instead of the JSON Schema")
    .action(async (opts: { edition?: Edition; form?: boolean }) => {
      const { runSchema } = await import("./commands/schema.js");
      setExit(runSchema(opts));
    });

  program
    .command("init")
    .description("write an empty report (all counts 0) to start from")
    .requiredOption("--year <year>", "report year", year)
    .addOption(editionOpt("format edition (default: 2019 for 2019–2020, 2021 from 2021)"))
    .option("--agency <name>", "agency name as printed in the title")
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--force", "replace the output file if it exists")
    .action(async (opts) => {
      const { runInit } = await import("./commands/init.js");
      setExit(runInit(opts));
    });

  program
    .command("compare")
    .description("cross-year checks between two reports of one agency (结转, 项目数量, 现行有效件数, text overlap)")
    .argument("<previous>", "last year's report JSON")
    .argument("<current>", "this year's report JSON")
    .addOption(formatOpt())
    .addOption(langOpt())
    .action(async (previous: string, current: string, opts) => {
      const { runCompare } = await import("./commands/compare.js");
      setExit(runCompare(previous, current, opts));
    });
}
