// A runbook command as it will run: declared variables substituted, each value shell-quoted so a value can
// never become shell syntax. Secret values are masked wherever the command is shown or recorded.
export const maskedSecret = '••••••';

/** POSIX single-quoting: safe for any byte string except NUL. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface SubstitutionOptions {
  /** Names whose values are secret: shown as a mask instead of the value. */
  secretNames?: Iterable<string>;
  /** Replace secrets by the mask (for display and the timeline) rather than by their values. */
  maskSecrets?: boolean;
}

/** Replaces $NAME and ${NAME} of the given variables; other variables ($HOME…) are left to the shell. */
export function substituteVariables(command: string, values: Record<string, string>, options: SubstitutionOptions = {}): string {
  const secrets = new Set(options.secretNames ?? []);
  return command.replace(variableReference(), (whole, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    if (!Object.hasOwn(values, name)) return whole;
    if (options.maskSecrets && secrets.has(name)) return maskedSecret;
    return shellQuote(values[name]!);
  });
}

/** `$NAME` or `${NAME}`: exactly what substituteVariables replaces (`${NAME:-x}` is the shell's business). */
const variableReference = () => /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Whether substituteVariables would put a value for `name` into `command`. */
export function usesVariable(command: string, name: string): boolean {
  for (const match of command.matchAll(variableReference())) if ((match[1] ?? match[2]) === name) return true;
  return false;
}
