// One listener that throws (a closed socket, a destroyed window, a bug in the host's own followers) must
// neither starve the others nor fail unseen: the host's log names the event it failed on.
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../electron/contract';
import { EventHub } from '../../../electron/host/eventHub';
import type { HostLog } from '../../../electron/host/hostLog';

describe('a listener that throws', () => {
  it('is logged with the event it failed on, and the other listeners still get the event', () => {
    const logged: { message: string; error: unknown }[] = [];
    const log: HostLog = { warn: () => {}, error: (message, error) => logged.push({ message, error }) };
    const hub = new EventHub(log);
    const failure = new Error('socket already closed');
    const delivered: HostEvent[] = [];
    hub.subscribe(() => {
      throw failure;
    });
    hub.subscribe((event) => delivered.push(event));

    hub.emit('incident.changed', { incidentId: '01J0000000000000000000000', humanId: 'INC-2026-0001-K7Q' });

    expect(delivered).toEqual([{ event: 'incident.changed', payload: { incidentId: '01J0000000000000000000000', humanId: 'INC-2026-0001-K7Q' } }]);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.message).toContain('incident.changed');
    expect(logged[0]!.error).toBe(failure);
  });
});
