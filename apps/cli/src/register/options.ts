/** Options and argument parsers shared by the command registrations. */
import { type Command, InvalidArgumentError, Option } from "commander";
import { t } from "../util/i18n.js";

export const yearArg = (v: string) => {
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 2008 || n > 2100)
    throw new InvalidArgumentError(t("应为 2008 至 2100 之间的四位年份", "a four-digit year from 2008 to 2100"));
  return n;
};

const jobsArg = (v: string) => {
  const n = Number(v);
  if (!/^\d{1,3}$/.test(v) || n < 1 || n > 256)
    throw new InvalidArgumentError(t("应为 1 至 256 之间的整数", "a whole number from 1 to 256"));
  return n;
};

export const editionOpt = (desc: string) => new Option("--edition <edition>", desc).choices(["2019", "2021"]);

export const formatOpt = (choices = ["text", "json"]) =>
  new Option("--format <format>", t("输出格式", "output format")).choices(choices).default("text");

export const langOpt = () =>
  new Option("--lang <lang>", t("提示信息的语言（zh 中文，en 英文）", "language of messages (zh Chinese, en English)"))
    .choices(["zh", "en"])
    .default("zh");

export const jobsOpt = () =>
  new Option(
    "--jobs <n>",
    t("同时解析文档的进程数（默认为 CPU 核数）", "documents parsed at once (default: the number of cores)"),
  ).argParser(jobsArg);

export const forceOpt = () =>
  new Option(
    "--force",
    t(
      "替换已存在的输出文件，或经符号链接/设备写入",
      "replace existing output files, or write through a link or device",
    ),
  );

export const outputOpt = (desc: string) => new Option("-o, --output <file>", desc);

export const inputKinds = () =>
  t(
    "报告 JSON，或 PDF、Word（.docx）、HTML、文本文件，或包含它们的文件夹；- 表示标准输入",
    "report JSON, PDF, Word (.docx), HTML or text files, or folders of them; - reads standard input",
  );

/** Runs a command's module, loaded only when the command runs, and sets the exit code. */
export const action =
  <A extends unknown[]>(run: (...args: A) => Promise<number> | number) =>
  async (...args: A) => {
    process.exitCode = await run(...args);
  };

export type Register = (program: Command) => void;
