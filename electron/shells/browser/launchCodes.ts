// Single-use launch codes: what goes in a console URL handed to another process (Chromium's --app=, xdg-open,
// open). Every local user can read another process's command line (/proc/PID/cmdline, ps), so such a URL must
// never carry the launch token; a code opens the console once, within a minute, and is worthless after the
// window it was made for has spent it.
import { createHash, randomBytes } from 'node:crypto';

export const launchCodeLifetimeMs = 60_000;

export class LaunchCodes {
  /** Expiry times, keyed by the code's SHA-256: a lookup's timing then tells a guesser nothing about live codes. */
  private readonly expiryByDigest = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = launchCodeLifetimeMs,
  ) {}

  mint(): string {
    this.forgetExpired();
    const code = randomBytes(32).toString('base64url');
    this.expiryByDigest.set(digest(code), this.now() + this.lifetimeMs);
    return code;
  }

  /** True the first time a live code is presented; false for a used, expired or unknown one. */
  redeem(code: string): boolean {
    const key = digest(code);
    const expiresAt = this.expiryByDigest.get(key);
    this.expiryByDigest.delete(key);
    return expiresAt !== undefined && this.now() < expiresAt;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, expiresAt] of this.expiryByDigest) if (expiresAt <= now) this.expiryByDigest.delete(key);
  }
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('base64url');
}
