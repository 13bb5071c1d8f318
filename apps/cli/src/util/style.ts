/** Terminal colours, only when the stream is a TTY and NO_COLOR is not set. */
const enabled = (stream: NodeJS.WriteStream) =>
  Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";

const wrap =
  (open: number, close: number) =>
  (s: string, stream: NodeJS.WriteStream = process.stdout) =>
    enabled(stream) ? `\u001b[${open}m${s}\u001b[${close}m` : s;

export const red = wrap(31, 39);
export const yellow = wrap(33, 39);
export const green = wrap(32, 39);
export const dim = wrap(2, 22);
export const bold = wrap(1, 22);
