/** Exit codes of every gov-report command (the table is in the package README). */
export const EXIT = {
  /** Done; nothing breaks a rule (warnings allowed). */
  ok: 0,
  /**
   * Done, with findings: a report breaks a rule or has unread or ambiguous cells, a file of a batch
   * could not be read, or `aggregate` refused duplicates or unread cells (then nothing is written).
   */
  ruleBroken: 1,
  /** The run could not be done: bad usage, an unreadable input, an output in the way. */
  badInput: 2,
  /** A bug: please report it. */
  internal: 3,
  /** Interrupted by SIGINT (128 + 2) or SIGTERM (128 + 15); temporary files removed. */
  interrupted: 130,
  terminated: 143,
} as const;

/** A failure the user can act on: printed as one message (already in the user's language). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = "CliError";
  }
}
