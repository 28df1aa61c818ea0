// Terminal output through each shell's transport: binary WebSocket frames in the browser shell, IPC
// messages in the Electron shell (fake ipcMain/webContents: Electron cannot run here), with a real host,
// a real pty and real bash behind them.
import type { IpcMainEvent, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeOutputFrame, flowControl, type TerminalInfo } from '../../../electron/contract';
import { consoleMainFrameOnly } from '../../../electron/shells/electron/consoleSender';
import { registerTerminalStream } from '../../../electron/shells/electron/ipcHandlers';
import { openSocket, startBrowserShellHarness, type BrowserShellHarness, type SocketClient } from '../../helpers/browserShellHarness';
import { OutputCollector, waitFor } from '../host/terminal/terminalHost';

let harness: BrowserShellHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function outputText(frames: Uint8Array[], terminalId: string): string {
  return frames.map((frame) => decodeOutputFrame(frame)).filter((decoded) => decoded?.terminalId === terminalId).map((decoded) => Buffer.from(decoded!.data).toString('utf8')).join('');
}

async function request<T>(client: SocketClient, id: number, method: string, params: unknown): Promise<T> {
  client.socket.send(JSON.stringify({ id, method, params }));
  const response = await client.next((message) => message.kind === 'response' && message.id === id);
  if (response.kind !== 'response' || !response.ok) throw new Error(`${method} failed: ${JSON.stringify(response)}`);
  return response.result as T;
}

describe('browser shell: terminal stream', () => {
  it('sends output as binary frames to an attached socket, and keystrokes reach the shell', async () => {
    harness = await startBrowserShellHarness();
    const client = await openSocket(harness.port, { token: harness.token });
    const terminal = await request<TerminalInfo>(client, 1, 'terminals.open', { cols: 80, rows: 24 });
    client.socket.send(JSON.stringify({ kind: 'stream', message: { type: 'attach', terminalId: terminal.id } }));
    await request(client, 2, 'terminals.input', { terminalId: terminal.id, data: 'echo over-the-$((1+1))-wire\r' });
    await waitFor('the echoed output', () => outputText(client.binaryFrames, terminal.id).includes('over-the-2-wire'));
    await client.close();
  });

  it('answers a malformed stream message with invalid_request naming the field, and carries on', async () => {
    harness = await startBrowserShellHarness();
    const client = await openSocket(harness.port, { token: harness.token });
    client.socket.send(JSON.stringify({ kind: 'stream', message: { type: 'ack', terminalId: 'x', bytes: -5 } }));
    const error = await client.next((message) => message.kind === 'response' && !message.ok);
    expect(error).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('message.bytes') } });
    expect(await request(client, 3, 'app.describe', {})).toMatchObject({ productName: 'Holdfast' });
    await client.close();
  });

  it('sends nothing to a socket that did not attach', async () => {
    harness = await startBrowserShellHarness();
    const watcher = await openSocket(harness.port, { token: harness.token });
    const bystander = await openSocket(harness.port, { token: harness.token });
    const terminal = await request<TerminalInfo>(watcher, 1, 'terminals.open', { cols: 80, rows: 24 });
    watcher.socket.send(JSON.stringify({ kind: 'stream', message: { type: 'attach', terminalId: terminal.id } }));
    await request(watcher, 2, 'terminals.input', { terminalId: terminal.id, data: 'echo only-for-the-watcher\r' });
    await waitFor('the output', () => outputText(watcher.binaryFrames, terminal.id).includes('only-for-the-watcher'));
    expect(bystander.binaryFrames).toHaveLength(0);
    await Promise.all([watcher.close(), bystander.close()]);
  });
});

