// Settings through the real host and a real conf-backed settings.json in a temp data dir.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type HostEvent, type Outcome } from '../../../electron/contract';
import type { Host } from '../../../electron/host/host';
import { startTestHost, type TestHost } from '../../helpers/testHost';
import { makeTempDataDir } from '../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
const running: Host[] = [];

function start(): TestHost {
  const started = startTestHost(dataDir.path);
  running.push(started.host);
  return started;
}

const settingsFile = () => join(dataDir.path, 'settings.json');
const readSettingsFile = () => JSON.parse(readFileSync(settingsFile(), 'utf8'));
const movedAsideFiles = () => readdirSync(dataDir.path).filter((name) => name.startsWith('settings.json.unreadable-'));

function resultOf(outcome: Outcome): unknown {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
}

beforeEach(() => {
  dataDir = makeTempDataDir();
});

afterEach(async () => {
  for (const host of running.splice(0)) await host.dispose();
  dataDir.remove();
});

describe('settings', () => {
  it('starts from the defaults in an empty data dir', async () => {
    const { host, warnings } = start();
    expect(resultOf(await host.call('settings.get', {}))).toEqual(defaultSettings);
    expect(warnings).toEqual([]);
    expect(movedAsideFiles()).toEqual([]);
  });

  it('persists an update to <dataDir>/settings.json, and a new host on the same dir reads it back', async () => {
    const first = start();
    const updated = resultOf(await first.host.call('settings.update', { theme: 'dark', responderName: 'Ada', hubUrl: 'https://hub.example.org/team' }));
    expect(updated).toEqual({ ...defaultSettings, theme: 'dark', responderName: 'Ada', hubUrl: 'https://hub.example.org/team' });
    expect(readSettingsFile()).toMatchObject({ theme: 'dark', responderName: 'Ada', hubUrl: 'https://hub.example.org/team' });
    await first.host.dispose();

    const second = start();
    expect(resultOf(await second.host.call('settings.get', {}))).toEqual(updated);
  });

  it('keeps the fields a partial update does not mention', async () => {
    const { host } = start();
    await host.call('settings.update', { responderName: 'Grace' });
    expect(resultOf(await host.call('settings.update', { theme: 'light' }))).toEqual({ ...defaultSettings, responderName: 'Grace', theme: 'light' });
  });

  it('emits settings.changed with the new settings on update', async () => {
    const { host } = start();
    const seen: HostEvent[] = [];
    host.events.subscribe((event) => seen.push(event));
    await host.call('settings.update', { theme: 'light' });
    expect(seen.filter((event) => event.event === 'settings.changed')).toEqual([{ event: 'settings.changed', payload: { ...defaultSettings, theme: 'light' } }]);
  });

  it.each([
    ['invalid JSON', Buffer.concat([Buffer.from('{"theme": "dark", \n'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]), Buffer.from(' // half-written')])],
    ['a schema violation (theme "purple")', Buffer.from(JSON.stringify({ theme: 'purple', responderName: 'Ada', hubUrl: '' }, null, '\t'))],
    ['a responderName over 120 characters', Buffer.from(JSON.stringify({ theme: 'dark', responderName: 'x'.repeat(121), hubUrl: '' }))],
    ['a JSON value that is not an object', Buffer.from('null')],
  ])('moves a settings.json holding %s aside byte-for-byte, starts from defaults and logs a warning', async (_label, content) => {
    writeFileSync(settingsFile(), content);
    const { host, warnings } = start();

    expect(resultOf(await host.call('settings.get', {}))).toEqual(defaultSettings);
    const moved = movedAsideFiles();
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(dataDir.path, moved[0]!)).equals(content)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('settings.json');
    expect(warnings[0]).toContain(join(dataDir.path, moved[0]!));
    // The fresh file works: updates are stored again.
    await host.call('settings.update', { theme: 'dark' });
    expect(readSettingsFile()).toMatchObject({ theme: 'dark' });
  });

  it('moves aside a settings.json whose hubUrl is not an http(s) URL, instead of failing to start', async () => {
    // The settings file schema only says hubUrl is a string; the contract says it is an http(s) URL or ''.
    const content = Buffer.from(JSON.stringify({ theme: 'dark', responderName: 'Ada', hubUrl: 'ftp://hub.example.org' }));
    writeFileSync(settingsFile(), content);
    const { host, warnings } = start();
    expect(resultOf(await host.call('settings.get', {}))).toEqual(defaultSettings);
    expect(movedAsideFiles()).toHaveLength(1);
    expect(readFileSync(join(dataDir.path, movedAsideFiles()[0]!)).equals(content)).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it.each(['ftp://x', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', 'hub.example.org'])('refuses hubUrl %j with invalid_params naming params.hubUrl, changing nothing', async (hubUrl) => {
    const { host } = start();
    await host.call('settings.update', { theme: 'dark', hubUrl: 'https://hub.example.org' });
    const storedBefore = readFileSync(settingsFile());
    const seen: HostEvent[] = [];
    host.events.subscribe((event) => seen.push(event));

    const outcome = await host.call('settings.update', { theme: 'light', hubUrl });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid_params');
    expect(outcome.error.issues?.map((issue) => issue.path)).toEqual(['params.hubUrl']);

    expect(readFileSync(settingsFile()).equals(storedBefore)).toBe(true);
    expect(resultOf(await host.call('settings.get', {}))).toEqual({ ...defaultSettings, theme: 'dark', hubUrl: 'https://hub.example.org' });
    expect(seen.filter((event) => event.event === 'settings.changed')).toEqual([]);
  });

  it('accepts an http(s) hubUrl and the empty string (no hub)', async () => {
    const { host } = start();
    expect(resultOf(await host.call('settings.update', { hubUrl: 'http://10.0.0.5:8080/' }))).toMatchObject({ hubUrl: 'http://10.0.0.5:8080/' });
    expect(resultOf(await host.call('settings.update', { hubUrl: '' }))).toMatchObject({ hubUrl: '' });
    expect(readSettingsFile().hubUrl).toBe('');
  });

  it('creates only settings.json and the incident database in the data dir when nothing goes wrong', async () => {
    const { host } = start();
    await host.call('settings.update', { theme: 'dark' });
    expect(existsSync(settingsFile())).toBe(true);
    expect(readdirSync(dataDir.path).filter((name) => !name.startsWith('holdfast.db'))).toEqual(['settings.json']);
  });
});
