// Embedded terminals, end to end: a real `holdfast serve` and a Chromium page rendering with the bundled
// xterm.js (terminalPage.ts; Chromium driven without Playwright, see cdpChromium.ts). Output throughput of
// a 100 MB flood against node-pty alone, the host's memory during floods against its idle memory,
// keystroke echo while another terminal floods against echo with no flood, and how quickly Ctrl+C stops
// a flood. To show where the time goes: the same flood into a terminal in a background tab (parsed, not
// drawn), xterm.js alone on the same bytes from page memory (with nothing else running, then with raw floods
// alongside), and the CPU the host and Chromium used during the real flood.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as pty from 'node-pty';
import { flowControl } from '../../electron/contract';
import { maxFrameBytes } from '../../electron/host/terminal/outputFanOut';
import { figure, median, type BenchPart } from '../benchTypes';
import { launchCdpChromium, type CdpPage } from '../cdpChromium';
import { cpuSeconds, processTree, residentMiB, spawnHoldfastServe, type Spawned } from '../processes';
import { TerminalBenchPage } from '../terminalPage';

const floodPayloadBytes = 100 * 1024 * 1024;
const floodLine = 'holdfast terminal benchmark line 0123456789 abcdefghijklmnopqrstuvwxyz';
const floodCommand = `yes '${floodLine}' | head -c ${floodPayloadBytes}`;
const endlessFloodCommand = `yes '${floodLine}'`;
/** What the flood puts through the pty: the payload, each "\n" turned into "\r\n" by the tty (onlcr). */
const floodPtyBytes = floodPayloadBytes + Math.floor(floodPayloadBytes / (floodLine.length + 1));
const cols = 120;
const rows = 30;
const rawRounds = 3;
const keystrokes = 200;
const keystrokeSpacingMs = 20;
const promptSettleMs = 500;
const floodStoppedQuietMs = 200;
const memorySampleMs = 100;

interface RawFlood {
  bytes: number;
  ms: number;
}

/** node-pty alone: the same command through `bash -c`, bytes counted in Node until the last one arrives. */
function rawPtyFlood(home: string): Promise<RawFlood> {
  return new Promise((resolve) => {
    const startedAt = performance.now();
    let bytes = 0;
    let lastDataAt = startedAt;
    // encoding null: Buffers, as the host reads them (no UTF-8 decoding in either).
    const shell = pty.spawn('/bin/bash', ['-c', floodCommand], { name: 'xterm-256color', cols, rows, cwd: home, env: { ...process.env, HOME: home }, encoding: null });
    shell.onData((data: string | Buffer) => {
      bytes += data.length;
      lastDataAt = performance.now();
    });
    // node-pty may report the exit before the last reads; give them a moment.
    shell.onExit(() => setTimeout(() => resolve({ bytes, ms: lastDataAt - startedAt }), 200));
  });
}

/** Samples a process's RSS until stopped; the peak, in MiB. */
function sampleResidentPeak(pid: number): { stop(): number } {
  let peak = residentMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentMiB(pid))), memorySampleMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentMiB(pid));
    },
  };
}

/** Cores the host and Chromium kept busy between start and stop (CPU seconds per wall-clock second). */
function meterCpu(hostPid: number, browserPid: number): { stop(): { host: number; chromium: number; renderer: number } } {
  const read = () => ({ host: cpuSeconds(hostPid), chromium: processTree(browserPid).map(({ pid, commandLine }) => ({ pid, isRenderer: commandLine.includes('--type=renderer'), seconds: cpuSeconds(pid) })) });
  const before = read();
  const startedAt = performance.now();
  return {
    stop() {
      const after = read();
      const wallSeconds = (performance.now() - startedAt) / 1000;
      const used = after.chromium.map((process) => ({ ...process, seconds: process.seconds - (before.chromium.find((earlier) => earlier.pid === process.pid)?.seconds ?? 0) }));
      return {
        host: (after.host - before.host) / wallSeconds,
        chromium: used.reduce((sum, process) => sum + process.seconds, 0) / wallSeconds,
        renderer: Math.max(0, ...used.filter((process) => process.isRenderer).map((process) => process.seconds)) / wallSeconds,
      };
    },
  };
}

/**
 * xterm.js alone, as the console sets it up, parsing and drawing the flood's bytes from page memory in
 * frame-sized writes within flow control's window: what the page could reach if the host, the socket and the
 * program writing the output cost nothing (an upper bound), or, with `underLoad`, while raw node-pty floods
 * run alongside (a machine as busy as during a real flood, though busier than the flood would keep it at
 * the page's pace).
 */
