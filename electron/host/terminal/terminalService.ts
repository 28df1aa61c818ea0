// The console's terminals: opens shells for incidents (or scratch), routes keystrokes and output, hands
// runbook steps and checks to a terminal, and turns every captured command of an incident's terminal into
// its record. A command handed over from a runbook run is linked to its item; a step's state then follows
// the exit code (a check's result is the responder's to judge from its output).
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { HoldfastError, type TerminalInfo, type TerminalStreamMessage } from '../../contract';
import type { EventHub } from '../eventHub';
import type { HostLog } from '../hostLog';
import type { IncidentLog } from '../incidentLog';
import type { RunbookRunService } from '../runbooks/runbookRuns';
import { newUlid } from '../store/identifiers';
import type { CapturedCommand } from './commandCapture';
import { recordCaptureUnavailable, recordCommand, type CommandOrigin } from './commandRecorder';
import type { StreamClient } from './outputFanOut';
import { recordingPath } from './recordings';
import { enterWithoutHistory } from './shellKeys';
import { TerminalSession } from './terminalSession';

export interface TerminalServiceOptions {
  dataDir: string;
  /** resources/shell-integration: the bash and zsh wrappers. */
  integrationDir: string;
  events: EventHub;
  log: HostLog;
  incidentLog: IncidentLog | undefined;
  runs: RunbookRunService | undefined;
  maxOutputBytes: () => number;
  /** The environment shells start with (the host's own, by default). */
  env?: NodeJS.ProcessEnv;
  maxRecordingBytes?: number;
}

/** More than this many shells at once is a runaway loop, not a responder. */
export const maxTerminals = 32;
export const defaultMaxRecordingBytes = 16 * 1024 * 1024;

interface HandedItem {
  runId: string;
  runbookId: string;
  key: string;
  shownCommand: string;
  /** Steps finish from the exit code; checks are judged by the responder. */
  followsExitCode: boolean;
}

interface Entry {
  session: TerminalSession;
  /** Runs whose steps were handed to this terminal: their secrets are redacted from it. */
  runIds: Set<string>;
  /** The runbook item whose command was typed and whose capture has not arrived yet. */
  handed: HandedItem | undefined;
  /** Commands are recorded one after another, in the order they ended. */
  recording: Promise<void>;
}

export class TerminalService {
  private readonly terminals = new Map<string, Entry>();
  private readonly titleCounters = new Map<string, number>();

  constructor(private readonly options: TerminalServiceOptions) {}

  open(params: { cols: number; rows: number; incidentId?: string; cwd?: string; title?: string }): TerminalInfo {
    if (this.terminals.size >= maxTerminals) throw new HoldfastError('conflict', `${maxTerminals} terminals are open; close one first.`);
    const incidentId = params.incidentId ? this.requireIncidentLog().incidents.require(params.incidentId).id : null;
    const env = this.options.env ?? process.env;
    const id = newUlid();
    const shellName = basename(env.SHELL || 'bash');
    const entry: Entry = { runIds: new Set(), handed: undefined, recording: Promise.resolve(), session: undefined as unknown as TerminalSession };
    entry.session = new TerminalSession({
      id,
      incidentId,
      title: params.title ?? this.nextTitle(incidentId, shellName),
      cwd: params.cwd ?? env.HOME ?? homedir(),
      cols: params.cols,
      rows: params.rows,
      integrationDir: this.options.integrationDir,
      env,
      recordingPath: recordingPath(this.options.dataDir, incidentId, id),
      maxRecordingBytes: this.options.maxRecordingBytes ?? defaultMaxRecordingBytes,
      maxOutputBytes: this.options.maxOutputBytes,
      secrets: () => this.secretsOf(entry),
      onInfo: (info) => this.options.events.emit('terminal.changed', info),
      onCommand: (command) => this.captured(entry, command),
      onCaptureUnavailable: (reason) => this.captureUnavailable(entry, reason),
    });
    this.terminals.set(id, entry);
    return entry.session.start();
  }

