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

  program
    .command("check")
    .description(
      "check every report in folders (recursively) or files: validation, cross-year checks, one summary table",
    )
    .argument("<paths...>", "folders and files (.json; .pdf, .docx, .html, .txt through the parser)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "csv"]).default("text"))
    .addOption(langOpt())
    .addHelpText(
      "after",
      "\nExit codes: 0 no errors; 1 a report breaks a rule or a file cannot be read as a report; 2 bad usage or no file could be read.\n" +
        "Examples:\n  gov-report check reports/\n  gov-report check --format csv reports/ > check.csv",
    )
    .action(async (paths: string[], opts) => {
      const { runCheck } = await import("./commands/check.js");
      setExit(await runCheck(paths, opts));
    });

  program
    .command("aggregate")
    .description("sum the reports of one year and edition cell by cell into a roll-up report (JSON)")
    .argument("<paths...>", "folders and files of reports")
    .option("-o, --output <file>", "write the roll-up to this file instead of standard output")
    .option("--force", "replace the output file if it exists")
    .option("--year <year>", "sum only the reports of this year", year)
    .addOption(editionOpt("sum only the reports of this edition"))
    .option("--agency <name>", "agency name of the roll-up")
    .option("--recompute-totals", "recompute every 总计 of the roll-up from its summed parts")
    .addOption(langOpt())
    .addHelpText(
      "after",
      "\nExit codes: 0 summed, no errors; 1 written, but an input or the roll-up has errors or a file was unreadable; 2 nothing written (mixed years/editions, nothing to sum, bad usage).\n" +
        "Example:\n  gov-report aggregate departments/ --year 2024 --agency 某县人民政府 -o county-2024.json",
    )
    .action(async (paths: string[], opts) => {
      const { runAggregate } = await import("./commands/aggregate.js");
      setExit(await runAggregate(paths, opts));
    });

  program
    .command("export")
    .description("one CSV row per report, one column per numeric cell (UTF-8 with BOM for Excel)")
    .argument("<paths...>", "folders and files of reports")
    .addOption(new Option("--to <format>", "output format").choices(["csv"]).default("csv"))
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--force", "replace the output file if it exists")
    .addOption(
      new Option("--keys <keys>", "column names: printed labels (zh) or model paths (en)")
        .choices(["zh", "en"])
        .default("zh"),
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 every file exported; 1 written, but some files were skipped; 2 nothing written.\n" +
        "Example:\n  gov-report export reports/ --to csv -o reports.csv",
    )
    .action(async (paths: string[], opts) => {
      const { runExport } = await import("./commands/export.js");
      setExit(await runExport(paths, opts));
    });

  program
    .command("render")
    .description("render reports (JSON) in the official layout: HTML, Markdown, text, Word (.docx) or PDF")
    .argument("<files...>", "report JSON files, or - for standard input")
    .addOption(
      new Option("--to <format>", "output format").choices(["html", "md", "txt", "docx", "pdf"]).makeOptionMandatory(),
    )
    .option("-o, --output <file>", "write to this file (one input); default: standard output")
    .option("--out-dir <dir>", "write one file per input into this folder (name from the input's base name)")
    .option("--annotate", "mark cells with validation issues and list the issues (html, md, txt, pdf)")
    .option("--force", "replace output files that exist")
    .addHelpText(
      "after",
      "\nExit codes: 0 rendered; 2 an input is unreadable or not a report, or bad usage (nothing written).\n" +
        "PDF needs Chromium and CJK fonts (apt-get install chromium fonts-noto-cjk; or set CHROMIUM_PATH).\n" +
        "Examples:\n  gov-report render report.json --to html > report.html\n" +
        "  gov-report render report.json --to pdf -o report.pdf\n  gov-report render reports/*.json --to docx --out-dir out/",
    )
    .action(async (files: string[], opts) => {
      const { runRender } = await import("./commands/render.js");
      setExit(await runRender(files, opts));
    });

  program
    .command("parse")
    .description(
      "read published reports (PDF, Word .docx, HTML page, extracted text) into report JSON, with diagnostics",
    )
    .argument("<inputs...>", ".pdf, .docx, .html, .htm or .txt files or folders of them; - reads standard input")
    .option("-o, --output <file>", "write the JSON to this file (one input); default: standard output")
    .option("--out-dir <dir>", "write one .json per input into this folder (several inputs or a folder)")
    .option("--force", "replace output files that exist")
    .addOption(
      new Option("--format <format>", "text: report JSON only; json: { report, diagnostics, issues }")
        .choices(["text", "json"])
        .default("text"),
    )
    .addOption(langOpt())
    .addHelpText(
      "after",
      "\nDiagnostics and the validator's findings go to standard error; standard output stays pure JSON.\n" +
        "Exit codes: 0 parsed, no validation error; 1 parsed, but the report breaks a rule; 2 unreadable input or unsupported type.\n" +
        "Examples:\n  gov-report parse report.pdf -o report.json\n  gov-report parse page.html --format json\n  gov-report parse report.docx -o report.json\n" +
        "  gov-report parse downloads/ --out-dir parsed/",
    )
    .action(async (inputs: string[], opts) => {
      const { runParse } = await import("./commands/parse.js");
      setExit(await runParse(inputs, opts));
    });
}
