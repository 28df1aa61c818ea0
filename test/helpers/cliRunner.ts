// Runs the `holdfast` CLI in-process (runCli) with captured output: fast, and the same code the binary runs.
import { Writable } from 'node:stream';
import { runCli } from '../../electron/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(argv, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
  return { code, stdout, stderr };
}
