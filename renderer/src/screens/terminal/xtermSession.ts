// One terminal's screen: an xterm.js Terminal bound to one host terminal id. It lives outside React (see
// xtermSessions.ts) so switching tabs or screens keeps its scrollback; a view lends it a place in the page
// with mount()/unmount(). It sends keystrokes in order, writes the host's output and acknowledges what it
// has parsed (flow control), draws with WebGL when it can and with the DOM otherwise.
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { errorMessage, flowControl, HoldfastError, type TerminalInfo } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { copyText } from '../runbooks/clipboard';
import { screenShortcutIndex } from '../../app/screenShortcuts';
import { createInputQueue, type InputQueue } from './inputQueue';
import { terminalOptions, terminalUnicodeVersion } from './terminalOptions';
import { matchShortcut, type TerminalShortcut } from './terminalShortcuts';

export interface XtermSessionOptions {
  fontSize: number;
  theme: ITheme;
  /** Ctrl+= / Ctrl+- / Ctrl+0: the console keeps the size in its settings, for every terminal. */
  onFontSize(step: 1 | -1 | 0): void;
}

export class XtermSession {
  readonly terminal: Terminal;
  readonly search = new SearchAddon({ highlightLimit: 1000 });
  /** Which renderer draws it: WebGL, or the DOM when WebGL is missing (e.g. --disable-gpu) or was lost. */
  renderer: 'webgl' | 'dom' = 'dom';
  /** What the view does on Ctrl+Shift+F (opens its search box). */
  onFind: () => void = () => {};
  /** The link under the pointer, for the view's hint; undefined when the pointer leaves it. */
  onLinkHover: (uri: string | undefined) => void = () => {};

  private readonly element = document.createElement('div');
  private readonly fitAddon = new FitAddon();
  private readonly input: InputQueue;
  private opened = false;
  private disposed = false;
  private parsedSinceAck = 0;
  private resizeTimer: number | undefined;
  private inputProblemShown = false;
  private title: string;
  private running: boolean;
  /** The shell generation shown: a restart starts a new one, which the host streams afresh. */
  private startedAt: string;

  constructor(
    readonly terminalId: string,
    info: TerminalInfo,
    private readonly options: XtermSessionOptions,
  ) {
    this.title = info.title;
    this.running = info.state === 'running';
    this.startedAt = info.startedAt;
    this.element.className = 'xterm-host';
    this.terminal = new Terminal({ ...terminalOptions, cols: info.cols, rows: info.rows, fontSize: options.fontSize, theme: options.theme });
    this.terminal.loadAddon(this.fitAddon);
    this.terminal.loadAddon(this.search);
    this.terminal.loadAddon(new Unicode11Addon());
    this.terminal.unicode.activeVersion = terminalUnicodeVersion;
    this.terminal.loadAddon(
      new WebLinksAddon((event, uri) => (event.ctrlKey || event.metaKey) && openLink(uri), {
        hover: (_event, uri) => this.onLinkHover(uri),
        leave: () => this.onLinkHover(undefined),
      }),
    );
    this.terminal.attachCustomKeyEventHandler((event) => this.onKey(event));
    this.input = createInputQueue(
      (data, binary) => hostClient.call('terminals.input', { terminalId, data, ...(binary ? { binary } : {}) }),
      (error, dropped) => this.inputFailed(error, dropped),
    );
    this.terminal.onData((data) => {
      if (this.running) this.input.push(data);
    });
    this.terminal.onBinary((data) => {
      if (this.running) this.input.push(data, true);
    });
    this.terminal.onResize(({ cols, rows }) => this.sendSize(cols, rows));
    hostClient.terminalStream({ type: 'attach', terminalId });
  }

  /** Shows the terminal inside `container` (the first time, xterm.js builds its DOM there). */
  mount(container: HTMLElement): void {
    container.append(this.element);
    if (!this.opened) {
      this.terminal.open(this.element);
      this.opened = true;
      this.useWebgl();
    }
    this.label();
    this.fit();
    this.terminal.refresh(0, this.terminal.rows - 1);
  }

  unmount(container: HTMLElement): void {
    if (this.element.parentElement === container) this.element.remove();
  }

