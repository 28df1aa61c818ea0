// How a terminal's state reads to the responder: the shell's name, where it is, whether its commands are
// being recorded, and how it ended.
import type { TerminalInfo } from '../../../../electron/contract';

export function shellName(info: Pick<TerminalInfo, 'shell' | 'title'>): string {
  return info.shell.split(/[\\/]/).pop() || info.title.split(' ')[0] || 'shell';
}

/** "bash exited with code 1", or the host's own words (a signal, a spawn failure). */
export function endedText(info: TerminalInfo): string {
  if (info.state === 'exited' && info.exitCode !== null) return `${shellName(info)} exited with code ${info.exitCode}`;
  return info.problem?.replace(/\.$/, '') || `${shellName(info)} is not running`;
}

export interface CaptureText {
  tone: 'ok' | 'wait' | 'off';
  label: string;
  detail: string;
}

export function captureText(info: TerminalInfo): CaptureText {
  if (info.state !== 'running') return { tone: 'off', label: 'Not running', detail: 'No shell is running in this terminal.' };
  if (info.incidentId === null) return { tone: 'off', label: 'Scratch', detail: 'Scratch terminal: commands are not recorded on any incident (the session recording is kept).' };
  if (info.capture === 'active') return { tone: 'ok', label: 'Recording commands', detail: 'Each command, its exit code and its output go on the incident timeline, secrets redacted.' };
  if (info.capture === 'waiting') return { tone: 'wait', label: 'Waiting for the shell', detail: 'Commands are recorded once the shell shows its first prompt.' };
  return { tone: 'off', label: 'Commands not recorded', detail: info.captureProblem ?? 'This shell has no Holdfast integration.' };
}

/** A path shortened from the left for a narrow strip; the full path stays in the tooltip. */
export function shortPath(path: string, max = 48): string {
  return path.length <= max ? path : `…${path.slice(path.length - max + 1)}`;
}
