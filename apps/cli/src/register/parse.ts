import { type Command, Option } from "commander";
import { t } from "../util/i18n.js";
import { action, forceOpt, jobsOpt, langOpt, outputOpt } from "./options.js";

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description(
      t(
        "把公开发布的报告（PDF、Word .docx、网页 HTML、提取的文本）读成报告 JSON，并给出解析说明",
        "read published reports (PDF, Word .docx, HTML page, extracted text) into report JSON, with diagnostics",
      ),
    )
    .argument(
      "<inputs...>",
      t(
        "PDF、Word、HTML 或文本文件，或包含它们的文件夹；- 表示标准输入",
        "PDF, Word, HTML or text files, or folders of them; - reads standard input",
      ),
    )
    .addOption(
      outputOpt(
        t(
          "把 JSON 写入此文件（只有一个输入时）；默认输出到标准输出",
          "write the JSON to this file (one input); default: standard output",
        ),
      ),
    )
    .option(
      "--out-dir <dir>",
      t(
        "每个输入输出一个 .json 到此文件夹（重名时自动区分）",
        "write one .json per input into this folder (names made unique)",
      ),
    )
    .addOption(forceOpt())
    .addOption(
      new Option(
        "--format <format>",
        t(
          "text：只输出报告 JSON；json：{ report, diagnostics, issues, confidence }",
          "text: report JSON only; json: { report, diagnostics, issues, confidence }",
        ),
      )
        .choices(["text", "json"])
        .default("text"),
    )
    .option(
      "--previous <file>",
      t(
        "同一机关的上年报告（JSON、PDF 等任一可读文件）：作为读取依据（上年结转、项目数量、现行有效件数），帮助拆分连写的数字",
        "last year's report of the same agency (JSON, PDF or any readable file): evidence for the reading (carried-over applications, project counts, documents in force), which helps split run-together figures",
      ),
    )
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      t(
        "\n解析说明和校验结果输出到标准错误；标准输出只有 JSON。\n退出码：0 已解析，无错误；1 已解析，但报告违反规则，或有单元格未能读取或存疑；2 唯一的输入无法读取或不是报告、路径不存在，或一批输入中没有一个可读（一批中有文件无法读取时为 1，其余照常写入）。\n示例：\n  gov-report parse report.pdf -o report.json\n  gov-report parse page.html --format json\n  gov-report parse downloads/ --out-dir parsed/",
        "\nDiagnostics and the validator's findings go to standard error; standard output stays pure JSON.\nExit codes: 0 parsed, no error; 1 parsed, but the report breaks a rule or has unread or ambiguous cells; 2 the one input is unreadable or not a report, a path does not exist, or not one file of a batch could be read (an unreadable file of a batch is 1, the others are written).\nExamples:\n  gov-report parse report.pdf -o report.json\n  gov-report parse page.html --format json\n  gov-report parse downloads/ --out-dir parsed/",
      ),
    )
    .action(
      action(async (inputs: string[], opts) => {
        const { runParse } = await import("../commands/parse.js");
        return runParse(inputs, opts);
      }),
    );
}
