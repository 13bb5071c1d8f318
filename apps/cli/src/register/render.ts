import { type Command, Option } from "commander";
import { t } from "../util/i18n.js";
import { action, forceOpt, inputKinds, jobsOpt, langOpt, outputOpt } from "./options.js";

export function registerRender(program: Command): void {
  program
    .command("render")
    .description(
      t(
        "按官方版式输出报告：HTML、Markdown、文本、Word（.docx）或 PDF",
        "render reports in the official layout: HTML, Markdown, text, Word (.docx) or PDF",
      ),
    )
    .argument("<inputs...>", inputKinds())
    .addOption(
      new Option("--to <format>", t("输出格式", "output format"))
        .choices(["html", "md", "txt", "docx", "pdf"])
        .makeOptionMandatory(),
    )
    .addOption(
      outputOpt(
        t(
          "写入此文件（只有一个输入时）；默认输出到标准输出",
          "write to this file (one input); default: standard output",
        ),
      ),
    )
    .option(
      "--out-dir <dir>",
      t(
        "每个输入输出一个文件到此文件夹（按输入文件名命名，重名时自动区分）",
        "write one file per input into this folder (named after the input, made unique)",
      ),
    )
    .option(
      "--annotate",
      t(
        "在表中标出有问题的单元格并列出问题（html、md、txt、pdf）",
        "mark cells with validation issues and list the issues (html, md, txt, pdf)",
      ),
    )
    .addOption(forceOpt())
    .addOption(langOpt())
    .addOption(jobsOpt())
    .addHelpText(
      "after",
      t(
        "\n退出码：0 已输出；1 已输出，但有报告违反规则或有未读单元格，或一批输入中有文件无法读取（其余照常输出）；2 唯一的输入无法读取或不是报告、路径不存在、输出文件已存在，或用法错误（未写入任何文件）。\nPDF 需要 Chromium 和中文字体（缺少时命令会给出安装它们的 apt-get 命令；或设置 CHROMIUM_PATH）。\n示例：\n  gov-report render report.json --to html > report.html\n  gov-report render report.pdf --to docx -o report.docx\n  gov-report render reports/ --to pdf --out-dir out/",
        "\nExit codes: 0 rendered; 1 rendered, but a report breaks a rule or has unread cells, or a file of a batch could not be read (the others are rendered); 2 the one input is unreadable or not a report, a path does not exist, an output exists, or bad usage (nothing written).\nPDF needs Chromium and CJK fonts (when they are missing the command prints the apt-get line that installs them; or set CHROMIUM_PATH).\nExamples:\n  gov-report render report.json --to html > report.html\n  gov-report render report.pdf --to docx -o report.docx\n  gov-report render reports/ --to pdf --out-dir out/",
      ),
    )
    .action(
      action(async (inputs: string[], opts) => {
        const { runRender } = await import("../commands/render.js");
        return runRender(inputs, opts);
      }),
    );
}
