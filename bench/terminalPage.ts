// A Chromium page that drives `holdfast serve`'s terminals the way a renderer does (terminalPageClient.js,
// with the bundled xterm.js), and the typed calls the terminal benchmark makes into it.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { flowControl } from '../electron/contract';

const xtermScript = fileURLToPath(new URL('../node_modules/@xterm/xterm/lib/xterm.js', import.meta.url));
const xtermStyles = fileURLToPath(new URL('../node_modules/@xterm/xterm/css/xterm.css', import.meta.url));
const clientScript = fileURLToPath(new URL('./terminalPageClient.js', import.meta.url));

export interface FloodTiming {
  ms: number;
  frames: number;
}

export interface TypingTiming {
  /** Per keystroke: ms from sending it to its echo's parsing. */
  latencies: number[];
  /** Bytes the watched (flooding) terminal parsed while typing went on. */
  watchedBytes: number;
  ms: number;
}

export interface InterruptTiming {
  ms: number;
  bytesAfter: number;
}

/** What terminalPageClient.js installs on window (see there). */
interface BenchClient {
  connect(options: { ackEveryBytes: number }): Promise<void>;
  open(cols: number, rows: number, settleMs: number): Promise<string>;
  input(id: string, data: string): Promise<unknown>;
  flood(id: string, command: string, bytes: number, timeoutMs: number): Promise<FloodTiming>;
  start(id: string, command: string, bytes: number): Promise<void>;
  type(id: string, character: string, count: number, spacingMs: number, watchId?: string): Promise<TypingTiming>;
  interrupt(id: string, quietMs: number): Promise<InterruptTiming>;
  quiet(id: string, quietMs: number): Promise<void>;
  close(id: string): Promise<void>;
  errors(): string[];
}

type BenchWindow = typeof globalThis & { holdfastBench: BenchClient };

export class TerminalBenchPage {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  /**
   * Opens the console's origin without its React app (a path the server answers 404, reached through the
   * launch URL so the token becomes the session cookie), then loads xterm.js and the client and connects.
   */
  static async open(browser: Browser, consoleUrl: string): Promise<TerminalBenchPage> {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const launchUrl = new URL(consoleUrl);
    launchUrl.pathname = '/holdfast-terminal-bench';
    await page.goto(launchUrl.href);
    await page.setContent('<!doctype html><meta charset="utf-8"><title>Holdfast terminal bench</title><body></body>');
    await page.addStyleTag({ path: xtermStyles });
    await page.addScriptTag({ path: xtermScript });
    await page.addScriptTag({ path: clientScript });
    await page.evaluate((options) => (globalThis as BenchWindow).holdfastBench.connect(options), { ackEveryBytes: flowControl.ackEveryBytes });
    return new TerminalBenchPage(context, page);
  }

  openTerminal(cols: number, rows: number, settleMs: number): Promise<string> {
    return this.page.evaluate(([c, r, s]) => (globalThis as BenchWindow).holdfastBench.open(c, r, s), [cols, rows, settleMs] as const);
  }

  async input(id: string, data: string): Promise<void> {
    await this.page.evaluate(([i, d]) => (globalThis as BenchWindow).holdfastBench.input(i, d), [id, data] as const);
  }

  flood(id: string, command: string, bytes: number, timeoutMs: number): Promise<FloodTiming> {
    return this.page.evaluate(([i, c, b, t]) => (globalThis as BenchWindow).holdfastBench.flood(i, c, b, t), [id, command, bytes, timeoutMs] as const);
  }

  start(id: string, command: string, bytes: number): Promise<void> {
    return this.page.evaluate(([i, c, b]) => (globalThis as BenchWindow).holdfastBench.start(i, c, b), [id, command, bytes] as const);
  }

  type(id: string, character: string, count: number, spacingMs: number, watchId?: string): Promise<TypingTiming> {
    return this.page.evaluate(([i, c, n, s, w]) => (globalThis as BenchWindow).holdfastBench.type(i, c, n, s, w), [id, character, count, spacingMs, watchId] as const);
  }

  interrupt(id: string, quietMs: number): Promise<InterruptTiming> {
    return this.page.evaluate(([i, q]) => (globalThis as BenchWindow).holdfastBench.interrupt(i, q), [id, quietMs] as const);
  }

  quiet(id: string, quietMs: number): Promise<void> {
    return this.page.evaluate(([i, q]) => (globalThis as BenchWindow).holdfastBench.quiet(i, q), [id, quietMs] as const);
  }

  closeTerminal(id: string): Promise<void> {
    return this.page.evaluate((i) => (globalThis as BenchWindow).holdfastBench.close(i), id);
  }

  /** Refusals the host sent for keystrokes nobody awaited: a run with any is not a valid measurement. */
  errors(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as BenchWindow).holdfastBench.errors());
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
