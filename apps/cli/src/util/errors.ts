/** Exit codes of every gov-report command (documented in the README). */
export const EXIT = {
  /** No rule reports an error (warnings allowed). */
  ok: 0,
  /** A report breaks a rule (an error-severity issue). */
  ruleBroken: 1,
  /** An input cannot be read, is not JSON, or the command line is wrong. Nothing was written. */
  badInput: 2,
} as const;

/** A failure the user can act on: printed as one message, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = "CliError";
  }
}
