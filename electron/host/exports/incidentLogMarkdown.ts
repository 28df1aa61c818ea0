// One entry for the team's incident log, in the shape of seed 002's "Incident Log Template", prefilled
// from the record. The template's `**Field**:` lines sit on consecutive lines; Markdown would join them
// into one paragraph, so each ends with a hard line break (two spaces) to render as the template reads.
import { durationFacts, impactText, resolutionAt, resolutionText, resolvedBy, severityText } from './incidentFacts';
import { block, oneLine, toBeWritten, utcMinute } from './markdownText';
import type { IncidentSnapshot } from './snapshot';

const hardBreak = '  ';

export function renderIncidentLogEntry(snapshot: IncidentSnapshot): string {
  const { incident } = snapshot;
  const pm = incident.postmortem;
  const duration = durationFacts(snapshot);
  const resolved = resolutionAt(incident) !== null;
  const fields = [
    `**Date**: ${utcMinute(incident.detectedAt)}`,
    `**Severity**: ${severityText(incident)}`,
    `**Reported By**: ${oneLine(incident.createdBy, '_Unknown_')}`,
    `**Resolved By**: ${resolved ? oneLine(resolvedBy(snapshot), '_Unknown_') : '_Not resolved_'}`,
    `**Resolution Time**: ${resolved ? duration.total || '0s' : `_Not resolved_ (open for ${duration.total || '0s'} at export)`}`,
  ];
  const paragraphs: [string, string][] = [
    ['Description', block(pm.summary)],
    ['Impact', block(impactText(snapshot))],
    ['Root Cause', block(rootCauseText(pm.rootCause, pm.fiveWhys))],
    ['Resolution', resolutionText(snapshot)],
    ['Prevention', preventionText(snapshot)],
    ['Lessons Learned', block(pm.lessons)],
  ];
  const lines = [
    `## Incident #${incident.humanId} — ${oneLine(incident.title, 'Untitled incident')}${incident.drill ? ' (drill)' : ''}`,
    '',
    ...fields.map((line) => line + hardBreak),
    '',
    ...paragraphs.flatMap(([label, body]) => [`**${label}**:${hardBreak}`, body, '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The written root cause, else the answered 5 Whys: the last answered why is usually the root. */
function rootCauseText(rootCause: string, fiveWhys: readonly string[]): string {
  if (rootCause.trim()) return rootCause;
  const answered = fiveWhys.map((why) => why.trim()).filter(Boolean);
  return answered.map((why, index) => `${index + 1}. ${why.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}

/** Prevention is what the team committed to do: the action items, with owner, due date and state. */
function preventionText(snapshot: IncidentSnapshot): string {
  if (snapshot.actionItems.length === 0) return toBeWritten;
  return snapshot.actionItems
    .map((item) => {
      const details = [item.priority, item.owner ? `owner ${item.owner}` : 'unassigned', item.due ? `due ${item.due}` : ''].filter(Boolean).join(', ');
      return `- [${item.done ? 'x' : ' '}] ${oneLine(item.title)} (${details})`;
    })
    .join('\n');
}
