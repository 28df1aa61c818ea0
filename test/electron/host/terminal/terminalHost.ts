// A real host with a real data dir and a real bash in a temp HOME, plus a stream client that collects a
// terminal's output the way a renderer does (optionally acknowledging it), for terminal integration tests.
import { Terminal as HeadlessTerminal } from '@xterm/headless';
import { decodeOutputFrame, type Outcome, type TerminalInfo, type TimelineEvent } from '../../../../electron/contract';
import type { Host, TerminalStreamConnection } from '../../../../electron/host/host';
import { makeTempDataDir } from '../../../helpers/tempDataDir';
import { startTestHost } from '../../../helpers/testHost';
import { makeTestShellHome } from '../../../helpers/testShellHome';

export interface TerminalTestHost {
  host: Host;
  dataDir: string;
  home: string;
  call<T>(method: string, params: unknown): Promise<T>;
  events: { event: string; payload: unknown }[];
  dispose(): Promise<void>;
}

export async function startTerminalTestHost(shell = '/bin/bash'): Promise<TerminalTestHost> {
  const data = makeTempDataDir();
  const { home, env } = makeTestShellHome(data.path, 'test$ ', shell);
  const { host } = startTestHost(data.path, { terminalEnv: env });
  const events: TerminalTestHost['events'] = [];
  host.events.subscribe((event) => events.push(event));
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome: Outcome = await host.call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.result as T;
  };
  return {
    host,
    dataDir: data.path,
    home,
    call,
    events,
    async dispose() {
      await host.dispose();
      data.remove();
    },
  };
}

const terminalSize = { cols: 100, rows: 30 };

/** Collects one terminal's output like a renderer: attached, acknowledging unless told not to. */
export class OutputCollector {
  readonly connection: TerminalStreamConnection;
  private chunks: Buffer[] = [];
  received = 0;
  acknowledging = true;

  constructor(host: Host, readonly terminalId: string) {
    this.connection = host.connectTerminalStream((frame) => {
      const decoded = decodeOutputFrame(frame);
      if (!decoded || decoded.terminalId !== terminalId) return;
      this.received += decoded.data.length;
      this.chunks.push(Buffer.from(decoded.data));
      if (this.chunks.length > 4096) this.chunks = [Buffer.concat(this.chunks).subarray(-1_000_000)];
      if (this.acknowledging) this.connection.receive({ type: 'ack', terminalId, bytes: decoded.data.length });
    });
    this.connection.receive({ type: 'attach', terminalId });
  }

  ackAll(): void {
    this.connection.receive({ type: 'ack', terminalId: this.terminalId, bytes: 1 << 30 });
  }

  /** The end of the output, as text (the last megabyte at most). */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  /** The lines a user sees: the output played through a terminal emulator of openTerminal's size. */
  async screenLines(): Promise<string[]> {
    const screen = new HeadlessTerminal({ cols: terminalSize.cols, rows: terminalSize.rows, allowProposedApi: true });
    await new Promise<void>((resolve) => screen.write(Buffer.concat(this.chunks), resolve));
    const buffer = screen.buffer.active;
    const lines = Array.from({ length: buffer.length }, (_, row) => buffer.getLine(row)?.translateToString(true) ?? '');
    screen.dispose();
    return lines;
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function commandEvents(test: TerminalTestHost, incidentId: string): Promise<TimelineEvent[]> {
  const timeline = await test.call<TimelineEvent[]>('incidents.timeline', { incidentId });
  return timeline.filter((event) => event.kind === 'command_run');
}

export async function openTerminal(test: TerminalTestHost, incidentId?: string): Promise<TerminalInfo> {
  return test.call<TerminalInfo>('terminals.open', { ...terminalSize, ...(incidentId ? { incidentId } : {}) });
}