  list(incidentRef?: string): TerminalInfo[] {
    const incidentId = incidentRef ? this.requireIncidentLog().incidents.require(incidentRef).id : undefined;
    return [...this.terminals.values()].map((entry) => entry.session.info).filter((info) => incidentId === undefined || info.incidentId === incidentId);
  }

  /** Text (written as UTF-8) or raw bytes. */
  input(terminalId: string, data: string | Buffer): void {
    const { session } = this.require(terminalId);
    if (session.info.state !== 'running') throw new HoldfastError('conflict', `${session.info.title} is not running; restart it first.`);
    session.write(data);
  }

  resize(terminalId: string, cols: number, rows: number): void {
    this.require(terminalId).session.resize(cols, rows);
  }

  rename(terminalId: string, title: string): TerminalInfo {
    return this.require(terminalId).session.rename(title);
  }

  async restart(terminalId: string): Promise<TerminalInfo> {
    const entry = this.require(terminalId);
    const info = await entry.session.restart(); // refused while the shell runs: its handed item stays
    entry.handed = undefined;
    return info;
  }

  async close(terminalId: string): Promise<void> {
    const entry = this.require(terminalId);
    this.terminals.delete(terminalId);
    await entry.session.close();
    await entry.recording;
    this.options.events.emit('terminal.closed', { terminalId });
  }

  /**
   * Types a runbook step's or check's command into the terminal and presses Enter (the responder confirmed
   * it), with the same guards as a step: never into a busy shell or another incident's terminal. In a shell
   * without capture the command is typed all the same, but nothing can follow its exit code.
   */
  runItem(terminalId: string, runId: string, key: string): { shownCommand: string; followsExitCode: boolean } {
    const entry = this.require(terminalId);
    const runs = this.options.runs;
    if (!runs) throw new HoldfastError('unavailable', 'Runbook runs are unavailable: the incident log could not be opened.');
    const { run, command, kind } = runs.itemCommand(runId, key);
    const info = entry.session.info;
    if (info.incidentId !== run.incidentId) throw new HoldfastError('conflict', `${info.title} belongs to another incident; open a terminal in this incident to run it.`);
    if (info.state !== 'running') throw new HoldfastError('conflict', `${info.title} is not running; restart it first.`);
    if (entry.session.busy || entry.handed) throw new HoldfastError('conflict', `${info.title} is still running a command; wait for it to finish or press Ctrl+C.`);
    const item = run.items[key];
    const step = kind === 'step' ? run.runbook.steps.find((candidate) => `step:${candidate.order}` === key) : undefined;
    if (step?.confirm && item?.state !== 'running') {
      throw new HoldfastError('conflict', `Step ${step.order} is break-glass: confirm it (type "${step.confirm.target}" and a reason) before running it.`);
    }
    const shownCommand = runs.displayCommand(run, command);
    const runnable = runs.runnableCommand(run, command);
    const captured = info.capture !== 'unavailable';
    if (kind === 'step' && item?.state !== 'running') runs.setItem(runId, key, 'running');
    entry.runIds.add(runId);
    const followsExitCode = captured && kind === 'step';
    if (captured) entry.handed = { runId, runbookId: run.runbookId, key, shownCommand, followsExitCode };
    const holdsSecret = Object.values(runs.secretsFor(runId)).some((value) => value !== '' && runnable.includes(value));
    // Ctrl+U first: whatever half-typed text sits at the prompt must not be prefixed to the command.
    entry.session.typeAtPrompt(`\x15${lineWithEnter(runnable, { holdsSecret, integrated: captured })}`);
    return { shownCommand, followsExitCode };
  }

