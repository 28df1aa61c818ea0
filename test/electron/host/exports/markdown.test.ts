// The two Markdown exports against a real incident log: the template's sections, the prefilled facts,
// placeholders where the record is silent, and tables that survive pipes and newlines in what people typed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HoldfastError } from '../../../../electron/contract';
import { defaultExportPath, exportIncident } from '../../../../electron/host/exports/exportIncident';
import { renderPostmortem } from '../../../../electron/host/exports/postmortemMarkdown';
import { describeTimelineEvent as describeEvent } from '../../../../electron/contract';
import { takeSnapshot } from '../../../../electron/host/exports/snapshot';
import { openFixture, workedIncident, type Fixture } from './incidentFixture';

const fixtures: Fixture[] = [];
function fixture(): Fixture {
  const opened = openFixture();
  fixtures.push(opened);
  return opened;
}
afterEach(() => fixtures.splice(0).forEach((opened) => opened.close()));

const exportedAt = new Date('2026-03-02T09:00:00.000Z');

/** Splits a Markdown table row on unescaped pipes: the number of cells tells whether the row broke. */
function cellsOf(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The rows of the table under a `## heading` (header and separator excluded). */
function tableUnder(markdown: string, heading: string): string[] {
  const section = markdown.split(`## ${heading}\n`)[1]!.split('\n## ')[0]!;
  return section.split('\n').filter((line) => line.startsWith('|')).slice(2);
}

async function exported(opened: Fixture, incidentId: string, format: 'postmortem' | 'log'): Promise<string> {
  const outPath = join(opened.dataDir, 'out', `${format}.md`);
  const result = await exportIncident(opened.log, { incidentId, format, outPath, now: exportedAt });
  expect(result.path).toBe(outPath);
  const text = readFileSync(outPath, 'utf8');
  expect(result.bytes).toBe(Buffer.byteLength(text));
  return text;
}

describe('post-mortem export', () => {
  it('has every section of the seed template, in order, prefilled from the incident', async () => {
    const opened = fixture();
    const incident = await workedIncident(opened);
    const markdown = await exported(opened, incident.humanId, 'postmortem');

    const headings = ['# Incident Post-Mortem: ', '## Incident Summary', '## Timeline', '## Root Cause Analysis', '### What Happened?', '### Why Did It Happen?', '### How Was It Detected?', '### How Was It Resolved?', '## Impact Analysis', '## What Went Well?', '## What Could Be Improved?', '## Action Items', '## Lessons Learned'];
    const positions = headings.map((heading) => markdown.indexOf(`${heading}`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    expect(markdown.startsWith(`# Incident Post-Mortem: ${incident.humanId}\n`)).toBe(true);
    expect(incident.humanId).toMatch(/^INC-2026-0001-[0-9A-Z]{3}$/);
    expect(markdown).toContain('- **Date**: 2026-03-01\n');
    expect(markdown).toContain('- **Duration**: 2026-03-01 14:00:00 UTC - 2026-03-01 15:10:00 UTC (1h 10m)\n');
    expect(markdown).toContain('- **Severity**: SEV1 (SEV1 High)\n');
    expect(markdown).toContain('- **Affected Services**: checkout, payments\n');
    expect(markdown).toContain('- **Acknowledged**: 2026-03-01 14:05:00 UTC\n');
    expect(markdown).toContain('- **Mitigated**: 2026-03-01 14:40:00 UTC\n');
    // The post-mortem's impact is empty, so the last status update's impact stands in.
    expect(markdown).toContain('- **Impact**: Card payments fail for about 30% of checkouts\n');
    expect(markdown).toContain('### What Happened?\n\nThe payments API returned 502s for 70 minutes.\n');
    expect(markdown).toContain('The database connection pool was exhausted by a retry storm.');
    expect(markdown).toContain('1. Why? Requests timed out waiting for a connection\n2. Why? _To be written_\n');
    expect(markdown).toContain('Acknowledged at 2026-03-01 14:05:00 UTC (5m after detection).');
    expect(markdown).toContain('Resolved at 2026-03-01 15:10:00 UTC (1h 10m after detection) by Bo Resolver.');
    expect(markdown).toContain('- Restarted payments-api');
    expect(markdown).toContain('## What Went Well?\n\n- _To be written_\n');
    expect(markdown).toContain('## What Could Be Improved?\n\n- Alerting fired late\n');
    expect(markdown).toContain('## Lessons Learned\n\n- _To be written_\n');
    expect(markdown).toContain('- **Users Affected**: _To be written_');
  });

  it('has one timeline row per event with UTC times, and pipes or newlines in notes do not break the tables', async () => {
    const opened = fixture();
    const incident = await workedIncident(opened);
    const markdown = await exported(opened, incident.id, 'postmortem');
    const timeline = opened.log.incidents.timeline(incident.id);

    const rows = tableUnder(markdown, 'Timeline');
    expect(rows).toHaveLength(timeline.length);
    for (const row of rows) expect(cellsOf(row)).toHaveLength(3);
    expect(rows[0]).toMatch(/^\| 2026-03-01 14:00:00 UTC \| Incident declared: Checkout payments failing \(SEV1, trigger INC-DENY-SPIKE\) \| Ana Ops \|$/);
    expect(rows).toContain('| 2026-03-01 14:05:00 UTC | Status changed from detected to acknowledged | Ana Ops |');
    expect(rows).toContain('| 2026-03-01 14:06:00 UTC | Note: Saw 502s \\| upstream timeout<br>second line of the note | Ana Ops |');
    expect(rows).toContain('| 2026-03-01 14:10:00 UTC | Command run: kubectl get pods -n payments (exit 0) | Ana Ops |');
    expect(rows).toContain('| 2026-03-01 15:10:00 UTC | Status changed from monitoring to resolved | Bo Resolver |');
    expect(rows.some((row) => row.includes('Evidence added: heap dump (prod) #1.bin (2.9 KiB, sha256:'))).toBe(true);
    expect(rows.some((row) => row.includes('Status update posted: mitigating — impact: Card payments fail'))).toBe(true);

    const items = tableUnder(markdown, 'Action Items');
    expect(items).toEqual(['| Alert on 502 rate \\| per region | Bo Resolver | 2026-03-15 | P1 |']);
    expect(cellsOf(items[0]!)).toHaveLength(4);
  });

  it('gives a title or note with HTML no tags in the report: a wiki that passes HTML through must not run it', async () => {
    const opened = fixture();
    const incident = opened.log.incidents.declare({ title: 'Checkout <script>alert(1)</script> down', severity: 'SEV2' });
    opened.log.incidents.addNote(incident.id, 'payload was <img src=x onerror=alert(2)>');
    for (const format of ['postmortem', 'log'] as const) {
      const markdown = await exported(opened, incident.id, format);
      expect(markdown).not.toMatch(/<script|<img/);
      expect(markdown).toContain('Checkout &lt;script>alert(1)&lt;/script> down');
    }
  });

  it('puts placeholders everywhere an unresolved, barely started incident has nothing to say', async () => {
    const opened = fixture();
    const incident = opened.log.incidents.declare({ title: 'Quiet one', severity: 'SEV3' });
    const markdown = await exported(opened, incident.id, 'postmortem');
    expect(markdown).toContain('- **Impact**: _To be written_\n');
    expect(markdown).toContain('- **Affected Services**: _None recorded_\n');
    expect(markdown).toContain('- **Resolved**: _Not reached_\n');
    expect(markdown).toContain('- **Duration**: 2026-03-01 14:00:00 UTC - ongoing at export (2026-03-02 09:00:00 UTC) (19h so far)\n');
    expect(markdown).toContain('### What Happened?\n\n_To be written_\n');
    expect(markdown).toContain('Not resolved at export time (status: detected).');
    expect(markdown).toContain('Not acknowledged at export time.');
    expect(tableUnder(markdown, 'Action Items')).toEqual(['| _None recorded_ |  |  |  |']);
    expect(markdown.match(/_To be written_/g)!.length).toBeGreaterThanOrEqual(12);
  });

  it('describes unknown kinds and odd event data without throwing', () => {
    const odd = [
      { kind: 'mystery_kind', data: { a: 1 } },
      { kind: 'note', data: null },
      { kind: 'status_changed', data: { from: 3, to: { nested: true } } },
      { kind: 'action_item', data: { action: 'updated', item: 'not an object', changed: 'done' } },
      { kind: 'evidence_added', data: { size: 'big' } },
      { kind: 'roles_changed', data: { to: { responders: ['a', 2, null] } } },
    ] as unknown as Parameters<typeof describeEvent>[0][];
    const lines = odd.map((event) => describeEvent(event));
    expect(lines[0]).toBe('mystery kind: {"a":1}');
    expect(lines[1]).toBe('Note: ');
    expect(lines[2]).toBe('Status changed from 3 to unknown');
    expect(lines[3]).toBe('Action item updated: untitled');
    expect(lines[4]).toBe('Evidence added: unnamed');
    expect(lines[5]).toBe('Roles changed: responders a, 2');
  });

  it('renders a snapshot holding events of an unknown kind as ordinary timeline rows', async () => {
    const opened = fixture();
    const incident = await workedIncident(opened);
    const snapshot = takeSnapshot(opened.log, incident.id, exportedAt);
    const first = snapshot.timeline[0]!;
    snapshot.timeline.push({ ...first, id: 'x1', kind: 'future_kind' as never, data: { detail: 'a | b' } });
    const rows = tableUnder(renderPostmortem(snapshot), 'Timeline');
    expect(rows).toHaveLength(snapshot.timeline.length);
    expect(cellsOf(rows.at(-1)!)).toEqual(['2026-03-01 14:00:00 UTC', 'future kind: {"detail":"a \\| b"}', 'Ana Ops']);
  });
});

describe('incident-log entry export', () => {
  it('follows the seed template, prefilled, with the resolver from the status change to resolved', async () => {
    const opened = fixture();
    const incident = await workedIncident(opened);
    const markdown = await exported(opened, incident.id, 'log');
    expect(markdown.startsWith(`## Incident #${incident.humanId} — Checkout payments failing\n`)).toBe(true);
    const fields = ['**Date**: 2026-03-01 14:00 UTC', '**Severity**: SEV1 (SEV1 High)', '**Reported By**: Ana Ops', '**Resolved By**: Bo Resolver', '**Resolution Time**: 1h 10m'];
    for (const field of fields) expect(markdown).toContain(`${field}  \n`);
    const labels = ['Description', 'Impact', 'Root Cause', 'Resolution', 'Prevention', 'Lessons Learned'];
    const positions = labels.map((label) => markdown.indexOf(`**${label}**:`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain('**Description**:  \nThe payments API returned 502s for 70 minutes.\n');
    expect(markdown).toContain('**Impact**:  \nCard payments fail for about 30% of checkouts\n');
    expect(markdown).toContain('**Root Cause**:  \nThe database connection pool was exhausted by a retry storm.\n');
    expect(markdown).toContain('Resolved at 2026-03-01 15:10:00 UTC (1h 10m after detection) by Bo Resolver.');
    expect(markdown).toContain('**Prevention**:  \n- [ ] Alert on 502 rate | per region (P1, owner Bo Resolver, due 2026-03-15)\n');
    expect(markdown).toContain('**Lessons Learned**:  \n_To be written_\n');
  });

  it('says not resolved, and uses placeholders, for an open incident', async () => {
    const opened = fixture();
    const incident = opened.log.incidents.declare({ title: 'Still burning', severity: 'SEV0' });
    const markdown = await exported(opened, incident.id, 'log');
    expect(markdown).toContain('**Resolved By**: _Not resolved_  \n');
    expect(markdown).toContain('**Resolution Time**: _Not resolved_ (open for 19h at export)  \n');
    expect(markdown).toContain('**Description**:  \n_To be written_\n');
    expect(markdown).toContain('**Prevention**:  \n_To be written_\n');
  });
});

describe('exportIncident (Markdown formats)', () => {
  it('writes atomically into a folder it creates, leaving no temp file, and replaces an older export', async () => {
    const opened = fixture();
    const incident = opened.log.incidents.declare({ title: 'First title', severity: 'SEV2' });
    const outPath = defaultExportPath(opened.dataDir, incident.humanId, 'postmortem');
    await exportIncident(opened.log, { incidentId: incident.id, format: 'postmortem', outPath });
    opened.log.incidents.addNote(incident.id, 'a later note');
    const progress: { done: number; total: number; stage: string }[] = [];
    const result = await exportIncident(opened.log, { incidentId: incident.id, format: 'postmortem', outPath, onProgress: (p) => progress.push(p) });
    expect(readFileSync(outPath, 'utf8')).toContain('Note: a later note');
    expect(readdirSync(dirname(outPath))).toEqual([`${incident.humanId}-postmortem.md`]);
    expect(progress.at(-1)).toEqual({ done: result.bytes, total: result.bytes, stage: 'done' });
  });

  it('refuses an unknown incident without writing anything', async () => {
    const opened = fixture();
    const outPath = join(opened.dataDir, 'exports', 'nope.md');
    await expect(exportIncident(opened.log, { incidentId: 'INC-1999-0001-AAA', format: 'log', outPath })).rejects.toSatisfy((error) => error instanceof HoldfastError && error.code === 'not_found');
    expect(existsSync(outPath)).toBe(false);
  });

  it('names default export paths after the human id and the format', () => {
    expect(defaultExportPath('/data', 'INC-2026-0042-K7Q', 'postmortem')).toBe(join('/data', 'exports', 'INC-2026-0042-K7Q-postmortem.md'));
    expect(defaultExportPath('/data', 'INC-2026-0042-K7Q', 'log')).toBe(join('/data', 'exports', 'INC-2026-0042-K7Q-incident-log.md'));
    expect(defaultExportPath('/data', 'INC-2026-0042-K7Q', 'bundle')).toBe(join('/data', 'exports', 'INC-2026-0042-K7Q-evidence.tar.gz'));
  });
});
