// The console and the CLI share one data dir: what the CLI records appears in the console, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvent, TimelineEvent } from '../../../electron/contract';
import { EventHub } from '../../../electron/host/eventHub';
import type { Host } from '../../../electron/host/host';
import { ExternalChangeWatcher, watchExternalChanges } from '../../../electron/host/incidents/externalChanges';
import { openIncidentLog, type IncidentLog } from '../../../electron/host/incidentLog';
import { startTestHost } from '../../helpers/testHost';
import { runInProcess } from '../../helpers/cliRunner';
import { makeTempDataDir } from '../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
let received: HostEvent[];

beforeEach(() => {
  dataDir = makeTempDataDir();
  received = [];
});

afterEach(() => dataDir.remove());

const appended = () => received.filter((event) => event.event === 'timeline.appended').map((event) => (event.payload as { data: { text?: string } }).data.text);

describe('changes made by another process on the same data dir', () => {
  let host: Host;
  beforeEach(() => {
    host = startTestHost(dataDir.path).host;
    host.events.subscribe((event) => received.push(event));
  });
  afterEach(() => host.dispose());

  it('are announced to the console as timeline events, once each, and its own are not repeated', async () => {
    const declared = await host.call('incidents.declare', { title: 'Ledger drift', severity: 'SEV0' });
    if (!declared.ok) throw new Error(declared.error.message);
    const humanId = (declared.result as { humanId: string }).humanId;
    await host.call('incidents.addNote', { incidentId: humanId, text: 'from the console' });

    expect((await runInProcess('incident', 'note', humanId, 'from the CLI', '--data-dir', dataDir.path)).code).toBe(0);
    await expect.poll(appended, { timeout: 5000 }).toContain('from the CLI');
    expect(appended().filter((text) => text === 'from the console')).toHaveLength(1);
    expect(appended().filter((text) => text === 'from the CLI')).toHaveLength(1);
    expect(received.some((event) => event.event === 'incident.changed' && event.payload.humanId === humanId)).toBe(true);
  });
});

describe('the console and the CLI writing between two polls', () => {
  const settings = () => ({ responderName: 'Dana', severityScheme: 'sev0-3', maxAttachmentMiB: 5 });
  let consoleHub: EventHub;
  let consoleLog: IncidentLog;
  /** A second connection opened the way every CLI command opens the log (cli/incidentLogAccess.ts). */
  let cliLog: IncidentLog;
  let stopWatching = () => {};

  beforeEach(() => {
    consoleHub = new EventHub({ error: (message) => expect.fail(message) });
    consoleHub.subscribe((event) => received.push(event));
    consoleLog = openIncidentLog({ dataDir: dataDir.path, settings, events: consoleHub });
    cliLog = openIncidentLog({ dataDir: dataDir.path, settings });
  });
  afterEach(() => {
    stopWatching();
    cliLog.close();
    consoleLog.close();
  });

  it('announces a CLI note committed just before a console note', async () => {
    const incident = consoleLog.incidents.declare({ title: 'Ledger drift', severity: 'SEV1' });
    stopWatching = watchExternalChanges(consoleLog.incidents.store, consoleHub, 10);

    // Both commits land in one turn of the event loop, so no poll can run between them.
    cliLog.incidents.addNote(incident.id, 'from the CLI');
    consoleLog.incidents.addNote(incident.id, 'from the console');

    await expect.poll(appended, { timeout: 2000 }).toContain('from the CLI');
    await new Promise((resolve) => setTimeout(resolve, 50)); // a few more polls: nothing is announced twice
    expect(appended().filter((text) => text === 'from the CLI')).toHaveLength(1);
    expect(appended().filter((text) => text === 'from the console')).toHaveLength(1);
  });

  it('forgets the console’s own rows once it has read past them, even while nothing else writes', () => {
    const incident = consoleLog.incidents.declare({ title: 'Ledger drift', severity: 'SEV1' });
    const watcher = new ExternalChangeWatcher(consoleLog.incidents.store, consoleHub);
    for (let index = 0; index < 50; index++) consoleLog.incidents.addNote(incident.id, `console note ${index}`);
    expect(watcher.ownRowsAwaitingRead).toBe(50);

    watcher.poll();

    expect(watcher.ownRowsAwaitingRead).toBe(0);
    expect(appended()).toHaveLength(51); // the declare and the notes, each announced once, by the service
    watcher.stop();
  });

  it('forgets an announced row that never committed, and still announces the CLI row that took its place', () => {
    const incident = consoleLog.incidents.declare({ title: 'Ledger drift', severity: 'SEV1' });
    const watcher = new ExternalChangeWatcher(consoleLog.incidents.store, consoleHub);
    const neverCommitted: TimelineEvent = {
      ...consoleLog.incidents.timeline(incident.id)[0]!,
      id: 'announced-then-rolled-back',
      seq: consoleLog.incidents.store.latestSeq() + 1,
    };
    consoleHub.emit('timeline.appended', neverCommitted);
    const cliNote = cliLog.incidents.addNote(incident.id, 'from the CLI');
    expect(cliNote.seq).toBe(neverCommitted.seq); // SQLite hands a rolled-back seq out again

    watcher.poll();

    expect(appended()).toContain('from the CLI');
    expect(watcher.ownRowsAwaitingRead).toBe(0);
    watcher.stop();
  });
});
