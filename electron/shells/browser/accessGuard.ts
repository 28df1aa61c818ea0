// Who may talk to the browser shell: only pages it served itself, on this machine, holding this launch's token.
// - bound to 127.0.0.1 (the server does that); the Host header must name it (defeats DNS rebinding);
// - a random per-launch token, from ?token= (once, then swapped for an HttpOnly cookie), the cookie, or
//   an Authorization: Bearer header (CLI and tests);
// - or, for a page load only, a single-use launch code (?code=, see launchCodes.ts), swapped for the same
//   cookie: the form a URL takes when it goes on another process's command line;
// - Origin, when a browser sends one, must be the console's own origin (defeats cross-site requests).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LaunchCodes } from './launchCodes';

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

export class AccessGuard {
  readonly cookieName: string;
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;
  private readonly tokenBytes: Buffer;

  constructor(
    readonly token: string,
    port: number,
    private readonly launchCodes = new LaunchCodes(),
  ) {
    // Cookies are shared across ports of one host, so the port goes in the name.
    this.cookieName = `holdfast_token_${port}`;
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
    this.tokenBytes = Buffer.from(token);
  }

  hostIsAllowed(request: IncomingMessage): boolean {
    return this.allowedHosts.has(request.headers.host ?? '');
  }

  /** Absent Origin is fine (non-browser clients still need the token); a foreign one is not. */
  originIsAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || this.allowedOrigins.has(origin);
  }

  /** Where a valid token was presented, if anywhere. */
  tokenSource(request: IncomingMessage, url: URL): 'query' | 'cookie' | 'header' | undefined {
    if (this.matches(url.searchParams.get('token'))) return 'query';
    if (this.matches(readCookie(request.headers.cookie, this.cookieName))) return 'cookie';
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ') && this.matches(authorization.slice('Bearer '.length))) return 'header';
    return undefined;
  }

  mintLaunchCode(): string {
    return this.launchCodes.mint();
  }

  /** True once per launch code, within its lifetime; the caller then hands out the session cookie. */
  redeemLaunchCode(code: string): boolean {
    return this.launchCodes.redeem(code);
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict`;
  }

  private matches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === this.tokenBytes.length && timingSafeEqual(bytes, this.tokenBytes);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
