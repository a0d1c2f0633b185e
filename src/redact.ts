// Keeps secrets out of anything that leaves the process: error messages, logs, reports. Every
// credential the scanner holds is registered here, and text is scrubbed before it is shown.

export class Redactor {
  private readonly secrets = new Set<string>();

  /** `onSecret` hears of each new secret (the action masks it in the runner's log). */
  constructor(private readonly onSecret?: (secret: string) => void) {}

  /** Registers secrets; values shorter than 8 characters are too common to scrub safely. */
  add(...values: Array<string | undefined>): void {
    for (const v of values) {
      if (!v || v.length < 8 || this.secrets.has(v)) continue;
      this.secrets.add(v);
      this.onSecret?.(v);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    return out;
  }

  /** Whether `text` still holds a registered secret (for tests and assertions). */
  leaks(text: string): boolean {
    return [...this.secrets].some((s) => text.includes(s));
  }
}
