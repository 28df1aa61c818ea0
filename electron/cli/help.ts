// Help text, generated from the command tree so it cannot drift from what the CLI accepts.
import type { CliCommand } from './command';

export const globalOptionHelp = [
  '--data-dir DIR   Where Holdfast keeps its data (default: $HOLDFAST_DATA_DIR, else the OS user-data folder)',
  '-h, --help       Show help',
  '-v, --version    Print the version',
];

export function renderHelp(path: string[], command: CliCommand, product: { name: string; version: string }): string {
  const lines: string[] = [];
  const invocation = ['holdfast', ...path].join(' ');
  if (path.length === 0) lines.push(`${product.name} ${product.version}: the on-call console that keeps working when everything else does not.`, '');
  else lines.push(command.summary, '');
  const tail = command.subcommands ? '<command> [options]' : (command.usage ?? '[options]');
  lines.push(`Usage: ${invocation} ${tail}`.trimEnd());
  if (command.subcommands) {
    lines.push('', 'Commands:');
    const width = Math.max(...command.subcommands.map((sub) => sub.name.length));
    for (const sub of command.subcommands) lines.push(`  ${sub.name.padEnd(width)}   ${sub.summary}`);
  }
  if (command.optionHelp?.length) lines.push('', 'Options:', ...command.optionHelp.map((line) => `  ${line}`));
  lines.push('', 'Global options:', ...globalOptionHelp.map((line) => `  ${line}`));
  if (command.subcommands) lines.push('', `Run "${invocation} <command> --help" for a command's options.`);
  return lines.join('\n') + '\n';
}
