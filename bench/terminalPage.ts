// A Chromium page that drives `holdfast serve`'s terminals the way a renderer does (terminalPageClient.js,
// with the bundled xterm.js), and the typed calls the terminal benchmark makes into it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultSettings, flowControl } from '../electron/contract';
import { terminalOptions, terminalUnicodeVersion } from '../renderer/src/screens/terminal/terminalOptions';
import type { CdpPage } from './cdpChromium';

const xtermScript = fileURLToPath(new URL('../node_modules/@xterm/xterm/lib/xterm.js', import.meta.url));
const unicode11Script = fileURLToPath(new URL('../node_modules/@xterm/addon-unicode11/lib/addon-unicode11.js', import.meta.url));
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

export class TerminalBenchPage {
  private constructor(private readonly page: CdpPage) {}

  /**
   * Opens the console's origin without its React app (a path the server answers 404, reached through the
   * launch URL so the token becomes the session cookie), then loads xterm.js and the client and connects.
   */
  static async open(page: CdpPage, consoleUrl: string): Promise<TerminalBenchPage> {
    const launchUrl = new URL(consoleUrl);
    launchUrl.pathname = '/holdfast-terminal-bench';
    await page.navigate(launchUrl.href);
    const html = `<!doctype html><meta charset="utf-8"><title>Holdfast terminal bench</title><style>${readFileSync(xtermStyles, 'utf8')}</style><body></body>`;
    await page.evaluate(`document.open(); document.write(${JSON.stringify(html)}); document.close(); true`);
    await page.evaluate(readFileSync(xtermScript, 'utf8'));
    await page.evaluate(readFileSync(unicode11Script, 'utf8'));
    await page.evaluate(readFileSync(clientScript, 'utf8'));
    const bench = new TerminalBenchPage(page);
    const terminal = { options: terminalOptions, unicodeVersion: terminalUnicodeVersion, fontSize: defaultSettings.terminalFontSize };
    await bench.call('connect', { ackEveryBytes: flowControl.ackEveryBytes, terminal });
    return bench;
  }

  /** Opens a terminal shown in the page, or with `visible` false as the console keeps one in a background tab. */
  openTerminal(cols: number, rows: number, settleMs: number, visible = true): Promise<string> {
    return this.call('open', cols, rows, settleMs, visible);
  }

  async input(id: string, data: string): Promise<void> {
    await this.call('input', id, data);
  }

  /** Types `command` + Enter; ms until the output parsed since then reaches `bytes`. */
  flood(id: string, command: string, bytes: number, timeoutMs: number): Promise<FloodTiming> {
    return this.call('flood', id, command, bytes, timeoutMs);
  }

  /** Types `command` + Enter and waits until `bytes` of its output are parsed. */
  start(id: string, command: string, bytes: number): Promise<void> {
    return this.call('start', id, command, bytes);
  }

  /** Types `count` characters at most one per `spacingMs`, timing each echo; `watchId` is a flooding terminal. */
  type(id: string, character: string, count: number, spacingMs: number, watchId?: string): Promise<TypingTiming> {
    return this.call('type', id, character, count, spacingMs, watchId ?? null);
  }

  /** Ctrl+C; ms until the last output before `quietMs` of silence. */
  interrupt(id: string, quietMs: number): Promise<InterruptTiming> {
    return this.call('interrupt', id, quietMs);
  }

  quiet(id: string, quietMs: number): Promise<void> {
    return this.call('quiet', id, quietMs);
  }

  closeTerminal(id: string): Promise<void> {
    return this.call('close', id);
  }

  /** xterm.js alone: `totalBytes` of `text` repeated, written from page memory with flow control's window. */
  parseFromMemory(text: string, totalBytes: number, chunkBytes: number, cols: number, rows: number): Promise<{ ms: number }> {
    return this.call('parseFromMemory', text, totalBytes, chunkBytes, flowControl.highWatermarkBytes, cols, rows);
  }

  /** Refusals the host sent for keystrokes nobody awaited: a run with any is not a valid measurement. */
  errors(): Promise<string[]> {
    return this.call('errors');
  }

  /** Calls the page client (terminalPageClient.js) with JSON arguments. */
  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate<T>(`window.holdfastBench.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);
  }
}
