// Entry point of the `holdfast` command. Finds the (sub)command, parses its options, runs it, and turns
// every outcome into an exit code: 0 done, 1 failed (one clear line on stderr), 2 wrong usage.
import { parseArgs } from 'node:util';
import { chooseDataDir, ensureDataDir } from '../host/dataDir';
import { productName, productVersion } from '../host/productInfo';
import { CommandError, UsageError, type CliCommand, type CommandContext, type OptionSpecs } from './command';
import { rootCommand } from './commands';
import { renderHelp } from './help';
import { errorMessage } from '../contract';

const globalOptions: OptionSpecs = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runCli(argv: string[], io: CliIo = process): Promise<number> {
  const { path, command, rest } = findCommand(rootCommand, argv);
  const invocation = ['holdfast', ...path].join(' ');
  try {
    const parsed = parseOptions(command, rest, invocation);
    if (parsed.values.version) return write(io.stdout, `holdfast ${productVersion}\n`, 0);
    if (parsed.values.help) return write(io.stdout, renderHelp(path, command, { name: productName, version: productVersion }), 0);
    if (!command.run) {
      const unknown = parsed.positionals[0];
      const problem = unknown === undefined ? 'a command is required' : `unknown command "${unknown}"`;
      throw new UsageError(problem, invocation);
    }
    const dataDirFlag = parsed.values['data-dir'];
    let dataDir: string | undefined;
    const context: CommandContext = {
      options: parsed.values,
      positionals: parsed.positionals,
      dataDir: () => (dataDir ??= ensureDataDir(chooseDataDir({ flag: typeof dataDirFlag === 'string' ? dataDirFlag : undefined }).path)),
      stdout: io.stdout,
      stderr: io.stderr,
    };
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      return write(io.stderr, `${error.commandPath}: ${error.message}\nRun "${error.commandPath} --help" for usage.\n`, 2);
    }
    const message = errorMessage(error);
    const hint = error instanceof CommandError ? '' : ' (unexpected; please report it)';
    return write(io.stderr, `${invocation}: ${message}${hint}\n`, 1);
  }
}

/** Walks leading command words (global options may come before them) down the command tree. */
function findCommand(root: CliCommand, argv: string[]): { path: string[]; command: CliCommand; rest: string[] } {
  const path: string[] = [];
  const rest: string[] = [];
  let command = root;
  let index = 0;
  for (; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--data-dir') {
      rest.push(token, ...argv.slice(index + 1, index + 2));
      index++;
      continue;
    }
    if (token.startsWith('-')) {
      if (token.startsWith('--data-dir=') || ['-h', '--help', '-v', '--version'].includes(token)) {
        rest.push(token);
        continue;
      }
      break;
    }
    const sub = command.subcommands?.find((candidate) => candidate.name === token);
    if (!sub) break;
    command = sub;
    path.push(token);
  }
  return { path, command, rest: [...rest, ...argv.slice(index)] };
}

function parseOptions(command: CliCommand, args: string[], invocation: string) {
  try {
    return parseArgs({ args, options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error), invocation);
  }
}

function write(stream: NodeJS.WritableStream, text: string, code: number): number {
  stream.write(text);
  return code;
}
