// A one-line progress display on a terminal while data is fetched; silent when not a terminal.
import type { Progress } from '../okta/client.js';

export class ProgressLine {
  private last = '';
  private lastDraw = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  get active(): boolean {
    return this.stream.isTTY === true;
  }

  update = (p: Progress): void => {
    if (!this.active) return;
    const now = Date.now();
    if (!p.done && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.last = `reading ${p.resource}: ${p.items} items, ${p.pages} page${p.pages === 1 ? '' : 's'}`;
    this.stream.write(`\r\x1b[2K${this.last.slice(0, (this.stream.columns ?? 80) - 1)}`);
  };

  clear(): void {
    if (this.active && this.last) this.stream.write('\r\x1b[2K');
    this.last = '';
  }
}
