// What a CLI command is. Commands nest (`holdfast incident declare`), so later issues add rooms, not walls:
// a new command is one module listed in commands/index.ts.
import type { ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** Parsed options of this command (global ones included). */
  options: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** Resolves (and creates) the data dir on first use, so --help never touches the disk. */
  dataDir(): string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** One line after "Usage: holdfast <name> ", e.g. "[--port N] [--no-open]". */
  usage?: string;
  /** Lines of help under Options, already aligned. */
  optionHelp?: string[];
  options?: OptionSpecs;
  subcommands?: CliCommand[];
  /** Resolves to the process exit code. */
  run?(context: CommandContext): Promise<number>;
}

/** Wrong use of the CLI (exit 2), as opposed to a failure while doing the work (exit 1). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly commandPath: string,
  ) {
    super(message);
  }
}

/** A failure the user can act on; printed as one line, never as a stack trace. */
export class CommandError extends Error {}
