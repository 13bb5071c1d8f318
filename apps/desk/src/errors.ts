/**
 * The errors a person starting the desk can cause (`gov-report serve`, `--add-user`): a database
 * that cannot be opened, an account that cannot be created, an address that cannot be listened on.
 * Each says, in Chinese (`message`) and in English (`messageEn`), what failed and what to do; the
 * caller prints the one of its language, without a stack trace. Names, paths and URLs in them come
 * from the command line and pass through `terminalSafe` (no escape sequence reaches the terminal).
 */
import { terminalSafe } from "@gov-report/renderer";

/** An error for the person at the command line: a Chinese `message` and its English `messageEn`. */
export class DeskError extends Error {
  readonly messageEn: string;
  constructor(zh: string, en: string) {
    super(zh);
    this.name = new.target.name;
    this.messageEn = en;
  }

  /** The message in a language ("zh" by default). */
  messageIn(lang: "zh" | "en" = "zh"): string {
    return lang === "en" ? this.messageEn : this.message;
  }
}

/** The database cannot be opened, created or migrated. */
export class DbOpenError extends DeskError {}

/** An account cannot be created (bad name, short password, name taken). */
export class UserError extends DeskError {}

/** The server cannot listen on the address; `code` is the system's (EADDRINUSE, EACCES …). */
export class ListenError extends DeskError {
  readonly code: string | undefined;
  constructor(zh: string, en: string, code: string | undefined) {
    super(zh, en);
    this.code = code;
  }
}

/** Text from the command line (a path, a name, a URL) made safe for a terminal, on one line. */
export const shown = (text: string) => terminalSafe(text).replace(/[\r\n]+/g, " ");

/** The system's reason, for a message that has no better words for it. */
export const reasonOf = (e: unknown) => shown(e instanceof Error ? e.message : String(e));

/** The error of a server that failed to listen on host:port, in words that say what to do. */
export function listenError(host: string, port: number, e: unknown): ListenError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const h = shown(host);
  switch (code) {
    case "EADDRINUSE":
      return new ListenError(
        `端口 ${port} 已被占用（可能另一个审核台已在运行），请用 --port 换一个端口，或先停止占用它的程序`,
        `port ${port} is already in use (perhaps by another desk): choose another with --port, or stop the program using it`,
        code,
      );
    case "EACCES":
      return new ListenError(
        `没有权限监听端口 ${port}（1024 以下的端口需要管理员权限），请用 --port 换一个 1024 以上的端口`,
        `no permission to listen on port ${port} (ports below 1024 need administrator rights): choose one above 1024 with --port`,
        code,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ListenError(
        `找不到主机 ${h}，请用 --host 指定本机的地址（如 127.0.0.1，或 0.0.0.0 表示所有地址）`,
        `host ${h} not found: give one of this machine's addresses with --host (such as 127.0.0.1, or 0.0.0.0 for all)`,
        code,
      );
    case "EADDRNOTAVAIL":
      return new ListenError(
        `本机没有地址 ${h}，请用 --host 指定本机的地址（如 127.0.0.1，或 0.0.0.0 表示所有地址）`,
        `this machine has no address ${h}: give one of its addresses with --host (such as 127.0.0.1, or 0.0.0.0 for all)`,
        code,
      );
    default:
      return new ListenError(
        `无法监听 ${h}:${port}（${reasonOf(e)}），请用 --host 和 --port 换一个地址或端口`,
        `cannot listen on ${h}:${port} (${reasonOf(e)}): choose another address or port with --host and --port`,
        code,
      );
  }
}
