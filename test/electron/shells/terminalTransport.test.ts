// Terminal output through each shell's transport: binary WebSocket frames in the browser shell, IPC
// messages in the Electron shell (fake ipcMain/webContents: Electron cannot run here), with a real host,
// a real pty and real bash behind them.
import type { IpcMainEvent, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeOutputFrame, type TerminalInfo } from '../../../electron/contract';
import { registerTerminalStream } from '../../../electron/shells/electron/ipcHandlers';
import { openSocket, startBrowserShellHarness, type BrowserShellHarness, type SocketClient } from '../../helpers/browserShellHarness';
import { waitFor } from '../host/terminal/terminalHost';

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

/** Just enough of ipcMain (on/removeListener) and of a window's webContents (send, destroyed). */
class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; frame: Uint8Array }[] = [];
  destroyed = false;
  send(channel: string, frame: Uint8Array) {
    this.sent.push({ channel, frame });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

describe('Electron shell: terminal stream', () => {
  it('forwards a trusted page’s stream messages to the host and its output back on holdfast:terminal-output; ignores others', async () => {
    harness = await startBrowserShellHarness();
    const ipcMain = new EventEmitter();
    const trusted = new FakeWebContents();
    const stranger = new FakeWebContents();
    registerTerminalStream(ipcMain as never, harness.host, (event) => event.sender === (trusted as unknown as WebContents));
    const terminal = (await harness.host.call('terminals.open', { cols: 80, rows: 24 })) as { ok: true; result: TerminalInfo };
    const terminalId = terminal.result.id;
    const message = (sender: FakeWebContents, body: unknown) => ipcMain.emit('holdfast:terminal-stream', { sender } as unknown as IpcMainEvent, body);

    message(trusted, { type: 'attach', terminalId });
    message(stranger, { type: 'attach', terminalId });
    await harness.host.call('terminals.input', { terminalId, data: 'echo via-ipc\r' });
    await waitFor('output over IPC', () => outputText(trusted.sent.map((entry) => entry.frame), terminalId).includes('via-ipc'));
    expect(trusted.sent.every((entry) => entry.channel === 'holdfast:terminal-output')).toBe(true);
    expect(stranger.sent).toHaveLength(0);

    // A closed window stops receiving (and stops holding back the pty).
    trusted.destroyed = true;
    trusted.emit('destroyed');
    const before = trusted.sent.length;
    await harness.host.call('terminals.input', { terminalId, data: 'echo after-close\r' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(trusted.sent.length).toBe(before);
  });
});
