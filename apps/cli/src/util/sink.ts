/** Buffered writes to a stream: a batch prints many small pieces, the terminal gets few writes. */
export class Sink {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly limit = 1 << 16,
  ) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    this.stream.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}
