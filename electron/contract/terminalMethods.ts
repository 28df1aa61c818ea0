// Contract methods of the embedded terminals: open, type, resize, close, restart, hand a runbook step or check
// to a terminal, export a recording, and the commands worth adding to a runbook.
import { z } from 'zod';
import { runItemKeySchema } from './runbooks';
import { terminalIdSchema, terminalInfoSchema, terminalRecordingSchema, terminalSizeSchema, untrackedCommandSchema } from './terminals';

const incidentRef = z.string().min(1).max(64);
const terminalRef = z.object({ terminalId: terminalIdSchema });
const done = z.object({});

export const terminalMethods = {
  'terminals.open': {
    params: terminalSizeSchema.extend({ incidentId: incidentRef.optional(), cwd: z.string().min(1).max(4096).optional(), title: z.string().trim().min(1).max(80).optional() }).strict(),
    result: terminalInfoSchema,
  },
  'terminals.list': { params: z.object({ incidentId: incidentRef.optional() }).strict(), result: z.array(terminalInfoSchema) },
  /**
   * Keystrokes and pastes, as the terminal produced them. With `binary`, `data` holds one byte per character
   * (xterm.js's onBinary: mouse reports in the legacy encoding, whose coordinates above 95 are single bytes
   * over 127 that UTF-8 would turn into two).
   */
  'terminals.input': {
    params: terminalRef
      .extend({ data: z.string().min(1).max(1_000_000), binary: z.literal(true).optional() })
      .strict()
      .refine((params) => !params.binary || /^[\x00-\xff]*$/.test(params.data), { path: ['data'], message: 'binary input holds one byte (a character from \\x00 to \\xff) per character' }),
    result: done,
  },
  'terminals.resize': { params: terminalRef.extend(terminalSizeSchema.shape).strict(), result: done },
  'terminals.rename': { params: terminalRef.extend({ title: z.string().trim().min(1).max(80) }).strict(), result: terminalInfoSchema },
  /** Ends the shell (and everything it started) and forgets the session; its recording stays. */
  'terminals.close': { params: terminalRef.strict(), result: done },
  /** Starts a new shell in an exited terminal, same incident, same directory. */
  'terminals.restart': { params: terminalRef.strict(), result: terminalInfoSchema },
  /**
   * Types a runbook step's or verification check's command (variables substituted, secrets included) into
   * the terminal and presses Enter, unless the shell is busy with a command. The renderer calls it only after
   * the responder confirmed the command it was shown. The captured command is linked to the item; a step's
   * state follows its exit code (`followsExitCode`: false for checks, and in shells whose commands are not
   * captured). A line holding a secret value is kept out of the shell's history.
   */
  'terminals.runItem': {
    params: terminalRef.extend({ runId: z.string().min(1).max(64), key: runItemKeySchema }).strict(),
    result: z.object({ shownCommand: z.string(), followsExitCode: z.boolean() }),
  },
  /** Writes the session's asciinema v2 recording to the exports folder. */
  'terminals.exportCast': { params: terminalRef.strict(), result: z.object({ path: z.string(), bytes: z.number().int() }) },
  'terminals.recordings': { params: z.object({ incidentId: incidentRef }).strict(), result: z.array(terminalRecordingSchema) },
  'terminals.untrackedCommands': { params: z.object({ incidentId: incidentRef }).strict(), result: z.array(untrackedCommandSchema) },
  /** Appends a command to a runbook file as a new last step (a YAML step, or a Markdown fenced block). */
  'runbooks.addCommandStep': {
    params: z.object({ runbookId: z.string().min(1).max(200), command: z.string().trim().min(1).max(10_000), description: z.string().trim().min(1).max(500) }).strict(),
    result: z.object({ path: z.string(), order: z.number().int() }),
  },
} as const;
