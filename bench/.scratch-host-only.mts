// Scratch (not committed): host side alone — a Node WebSocket client that acks without xterm.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { spawnHoldfastServe } from './processes';
import { decodeOutputFrame } from '../electron/contract';
const floodCommand = `yes 'holdfast terminal benchmark line 0123456789 abcdefghijklmnopqrstuvwxyz' | head -c 104857600`;
const floodBytes = 106334467;
const mode = process.argv[2] ?? 'ack5000'; // ack5000 | ackEachFrame | ackDelayed
const prof = process.argv[3] === 'prof';
const home = mkdtempSync(join(tmpdir(), 'hb-home-'));
const dataDir = mkdtempSync(join(tmpdir(), 'hb-data-'));
const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, SHELL: '/bin/bash' };
if (prof) env.NODE_OPTIONS = '--cpu-prof --cpu-prof-dir=/tmp/hfprof';
const serve = await spawnHoldfastServe(dataDir, env);
const url = new URL(serve.url);
const token = url.searchParams.get('token')!;
const ws = new WebSocket(`ws://${url.host}/api/ws`, { headers: { Authorization: `Bearer ${token}` } });
await new Promise((r) => ws.once('open', r));
let nextId = 1; const waiting = new Map<number, (v: any) => void>();
const call = (method: string, params: unknown) => new Promise<any>((resolve) => { const id = nextId++; waiting.set(id, resolve); ws.send(JSON.stringify({ id, method, params })); });
let received = 0; let unacked = 0; let frames = 0; let lastAt = performance.now();
let onBytes = () => {};
ws.on('message', (data: Buffer, isBinary) => {
  if (!isBinary) { const m = JSON.parse(data.toString()); if (m.kind === 'response') { if (!m.ok) console.log(m); waiting.get(m.id)?.(m.result); } return; }
  const frame = decodeOutputFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))!;
  frames++; received += frame.data.length; unacked += frame.data.length; lastAt = performance.now();
  if (mode === 'ackEachFrame' || unacked >= 5000) { const bytes = unacked; unacked = 0; ws.send(JSON.stringify({ kind: 'stream', message: { type: 'ack', terminalId: frame.terminalId, bytes } })); }
  onBytes();
});
const info = await call('terminals.open', { cols: 120, rows: 30 });
ws.send(JSON.stringify({ kind: 'stream', message: { type: 'attach', terminalId: info.id } }));
await new Promise((r) => setTimeout(r, 1500));
const before = received; const framesBefore = frames;
const t0 = performance.now();
ws.send(JSON.stringify({ id: nextId++, method: 'terminals.input', params: { terminalId: info.id, data: floodCommand + '\r' } }));
await new Promise<void>((resolve) => { onBytes = () => { if (received - before >= floodBytes) resolve(); }; });
const ms = performance.now() - t0;
console.log(mode, (ms / 1000).toFixed(2), 's', (floodBytes / 1e6 / (ms / 1000)).toFixed(1), 'MB/s', frames - framesBefore, 'frames');
await call('terminals.close', { terminalId: info.id });
ws.close();
await serve.stop();
rmSync(dataDir, { recursive: true, force: true }); rmSync(home, { recursive: true, force: true });
