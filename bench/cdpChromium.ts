// Debian's Chromium (playwright.config's binary and arguments) driven by a bare DevTools-protocol client
// that only navigates and evaluates. For benchmarks of WebSocket streams: Playwright enables the Network
// domain on every page, and Chromium then copies each WebSocket frame (base64) to the driver, which
// roughly halved the terminal throughput measured through it; a user's console has no such listener.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { chromiumArgs, chromiumPath } from '../playwright.config';

/** What Playwright's launch adds that matters for timing: a visible-like page with unthrottled timers. */
const headlessArgs = ['--headless', '--no-first-run', '--mute-audio', '--hide-scrollbars', '--disable-dev-shm-usage', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows', '--window-size=1280,800'];

export interface CdpPage {
  /** The browser process (its renderers, network and GPU processes descend from it). */
  readonly pid: number;
  /** Loads `url` and resolves once the document at its path (after any redirect to it) has loaded. */
  navigate(url: string): Promise<void>;
  /** Evaluates a script in the page (awaiting a returned promise); its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function launchCdpChromium(): Promise<CdpPage> {
  const profileDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-chromium-'));
  const browser = spawn(chromiumPath, [...chromiumArgs, ...headlessArgs, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => browser.once('exit', () => resolve()));
  const closeBrowser = async () => {
    browser.kill('SIGTERM');
    await exited;
    // Chromium's helper processes may still be writing the profile for a moment after the browser exits.
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  let stderrTail = '';
  browser.stderr!.on('data', (chunk) => (stderrTail = (stderrTail + chunk).slice(-4000)));
  try {
    const browserEndpoint = await new Promise<string>((resolve, reject) => {
      browser.stderr!.on('data', () => {
        const match = /DevTools listening on (ws:\S+)/.exec(stderrTail);
        if (match) resolve(match[1]!);
      });
      browser.once('exit', (code) => reject(new Error(`${chromiumPath} exited (${code}) before its DevTools endpoint was up:\n${stderrTail}`)));
    });
    const targets = (await (await fetch(`http://${new URL(browserEndpoint).host}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
    const pageTarget = targets.find((target) => target.type === 'page');
    if (!pageTarget) throw new Error('Chromium started without a page');
    const session = await CdpSession.connect(pageTarget.webSocketDebuggerUrl, () => stderrTail);
    // Without this a crashed page would leave every pending evaluation waiting forever.
    await session.send('Inspector.enable');
    // The console's CSP (rightly) refuses injected scripts; the benchmark injects xterm.js and its client.
    await session.send('Page.setBypassCSP', { enabled: true });
    return {
      pid: browser.pid!,
      async navigate(url) {
        const { pathname } = new URL(url);
        await session.send('Page.navigate', { url });
        const deadline = Date.now() + 15_000;
        // The token in the URL is answered with a redirect; wait for the document it leads to.
        while (!(await session.evaluate<boolean>(`location.pathname === ${JSON.stringify(pathname)} && document.readyState === 'complete'`).catch(() => false))) {
          if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      evaluate: (expression) => session.evaluate(expression),
      async close() {
        session.close();
        await closeBrowser();
      },
    };
  } catch (error) {
    await closeBrowser();
    throw error;
  }
}

class CdpSession {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly socket: WebSocket,
    private readonly browserOutput: () => string,
  ) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; method?: string; result?: unknown; error?: { message: string } };
      if (message.method === 'Inspector.targetCrashed' || message.method === 'Inspector.detached') return this.failAll(`the page is gone (${message.method})`);
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    socket.on('close', () => this.failAll('the DevTools connection closed'));
  }

  static async connect(url: string, browserOutput: () => string): Promise<CdpSession> {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpSession(socket, browserOutput);
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  close(): void {
    this.socket.close();
  }

  private failAll(reason: string): void {
    const error = new Error(`${reason}; Chromium's last output:\n${this.browserOutput()}`);
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
