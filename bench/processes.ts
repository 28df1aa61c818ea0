// Child processes for benchmarks: the real `holdfast serve`, and raw baselines to compare it with.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../bin/holdfast.js', import.meta.url));

export interface Spawned {
  child: ChildProcess;
  /** Wall-clock ms (Date.now()) when spawn was called. */
  spawnedAt: number;
  url: string;
  stop(): Promise<void>;
}

/** Spawns a process that prints a URL on stdout when ready; resolves with it. */
export async function spawnUntilUrl(command: string, args: string[], urlPattern: RegExp, env?: NodeJS.ProcessEnv): Promise<Spawned> {
  const spawnedAt = Date.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: env ?? process.env });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = urlPattern.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before printing its URL`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    spawnedAt,
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** `env` replaces the server's environment, which its terminals' shells inherit (HOME, SHELL). */
export function spawnHoldfastServe(dataDir: string, env?: NodeJS.ProcessEnv): Promise<Spawned> {
  return spawnUntilUrl(process.execPath, [cliPath, 'serve', '--no-open', '--data-dir', dataDir], /Holdfast console: (\S+)/, env);
}

/** The raw baseline: bare node:http serving one small page, no framework, no host. */
export function spawnRawHttpPage(): Promise<Spawned> {
  const script = `
    const http = require('node:http');
    const page = '<!doctype html><title>raw</title><p>raw page</p><script>requestAnimationFrame(() => performance.mark("raw-painted"))</script>';
    const server = http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(page); });
    server.listen(0, '127.0.0.1', () => console.log('URL http://127.0.0.1:' + server.address().port + '/'));
    process.on('SIGTERM', () => process.exit(0));`;
  return spawnUntilUrl(process.execPath, ['-e', script], /URL (\S+)/);
}

/** Resident set size of a process, in MiB (Linux /proc). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kib / 1024;
}

/** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ; `getconf CLK_TCK`). */
const ticksPerSecond = 100;

/** CPU time (user + system) a running process has used so far, in seconds (Linux /proc); 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  const fields = procStatFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / ticksPerSecond : 0;
}

/** A process and all its running descendants, with each one's command line. */
export function processTree(rootPid: number): { pid: number; commandLine: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStatFields(Number(entry));
    if (fields) parentOf.set(Number(entry), Number(fields[1]));
  }
  const tree = new Set([rootPid]);
  // Parents may be listed after their children: repeat until nothing joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!tree.has(parent) || tree.has(pid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  return [...tree].map((pid) => ({ pid, commandLine: readCommandLine(pid) }));
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces): [0] state, [1] ppid, … */
function procStatFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // ended meanwhile
  }
}

function readCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}
