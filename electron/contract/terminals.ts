// Embedded terminals: what a terminal session is, the stream messages that carry its bytes, and the binary
// frame the output travels in. Keystrokes and lifecycle go through ordinary methods (terminalMethods.ts);
// output is a stream of bytes with flow control, so it has its own small channel:
//   host → renderer: binary output frames (WebSocket binary frames; Uint8Array over Electron IPC)
//   renderer → host: attach / detach / ack messages (validated like any request)
import { z } from 'zod';

export const terminalStates = ['running', 'exited', 'failed'] as const;
export type TerminalState = (typeof terminalStates)[number];

/** Whether the host can see where commands start and end in this session (shell integration marks). */
export const captureStates = ['waiting', 'active', 'unavailable'] as const;
export type CaptureState = (typeof captureStates)[number];

export const terminalIdSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'not a terminal id');

export const terminalInfoSchema = z.object({
  id: terminalIdSchema,
  /** The incident whose timeline receives this terminal's commands; null for a scratch terminal. */
  incidentId: z.string().nullable(),
  /** "bash 1", or what the user named it. */
  title: z.string(),
  /** Absolute path of the shell program. */
  shell: z.string(),
  /** The directory the shell last reported (its start directory until it reports one). */
  cwd: z.string(),
  pid: z.number().int().nullable(),
  state: z.enum(terminalStates),
  exitCode: z.number().int().nullable(),
  /** Why the shell could not start, or how it ended, in the user's words. */
  problem: z.string().nullable(),
  capture: z.enum(captureStates),
  /** Why capture is unavailable (e.g. "fish has no Holdfast integration"). */
  captureProblem: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  cols: z.number().int(),
  rows: z.number().int(),
});
export type TerminalInfo = z.infer<typeof terminalInfoSchema>;

export const terminalSizeSchema = z.object({ cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) });

/** Flow control (as VS Code does it): the host pauses the pty when a renderer has this many bytes it has not
 * acknowledged, and resumes when it is back below the low watermark. VS Code's 100k/5k kept a flood here at
 * a quarter of the pty's speed (the pty sat paused while frames crossed the socket); 400k/100k keeps about
 * four 64 KiB frames in flight, at the cost of up to ~400 kB a renderer must parse before it sees a
 * keystroke's echo in another terminal (bench: echo p95 under flood stays below 50 ms). */
export const flowControl = {
  highWatermarkBytes: 400_000,
  lowWatermarkBytes: 100_000,
  /** A renderer acknowledges after its terminal has parsed at least this many bytes. */
  ackEveryBytes: 5_000,
} as const;

export const terminalStreamMessageSchema = z.discriminatedUnion('type', [
  /** Start receiving a terminal's output; the host first replays recent output so the screen is not blank. */
  z.object({ type: z.literal('attach'), terminalId: terminalIdSchema }).strict(),
  z.object({ type: z.literal('detach'), terminalId: terminalIdSchema }).strict(),
  /** Bytes of output the renderer's terminal has finished parsing since its last ack. */
  z.object({ type: z.literal('ack'), terminalId: terminalIdSchema, bytes: z.number().int().nonnegative().max(1 << 30) }).strict(),
]);
export type TerminalStreamMessage = z.infer<typeof terminalStreamMessageSchema>;

/** Version byte of an output frame: [version][id length][id, ASCII][output bytes]. */
const outputFrameVersion = 1;

export function encodeOutputFrame(terminalId: string, data: Uint8Array): Uint8Array {
  const frame = new Uint8Array(2 + terminalId.length + data.length);
  frame[0] = outputFrameVersion;
  frame[1] = terminalId.length;
  for (let i = 0; i < terminalId.length; i++) frame[2 + i] = terminalId.charCodeAt(i);
  frame.set(data, 2 + terminalId.length);
  return frame;
}

export function decodeOutputFrame(frame: Uint8Array): { terminalId: string; data: Uint8Array } | undefined {
  if (frame.length < 2 || frame[0] !== outputFrameVersion) return undefined;
  const idLength = frame[1]!;
  if (frame.length < 2 + idLength) return undefined;
  let terminalId = '';
  for (let i = 0; i < idLength; i++) terminalId += String.fromCharCode(frame[2 + i]!);
  return { terminalId, data: frame.subarray(2 + idLength) };
}

/** A command typed in an incident's terminal that no step of the runbooks in use holds. */
export const untrackedCommandSchema = z.object({
  commandLine: z.string(),
  /** How often it ran during the incident, and how the last run ended. */
  runs: z.number().int(),
  lastRunAt: z.string(),
  lastExitCode: z.number().int().nullable(),
  cwd: z.string().nullable(),
  /** Runbooks in use in the incident that can take it as a new step (their file is writable). */
  targets: z.array(z.object({ runbookId: z.string(), title: z.string(), format: z.enum(['yaml', 'markdown']) })),
});
export type UntrackedCommand = z.infer<typeof untrackedCommandSchema>;

export const terminalRecordingSchema = z.object({
  terminalId: z.string(),
  incidentId: z.string().nullable(),
  title: z.string(),
  startedAt: z.string(),
  bytes: z.number().int(),
});
export type TerminalRecording = z.infer<typeof terminalRecordingSchema>;
