/**
 * Standard output and standard error that cannot be written. A reader that goes away (`| head`)
 * closes the pipe: the run stops at once, quietly, with exit 0 — what it was asked for has been
 * read as far as the reader wanted. A full disk or a device error (`> /dev/full`) is one line on
 * stderr and exit 2. Standard error that cannot be written is ignored: the run goes on, its
 * outputs and exit code unchanged. Without these listeners Node prints a stack trace and exits 1.
 */
import { EXIT } from "./errors.js";
import { t } from "./i18n.js";
import { reasonOf, removeTemporaryFiles } from "./io.js";

let stderrWritable = true;

function onStdoutError(e: NodeJS.ErrnoException): void {
  removeTemporaryFiles();
  if (e.code === "EPIPE") process.exit(EXIT.ok);
  if (stderrWritable) {
    try {
      process.stderr.write(
        `gov-report: ${t("无法写入标准输出", "cannot write to standard output")}${t("：", ": ")}${reasonOf(e)}\n`,
      );
    } catch {
      // nowhere left to say it
    }
  }
  process.exit(EXIT.badInput);
}

/** Installs the listeners (once, before anything is written). */
export function guardStandardStreams(): void {
  process.stdout.on("error", onStdoutError);
  process.stderr.on("error", () => {
    stderrWritable = false;
  });
}
