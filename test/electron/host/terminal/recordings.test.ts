// Finding an incident's terminal recordings from the files the recorder wrote (titles and start times from
// their headers, junk ignored, oldest first) and exporting one under a safe name with the same bytes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRecording, listRecordings, recordingPath } from '../../../../electron/host/terminal/recordings';
import { makeTempDataDir } from '../../../helpers/tempDataDir';
import { writeRecording } from './terminalFixtures';

let dataDir: ReturnType<typeof makeTempDataDir>;
beforeEach(() => (dataDir = makeTempDataDir('holdfast-recordings-')));
afterEach(() => dataDir.remove());

const incidentId = '01JTESTINCIDENT';
const startOf = (iso: string) => Date.parse(iso) / 1000;

describe('recordingPath', () => {
  it('files an incident terminal under the incident and a scratch terminal under "scratch"', () => {
    expect(recordingPath('/data', incidentId, 'term-1')).toBe(join('/data', 'recordings', incidentId, 'term-1.cast'));
    expect(recordingPath('/data', null, 'term-2')).toBe(join('/data', 'recordings', 'scratch', 'term-2.cast'));
  });
});

describe('listRecordings', () => {
  it('is empty for an incident that never had a terminal', () => {
    expect(listRecordings(dataDir.path, incidentId)).toEqual([]);
  });

  it('describes each recording from its header, oldest first, and ignores what is not a recording', async () => {
    // Written newest first, and named so that name order is not start order.
    await writeRecording(recordingPath(dataDir.path, incidentId, 'aaa'), { title: 'api logs', timestamp: startOf('2026-03-01T14:30:00Z') }, ['tail -f\r\n']);
    await writeRecording(recordingPath(dataDir.path, incidentId, 'zzz'), { title: 'db shell', timestamp: startOf('2026-03-01T14:05:00Z') }, ['psql\r\n']);
    await writeRecording(recordingPath(dataDir.path, incidentId, 'mmm'), { title: 'bash 3', timestamp: startOf('2026-03-01T14:30:00Z') }, []);
    await writeRecording(recordingPath(dataDir.path, 'another-incident', 'other'), { title: 'elsewhere' }, []);
    const folder = dirname(recordingPath(dataDir.path, incidentId, 'x'));
    writeFileSync(join(folder, 'notes.txt'), '{"version":2,"title":"not a cast file"}\n');
    writeFileSync(join(folder, 'garbage.cast'), 'this is not JSON\n');
    writeFileSync(join(folder, 'empty.cast'), '');
    writeFileSync(join(folder, 'not-a-header.cast'), '{"hello":"world"}\n');
    writeFileSync(join(folder, 'cut-off.cast'), '{"version":2,"width":80,');
    mkdirSync(join(folder, 'folder.cast'));

    const recordings = listRecordings(dataDir.path, incidentId);
    expect(recordings.map(({ terminalId, title, startedAt }) => ({ terminalId, title, startedAt }))).toEqual([
      { terminalId: 'zzz', title: 'db shell', startedAt: '2026-03-01T14:05:00.000Z' },
      { terminalId: 'aaa', title: 'api logs', startedAt: '2026-03-01T14:30:00.000Z' },
      { terminalId: 'mmm', title: 'bash 3', startedAt: '2026-03-01T14:30:00.000Z' },
    ]);
    for (const recording of recordings) {
      expect(recording.incidentId).toBe(incidentId);
      expect(recording.bytes).toBe(readFileSync(recordingPath(dataDir.path, incidentId, recording.terminalId)).length);
    }
  });
});

describe('exportRecording', () => {
  // Terminal ids are ULIDs; human incident ids are this long.
  const terminalId = '01JQ8Z3K4M5N6P7Q8R9S0T1V2W';
  const label = 'INC-2026-0001-ABC';

  it('copies the recording byte for byte into <dataDir>/exports under a name safe on every OS', async () => {
    const source = recordingPath(dataDir.path, incidentId, terminalId);
    await writeRecording(source, { title: 'db / prod: "primary"' }, ['héllo\r\n', 'SELECT 1;\r\n']);

    const written = await exportRecording(dataDir.path, source, label, { terminalId, title: 'db / prod: "primary"' });
    expect(dirname(written.path)).toBe(join(dataDir.path, 'exports'));
    expect(basename(written.path)).toMatch(new RegExp(`^${label}-db[A-Za-z0-9._-]*-${terminalId}\\.cast$`));
    expect(readFileSync(written.path).equals(readFileSync(source))).toBe(true);
    expect(written.bytes).toBe(readFileSync(source).length);
    expect(readdirSync(join(dataDir.path, 'exports'))).toEqual([basename(written.path)]); // no temp file left
  });

  it('gives two terminals with long, similar titles different names, so one export never replaces the other', async () => {
    const other = '01JQ8Z3K4M5N6P7Q8R9S0T1V2X';
    const title = 'database primary connection pool';
    for (const id of [terminalId, other]) await writeRecording(recordingPath(dataDir.path, incidentId, id), { title, terminalId: id }, [`${id}\r\n`]);
    const first = await exportRecording(dataDir.path, recordingPath(dataDir.path, incidentId, terminalId), label, { terminalId, title });
    const second = await exportRecording(dataDir.path, recordingPath(dataDir.path, incidentId, other), label, { terminalId: other, title });
    expect(second.path).not.toBe(first.path);
    expect(readFileSync(first.path, 'utf8')).toContain(terminalId);
  });

  it('replaces an earlier export of the same terminal', async () => {
    const source = recordingPath(dataDir.path, incidentId, terminalId);
    await writeRecording(source, { title: 'bash 1' }, ['first\r\n']);
    const first = await exportRecording(dataDir.path, source, label, { terminalId, title: 'bash 1' });
    await writeRecording(source, { title: 'bash 1' }, ['second\r\n']);
    const second = await exportRecording(dataDir.path, source, label, { terminalId, title: 'bash 1' });
    expect(second.path).toBe(first.path);
    expect(readFileSync(second.path).equals(readFileSync(source))).toBe(true);
  });
});