  /** Sizes the grid to its container; a hidden container (a background tab) is left alone. */
  fit(): void {
    if (!this.opened || this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    const size = this.fitAddon.proposeDimensions();
    if (!size || !Number.isFinite(size.cols) || !Number.isFinite(size.rows)) return;
    const cols = Math.max(2, size.cols);
    const rows = Math.max(1, size.rows);
    if (cols !== this.terminal.cols || rows !== this.terminal.rows) this.terminal.resize(cols, rows);
  }

  focus(): void {
    this.terminal.focus();
  }

  /** Output from the host; acknowledged once xterm.js has parsed it, in batches. */
  write(data: Uint8Array): void {
    if (this.disposed) return;
    this.terminal.write(data, () => {
      if (this.disposed) return;
      this.parsedSinceAck += data.length;
      if (this.parsedSinceAck >= flowControl.ackEveryBytes) {
        hostClient.terminalStream({ type: 'ack', terminalId: this.terminalId, bytes: this.parsedSinceAck });
        this.parsedSinceAck = 0;
      }
    });
  }

  /** The host's latest word on this terminal: title, state, and whether a new shell was started. */
  update(info: TerminalInfo): void {
    this.running = info.state === 'running';
    if (info.title !== this.title) {
      this.title = info.title;
      this.label();
    }
    if (info.startedAt !== this.startedAt && info.state === 'running') {
      this.startedAt = info.startedAt;
      // A restarted shell: the host streams it to whoever attaches now, starting with what the last
      // shell left on screen, so the page starts from a clean screen and attaches again.
      this.reattach();
    }
    if (this.running) this.inputProblemShown = false;
  }

  /** After the link to the host came back, the transport attaches again and the host replays recent output. */
  clearForReplay(): void {
    this.terminal.reset();
    this.parsedSinceAck = 0;
  }

  setFontSize(fontSize: number): void {
    if (this.terminal.options.fontSize === fontSize) return;
    this.terminal.options.fontSize = fontSize;
    this.fit();
  }

  setTheme(theme: ITheme): void {
    this.terminal.options.theme = theme;
  }

  async copySelection(): Promise<boolean> {
    const selection = this.terminal.getSelection();
    return selection ? copyText(selection) : false;
  }

  /** Paste from the context menu; the browser may refuse to read the clipboard (Ctrl+Shift+V always works). */
  async pasteFromClipboard(): Promise<boolean> {
    try {
      const text = await navigator.clipboard.readText();
      if (text) this.terminal.paste(text);
      this.focus();
      return true;
    } catch {
      return false;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    window.clearTimeout(this.resizeTimer);
    hostClient.terminalStream({ type: 'detach', terminalId: this.terminalId });
    this.terminal.dispose();
    this.element.remove();
  }

  private reattach(): void {
    hostClient.terminalStream({ type: 'detach', terminalId: this.terminalId });
    this.clearForReplay();
    hostClient.terminalStream({ type: 'attach', terminalId: this.terminalId });
  }

  private label(): void {
    // xterm.js calls its input "Terminal input"; the page may hold several, so each says which one it is.
    this.terminal.textarea?.setAttribute('aria-label', `Terminal ${this.title} input`);
  }

  /** The WebGL renderer loads apart (it is the largest addon); the DOM renderer draws until it is ready. */
  private useWebgl(): void {
    void import('@xterm/addon-webgl')
      .then(({ WebglAddon }) => {
        if (this.disposed) return;
        const webgl = new WebglAddon();
        webgl.onContextLoss(() => {
          // The GPU process went away (driver reset, sleep): fall back to the DOM renderer for good.
          webgl.dispose();
          this.setRenderer('dom');
        });
        this.terminal.loadAddon(webgl);
        this.setRenderer('webgl');
      })
      .catch(() => {
        // No WebGL2 here (Chromium with --disable-gpu, a blocklisted driver): the DOM renderer draws.
        this.setRenderer('dom');
      });
  }

  private setRenderer(renderer: 'webgl' | 'dom'): void {
    this.renderer = renderer;
    this.element.dataset.renderer = renderer;
  }

  private onKey(event: KeyboardEvent): boolean {
    // The console's screen keys work from the terminal too: not handled here, they reach the window's handler.
    if (screenShortcutIndex(event) !== undefined) return false;
    const shortcut = matchShortcut(event);
    if (!shortcut) return true;
    // Ctrl+Shift+V is left to the browser: its native paste reaches xterm.js's own paste handling, with no
    // clipboard permission needed. The rest are ours and never reach the shell.
    if (shortcut === 'paste') return false;
    event.preventDefault();
    if (event.type === 'keydown') this.runShortcut(shortcut);
    return false;
  }

  private runShortcut(shortcut: Exclude<TerminalShortcut, 'paste'>): void {
    if (shortcut === 'copy') void this.copySelection();
    else if (shortcut === 'find') this.onFind();
    else if (shortcut === 'fontBigger') this.options.onFontSize(1);
    else if (shortcut === 'fontSmaller') this.options.onFontSize(-1);
    else this.options.onFontSize(0);
  }

  private sendSize(cols: number, rows: number): void {
    // A window drag resizes many times a second; the shell only needs to hear the size it settles on.
    window.clearTimeout(this.resizeTimer);
    this.resizeTimer = window.setTimeout(() => {
      if (!this.disposed) hostClient.call('terminals.resize', { terminalId: this.terminalId, cols, rows }).catch(() => {});
    }, 80);
  }

  private inputFailed(error: unknown, dropped: number): void {
    // Said in the terminal itself, where the responder is looking; once, not once per keystroke, unless
    // typing was thrown away: then the line at the prompt is not what they typed, and they must know.
    if (this.disposed || (this.inputProblemShown && dropped === 0)) return;
    this.inputProblemShown = true;
    const reason = error instanceof HoldfastError || errorMessage(error);
    const droppedText = dropped > 0 ? ` ${dropped} character${dropped === 1 ? '' : 's'} typed after that were not sent, so a line with a piece missing is not run: check the line before pressing Enter.` : '';
    this.terminal.write(`\r\n\x1b[33m[Holdfast] Keystrokes did not reach the shell: ${reason}.${droppedText}\x1b[0m\r\n`);
  }
}

/**
 * Opens a link the responder Ctrl+clicked. An anchor with target=_blank (not window.open, which the console's
 * pages never use): the browser shell opens it in a new tab, and the Electron shell's window-open handler
 * sends https links to the system browser and refuses the rest. noopener/noreferrer: the opened page gets no
 * handle on the console and no Referer.
 */
function openLink(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
  const anchor = document.createElement('a');
  anchor.href = url.href;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  anchor.click();
}