  attach(client: StreamClient, message: TerminalStreamMessage): void {
    const entry = this.terminals.get(message.terminalId);
    if (!entry) return; // closed meanwhile: the renderer learns it from terminal.closed
    if (message.type === 'attach') entry.session.attach(client);
    else if (message.type === 'detach') entry.session.detach(client);
    else entry.session.ack(client, message.bytes);
  }

  /** A renderer went away: stop counting it in every terminal's flow control. */
  forget(client: StreamClient): void {
    for (const entry of this.terminals.values()) entry.session.detach(client);
  }

  /** The terminal and where its recording is, everything recorded so far on the disk (not_found once it was closed). */
  async recordingOf(terminalId: string): Promise<{ info: TerminalInfo; path: string }> {
    const { session } = this.require(terminalId);
    await session.flushRecording();
    return { info: session.info, path: session.recordingPath };
  }

  /** Ends every shell (the console is closing): no orphaned processes. */
  async dispose(): Promise<void> {
    const entries = [...this.terminals.values()];
    this.terminals.clear();
    await Promise.all(entries.map(async (entry) => {
      await entry.session.close();
      await entry.recording;
    }));
  }

  private captured(entry: Entry, command: CapturedCommand): void {
    const handed = entry.handed;
    entry.handed = undefined;
    const info = entry.session.info;
    const log = this.options.incidentLog;
    if (!info.incidentId || !log) return;
    const incidentId = info.incidentId;
    const origin: CommandOrigin = { terminalId: info.id, terminalTitle: info.title, ...(handed ? { step: handed } : {}) };
    const secrets = this.secretsOf(entry);
    entry.recording = entry.recording.then(async () => {
      try {
        await recordCommand(log, incidentId, command, origin, secrets);
        if (handed?.followsExitCode && command.exitCode !== null && this.options.runs) {
          const state = command.exitCode === 0 ? 'done' : 'failed';
          this.options.runs.setItem(handed.runId, handed.key, state, `exit code ${command.exitCode} in ${info.title}`);
        }
      } catch (error) {
        this.options.log.error(`could not record a command of ${info.title}`, error);
      }
    });
  }

  private captureUnavailable(entry: Entry, reason: string): void {
    entry.handed = undefined; // its command will never be reported: it must not keep the terminal locked
    const info = entry.session.info;
    const log = this.options.incidentLog;
    if (!info.incidentId || !log) return;
    try {
      recordCaptureUnavailable(log, info.incidentId, { terminalId: info.id, terminalTitle: info.title }, reason);
    } catch (error) {
      this.options.log.error(`could not note that ${info.title} is not captured`, error);
    }
  }

  private secretsOf(entry: Entry): Record<string, string> {
    return Object.assign({}, ...[...entry.runIds].map((runId) => this.options.runs?.secretsFor(runId) ?? {}));
  }

  private nextTitle(incidentId: string | null, shellName: string): string {
    const scope = incidentId ?? 'scratch';
    const next = (this.titleCounters.get(scope) ?? 0) + 1;
    this.titleCounters.set(scope, next);
    return `${shellName} ${next}`;
  }

  private require(terminalId: string): Entry {
    const entry = this.terminals.get(terminalId);
    if (!entry) throw new HoldfastError('not_found', `No terminal ${terminalId}; it was closed.`);
    return entry;
  }

  private requireIncidentLog(): IncidentLog {
    if (!this.options.incidentLog) throw new HoldfastError('unavailable', 'The incident log could not be opened, so terminals cannot be attached to incidents.');
    return this.options.incidentLog;
  }
}

/**
 * The line and the key that enters it. A line holding a secret value must stay out of the shell's history:
 * with integration, the integration's Enter drops it; without, a leading space is the best there is (fish
 * ignores such lines, bash with ignorespace and zsh with hist_ignore_space too).
 */
function lineWithEnter(line: string, how: { holdsSecret: boolean; integrated: boolean }): string {
  if (!how.holdsSecret) return `${line}\r`;
  return how.integrated ? `${line}${enterWithoutHistory}` : ` ${line}\r`;
}
