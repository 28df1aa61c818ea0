// Turns a command captured in an incident's terminal into the incident's record: its output (redacted,
// ANSI already stripped, capped) as a content-addressed text evidence blob, and one `command_run` timeline
// event with the command, exit code, times, directory and the runbook step it came from. Blob first, then
// one transaction for the evidence row, the event and the search entry (as evidence/evidenceService does).
import type { Evidence } from '../../contract';
import type { IncidentLog } from '../incidentLog';
import { newUlid } from '../store/identifiers';
import { redact } from './redaction';
import { secretAssignments } from './secretAssignments';
import type { CommandWithLearntSecrets } from './sessionSecrets';

export interface CommandOrigin {
  terminalId: string;
  terminalTitle: string;
  /** Set when the command was handed over from a runbook step. */
  step?: { runId: string; runbookId: string; key: string; shownCommand: string };
}

export interface RecordedCommand {
  eventId: string;
  commandLine: string | null;
  exitCode: number | null;
}

/** Search indexes the head of the output; the blob keeps it all. */
const indexedOutputChars = 64 * 1024;

/**
 * `secrets`: the run secrets handed to the terminal. Redacted too: what the terminal learnt the responder
 * assigned before (TerminalSession attaches it to the command), and what this very line assigns, which its
 * own output may print (`export TOKEN=…; echo $TOKEN`).
 */
export async function recordCommand(log: IncidentLog, incidentId: string, command: CommandWithLearntSecrets, origin: CommandOrigin, secrets: Record<string, string>): Promise<RecordedCommand> {
  const known = [...Object.entries(secrets), ...(command.learntSecrets ?? []), ...secretAssignments(command.commandLine ?? '')];
  const output = redact(command.output, known);
  // A runbook command is recorded as the runbook shows it (secrets masked by name), not as echoed.
  const commandLine = origin.step ? origin.step.shownCommand : command.commandLine === null ? null : redact(command.commandLine, known).text;
  const bytes = Buffer.from(output.text, 'utf8');
  const blob = await log.evidence.blobs.putBytes(bytes, Number.MAX_SAFE_INTEGER);
  const name = outputFileName(command.startedAt, commandLine);

  return log.incidents.record(incidentId, (incident, at, author) => {
    const evidence: Evidence = { id: newUlid(), incidentId: incident.id, sha256: blob.sha256, name, mediaType: 'text/plain; charset=utf-8', size: blob.size, source: 'command', capturedAt: command.endedAt, capturedBy: author };
    log.incidents.store.insertEvidence(evidence);
    const event = log.incidents.append(
      incident,
      'command_run',
      {
        commandLine,
        exitCode: command.exitCode,
        ...(command.unfinished ? { unfinished: command.unfinished } : {}),
        startedAt: command.startedAt,
        endedAt: command.endedAt,
        durationMs: command.durationMs,
        cwd: command.cwd,
        terminalId: origin.terminalId,
        terminal: origin.terminalTitle,
        source: origin.step ? 'runbook' : 'typed',
        ...(origin.step ? { runId: origin.step.runId, runbookId: origin.step.runbookId, stepKey: origin.step.key } : {}),
        evidenceId: evidence.id,
        sha256: blob.sha256,
        outputBytes: command.outputBytes,
        storedBytes: blob.size,
        truncated: command.truncated,
        redactions: output.count,
      },
      at,
      author,
    );
    log.incidents.store.indexText(incident.id, 'evidence', evidence.id, `${commandLine ?? ''}\n${output.text.slice(0, indexedOutputChars)}`);
    return { eventId: event.id, commandLine, exitCode: command.exitCode };
  });
}

/**
 * "21-03-12 kubectl get pods -n prod.txt": when it started (UTC) and which command, so the evidence list and
 * an exported bundle say what each output is. File-name-safe, and short: the timeline holds the whole line.
 */
export function outputFileName(startedAt: string, commandLine: string | null): string {
  const time = /T(\d\d):(\d\d):(\d\d)/.exec(startedAt);
  const when = time ? `${time[1]}-${time[2]}-${time[3]}` : 'command';
  const words = (commandLine ?? 'command')
    .replace(/[^A-Za-z0-9 ._=+,@-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words;
  return `${when} ${short || 'command'}.txt`;
}

/** One timeline line saying a terminal's commands are not being captured, and why. */
export function recordCaptureUnavailable(log: IncidentLog, incidentId: string, origin: CommandOrigin, reason: string): void {
  log.incidents.record(incidentId, (incident, at, author) => {
    log.incidents.append(incident, 'command_run', { capture: 'unavailable', reason, terminalId: origin.terminalId, terminal: origin.terminalTitle }, at, author);
  });
}
