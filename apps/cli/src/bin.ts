/**
 * gov-report: the command line over @gov-report/core and its companion packages. Each command's
 * module is loaded only when that command runs, so start-up stays fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { registerCommands } from "./program.js";
import { CliError, EXIT } from "./util/errors.js";

const program = new Command();
program
  .name("gov-report")
  .description(
    "Check, compare, render and read 政府信息公开工作年度报告 (annual government information disclosure reports).\n" +
      "Exit codes: 0 no errors, 1 a report breaks a rule, 2 bad input or usage (nothing written), 3 internal error.",
  )
  .version(typeof __VERSION__ === "string" ? __VERSION__ : "dev", "-v, --version")
  .showHelpAfterError("(run gov-report --help for usage)")
  .exitOverride();

registerCommands(program, { Option, InvalidArgumentError });

async function main(): Promise<number> {
  try {
    await program.parseAsync(process.argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return EXIT.ok;
      return EXIT.badInput;
    }
    if (e instanceof CliError) {
      process.stderr.write(`gov-report: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(`gov-report: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.GOV_REPORT_DEBUG) process.stderr.write(`${err?.stack ?? ""}\n`);
    else process.stderr.write("(set GOV_REPORT_DEBUG=1 to see details, and please report it)\n");
    return 3;
  }
}

main().then((code) => {
  process.exitCode = code;
});