async function xtermAlone(page: TerminalBenchPage, home: string, underLoad: boolean): Promise<number> {
  let parsing = underLoad;
  const load = (async () => {
    while (parsing) await rawPtyFlood(home);
  })();
  try {
    return (await page.parseFromMemory(`${floodLine}\r\n`, floodPtyBytes, maxFrameBytes, cols, rows)).ms;
  } finally {
    parsing = false;
    await load;
  }
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** The part takes about a minute: say where it is. */
const progress = (phase: string) => process.stderr.write(`bench: terminal: ${phase}…\n`);

const megabytesPerSecond = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

export const terminalPart: BenchPart = {
  name: 'terminal',
  async run() {
    const home = mkdtempSync(join(tmpdir(), 'holdfast-bench-home-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-'));
    let serve: Spawned | undefined;
    let chromium: CdpPage | undefined;
    try {
      const raw: RawFlood[] = [];
      progress(`raw node-pty flood ×${rawRounds}`);
      for (let round = 0; round < rawRounds; round++) raw.push(await rawPtyFlood(home));
      const rawSpeed = median(raw.map((flood) => megabytesPerSecond(flood.bytes, flood.ms)));
      const rawBytes = raw[0]!.bytes;
      if (raw.some((flood) => flood.bytes !== floodPtyBytes)) process.stderr.write(`bench: terminal: raw floods carried ${raw.map((flood) => flood.bytes).join(', ')} bytes (expected ${floodPtyBytes})\n`);

      serve = await spawnHoldfastServe(dataDir, { ...process.env, HOME: home, SHELL: '/bin/bash' });
      const pid = serve.child.pid!;
      chromium = await launchCdpChromium();
      const page = await TerminalBenchPage.open(chromium, serve.url);

      // 1. Throughput of a 100 MB flood, and the host's memory meanwhile.
      progress('100 MiB flood through holdfast serve into xterm.js');
      const floodTerminal = await page.openTerminal(cols, rows, promptSettleMs);
      await sleep(1000);
      const idleRss = residentMiB(pid);
      const floodMemory = sampleResidentPeak(pid);
      const floodCpu = meterCpu(pid, chromium.pid);
      const flood = await page.flood(floodTerminal, floodCommand, floodPtyBytes, 600_000);
      const cpu = floodCpu.stop();
      const floodPeakRss = floodMemory.stop();
      await page.quiet(floodTerminal, promptSettleMs);
      await page.closeTerminal(floodTerminal);
      const oursSpeed = megabytesPerSecond(floodPtyBytes, flood.ms);
      progress('100 MiB flood into a terminal in a background tab');
      const backgroundTerminal = await page.openTerminal(cols, rows, promptSettleMs, false);
      const backgroundFlood = await page.flood(backgroundTerminal, floodCommand, floodPtyBytes, 600_000);
      await page.quiet(backgroundTerminal, promptSettleMs);
      await page.closeTerminal(backgroundTerminal);
      const backgroundSpeed = megabytesPerSecond(floodPtyBytes, backgroundFlood.ms);

      progress('xterm.js alone: the same bytes from page memory, then with raw floods alongside');
      const aloneSpeed = megabytesPerSecond(floodPtyBytes, await xtermAlone(page, home, false));
      const loadedSpeed = megabytesPerSecond(floodPtyBytes, await xtermAlone(page, home, true));

      // 2. Keystroke echo in B, first with nothing else running, then while A floods; then Ctrl+C in A.
      const flooding = await page.openTerminal(cols, rows, promptSettleMs);
      const typing = await page.openTerminal(cols, rows, promptSettleMs);
      progress('keystroke echo, calm');
      const calm = await page.type(typing, 'x', keystrokes, keystrokeSpacingMs);
      await page.input(typing, '\x15'); // Ctrl+U: clear the typed line
      await page.quiet(typing, promptSettleMs);
      const typingMemory = sampleResidentPeak(pid);
      progress('keystroke echo while another terminal floods');
      await page.start(flooding, endlessFloodCommand, 1024 * 1024);
      const underFlood = await page.type(typing, 'x', keystrokes, keystrokeSpacingMs, flooding);
      progress('Ctrl+C');
      const stopped = await page.interrupt(flooding, floodStoppedQuietMs);
      const typingPeakRss = typingMemory.stop();
      const errors = await page.errors();
      if (errors.length) throw new Error(`the host refused keystrokes: ${errors.join('; ')}`);

      const calmP50 = percentile(calm.latencies, 0.5);
      const calmP95 = percentile(calm.latencies, 0.95);
      const floodP50 = percentile(underFlood.latencies, 0.5);
      const floodP95 = percentile(underFlood.latencies, 0.95);
      const floodAlongside = megabytesPerSecond(underFlood.watchedBytes, underFlood.ms);
      const inPage = 'xterm.js 6 with the console\'s terminal options and Unicode 11 widths (terminalOptions.ts; DOM renderer, no GPU) in a Chromium page of the console\'s origin with its own WebSocket, driven over bare CDP (no DevTools Network listener); React is not in this loop';
      return [
        figure('terminal', `output throughput, ${floodPayloadBytes / 1024 / 1024} MiB flood into xterm.js (higher is better)`, 'MB/s', oursSpeed, 'node-pty alone: bash -c same command, bytes counted in Node', rawSpeed,
          `${(floodPtyBytes / 1e6).toFixed(1)} MB through the pty (onlcr adds \\r); ours ${(flood.ms / 1000).toFixed(2)} s from typing the command to the last byte parsed, in ${flood.frames} frames (mean ${Math.round(floodPtyBytes / flood.frames)} B); raw ${raw.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ')} (median of ${rawRounds}, ${rawBytes} B); ${inPage}; acks every ${flowControl.ackEveryBytes} parsed bytes from the write callback; CPU meanwhile: host process ${cpu.host.toFixed(2)} cores, Chromium ${cpu.chromium.toFixed(2)} cores of which its renderer ${cpu.renderer.toFixed(2)} (2-core machine; the flood's own yes/head/kernel pty work comes on top)`),
        figure('terminal', 'output throughput into a terminal in a background tab (parsed, not drawn)', 'MB/s', backgroundSpeed, 'node-pty alone: bash -c same command, bytes counted in Node', rawSpeed,
          `the same flood and page, the terminal's element out of the page as the console keeps a tab that is not shown: xterm.js parses every byte and draws nothing; what the host, the socket and parsing cost without drawing`),
        figure('terminal', 'xterm.js alone: the flood\'s bytes from page memory, nothing else running (higher is better)', 'MB/s', aloneSpeed, 'node-pty alone: bash -c same command, bytes counted in Node', rawSpeed,
          `the renderer's ceiling on this machine (no host, no socket, no program writing): the same ${(floodPtyBytes / 1e6).toFixed(1)} MB written to a terminal made like the console's, in ${maxFrameBytes / 1024} KiB writes with at most ${flowControl.highWatermarkBytes} B unparsed, drawn as it goes; with raw node-pty floods running alongside: ${loadedSpeed.toFixed(1)} MB/s (${(loadedSpeed / rawSpeed).toFixed(2)}× raw)`),
        figure('terminal', 'host RSS peak during the flood (sampled every 100 ms)', 'MiB', floodPeakRss, 'same process idle, one terminal open, before the flood', idleRss,
          `peak during the endless flood + typing phase: ${typingPeakRss.toFixed(1)} MiB`),
        figure('terminal', `keystroke echo p95 while another terminal floods (${keystrokes} keys)`, 'ms', floodP95, 'same keystrokes in B, no flood, p95', calmP95,
          `p50 ${floodP50.toFixed(1)} ms under flood vs ${calmP50.toFixed(1)} ms calm; max ${Math.max(...underFlood.latencies).toFixed(1)} ms; keys ≥${keystrokeSpacingMs} ms apart; A parsed ${floodAlongside.toFixed(1)} MB/s meanwhile; send to B's next write callback; ${inPage}`),
        figure('terminal', 'Ctrl+C to flood stopped (last output parsed)', 'ms', stopped.ms, 'keystroke echo p50, no flood', calmP50,
          `${stopped.bytesAfter} bytes parsed after Ctrl+C was sent (in flight, the ^C echo and the new prompt); stopped = ${floodStoppedQuietMs} ms without output`),
      ];
    } finally {
      // Each step even if another failed: a left-over server would keep its shells running.
      const cleanup = await Promise.allSettled([chromium?.close(), serve?.stop()]);
      for (const step of cleanup) if (step.status === 'rejected') process.stderr.write(`bench: terminal: cleanup: ${step.reason}\n`);
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      rmSync(home, { recursive: true, force: true });
    }
  },
};