/** Just enough of a window's webContents: send, its top frame, and the events that end its page. */
class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; frame: Uint8Array }[] = [];
  readonly mainFrame = { url: 'app://holdfast/index.html', detached: false };
  private destroyed = false;
  send(channel: string, frame: Uint8Array) {
    this.sent.push({ channel, frame });
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** The window is closed. */
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  reload() {
    this.emit('did-start-navigation', { url: this.mainFrame.url, isMainFrame: true, isSameDocument: false });
  }
  crashRenderer() {
    this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  }
  /** pushState or a #hash change: the same page carries on. */
  moveWithinPage() {
    this.emit('did-start-navigation', { url: `${this.mainFrame.url}#incidents`, isMainFrame: true, isSameDocument: true });
  }
  loadIframe(url: string) {
    this.emit('did-start-navigation', { url, isMainFrame: false, isSameDocument: false });
  }
  receivedBytes(terminalId: string): number {
    return this.sent.map((entry) => decodeOutputFrame(entry.frame)).reduce((sum, decoded) => sum + (decoded?.terminalId === terminalId ? decoded.data.length : 0), 0);
  }
  get asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/** The Electron shell's terminal stream on a fake ipcMain, answering only `consolePage`'s top frame. */
async function electronTerminalStream(consolePage: FakeWebContents) {
  harness = await startBrowserShellHarness();
  const host = harness.host;
  const ipcMain = new EventEmitter();
  registerTerminalStream(ipcMain as never, host, consoleMainFrameOnly(() => consolePage.asWebContents));
  const opened = (await host.call('terminals.open', { cols: 80, rows: 24 })) as { ok: true; result: TerminalInfo };
  const terminalId = opened.result.id;
  return {
    host,
    terminalId,
    /** A stream message as the preload sends it, from `page`'s top frame unless another frame is given. */
    message: (page: FakeWebContents, body: unknown, frame: { url: string; detached: boolean } = page.mainFrame) =>
      ipcMain.emit('holdfast:terminal-stream', { sender: page, senderFrame: frame } as unknown as IpcMainEvent, body),
    type: (data: string) => host.call('terminals.input', { terminalId, data }),
  };
}

describe('Electron shell: terminal stream', () => {
  it('forwards the console page’s stream messages to the host and its output back on holdfast:terminal-output; ignores iframes and other windows', async () => {
    const consolePage = new FakeWebContents();
    const stranger = new FakeWebContents();
    const { host, terminalId, message, type } = await electronTerminalStream(consolePage);
    const viewer = new OutputCollector(host, terminalId);

    message(consolePage, { type: 'attach', terminalId }, { url: consolePage.mainFrame.url, detached: false }); // an iframe
    message(stranger, { type: 'attach', terminalId });
    await type('echo not-for-$((1+1))-frames\r');
    await waitFor('the output at a viewer', () => viewer.text().includes('not-for-2-frames'));
    expect(consolePage.sent).toHaveLength(0);
    expect(stranger.sent).toHaveLength(0);

    message(consolePage, { type: 'attach', terminalId });
    await type('echo via-ipc\r');
    await waitFor('output over IPC', () => outputText(consolePage.sent.map((entry) => entry.frame), terminalId).includes('via-ipc'));
    expect(outputText(consolePage.sent.map((entry) => entry.frame), terminalId)).toContain('not-for-2-frames'); // the replay
    expect(consolePage.sent.every((entry) => entry.channel === 'holdfast:terminal-output')).toBe(true);
    expect(stranger.sent).toHaveLength(0);
  });

  // The page attaches and then stops acknowledging (it is going away), so the pty is paused for it. Unless the
  // shell closes the page's host connection, the flood never ends: the acknowledging viewer beside it (a browser
  // tab on the same terminal) then never sees the line that follows it.
  it.each([
    ['the window is closed', (page: FakeWebContents) => page.destroy()],
    ['the page reloads', (page: FakeWebContents) => page.reload()],
    ['the renderer crashes', (page: FakeWebContents) => page.crashRenderer()],
  ])('when %s mid-flood, the host lets go of the page and the paused pty runs on', async (_label, endPage) => {
    const consolePage = new FakeWebContents();
    const { host, terminalId, message, type } = await electronTerminalStream(consolePage);
    message(consolePage, { type: 'attach', terminalId });
    const viewer = new OutputCollector(host, terminalId);

    await type('yes | head -c 1500000; echo flood-$((6*7))-done\r');
    await waitFor('the pty to be paused for the unacknowledging page', () => consolePage.receivedBytes(terminalId) > flowControl.highWatermarkBytes);
    expect(viewer.text()).not.toContain('flood-42-done');

    endPage(consolePage);
    await waitFor('the rest of the flood', () => viewer.text().includes('flood-42-done'), 10_000);
  });

  it('keeps the stream through a move within the page (pushState, #hash) and an iframe loading', async () => {
    const consolePage = new FakeWebContents();
    const { terminalId, message, type } = await electronTerminalStream(consolePage);
    message(consolePage, { type: 'attach', terminalId });
    consolePage.moveWithinPage();
    consolePage.loadIframe('https://status.example.com/');
    await type('echo still-$((40+2))-here\r');
    await waitFor('output after the moves', () => outputText(consolePage.sent.map((entry) => entry.frame), terminalId).includes('still-42-here'));
  });
});
