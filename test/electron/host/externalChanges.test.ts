// The console and the CLI share one data dir: what the CLI records appears in the console, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../electron/contract';
import type { Host } from '../../../electron/host/host';
import { startTestHost } from '../../helpers/testHost';
import { runInProcess } from '../../helpers/cliRunner';
import { makeTempDataDir } from '../../helpers/tempDataDir';

let dataDir: ReturnType<typeof makeTempDataDir>;
let host: Host;
let received: HostEvent[];

beforeEach(() => {
  dataDir = makeTempDataDir();
  host = startTestHost(dataDir.path).host;
  received = [];
  host.events.subscribe((event) => received.push(event));
});

afterEach(async () => {
  await host.dispose();
  dataDir.remove();
});

const appended = () => received.filter((event) => event.event === 'timeline.appended').map((event) => (event.payload as { data: { text?: string } }).data.text);

describe('changes made by another process on the same data dir', () => {
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
