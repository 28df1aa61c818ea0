// The post-mortem document in the shape of the team's template (seed 001, "Post-Mortem Template"), with
// every section the template has, prefilled from the record. What the record cannot know (revenue, users
// affected) stays a visible placeholder for the author to fill in.
import type { ActionItem } from '../../contract';
import { affectedScope, detectionText, durationFacts, impactText, resolutionText, severityText } from './incidentFacts';
import { block, bullets, cell, oneLine, tableRow, toBeWritten, utcDay, utcTime } from './markdownText';
import type { IncidentSnapshot } from './snapshot';
import { describeTimelineEvent as describeEvent } from '../../contract';

export function renderPostmortem(snapshot: IncidentSnapshot): string {
  const { incident } = snapshot;
  const duration = durationFacts(snapshot);
  const pm = incident.postmortem;
  const sections = [
    `# Incident Post-Mortem: ${incident.humanId}`,
    `**${oneLine(incident.title, 'Untitled incident')}**${incident.drill ? ' — _drill, not a real incident_' : ''}`,
    '## Incident Summary',
    [
      `- **Date**: ${utcDay(incident.detectedAt)}`,
      `- **Duration**: ${duration.start} - ${duration.end} (${duration.total || toBeWritten}${duration.ongoing ? ' so far' : ''})`,
      `- **Severity**: ${severityText(incident)}`,
      `- **Impact**: ${oneLine(impactText(snapshot))}`,
      `- **Affected Services**: ${oneLine(affectedScope(incident), '_None recorded_')}`,
      `- **Status**: ${incident.status}`,
      `- **Incident Commander**: ${oneLine(incident.roles.commander, '_Not assigned_')}`,
      ...milestoneLines(snapshot),
    ].join('\n'),
    '## Timeline',
    timelineTable(snapshot),
    '## Root Cause Analysis',
    '### What Happened?',
    block(pm.summary),
    '### Why Did It Happen?',
    whyText(pm.rootCause, pm.fiveWhys),
    '### How Was It Detected?',
    detectionText(snapshot),
    '### How Was It Resolved?',
    resolutionText(snapshot),
    '## Impact Analysis',
    [
      block(impactText(snapshot)),
      '',
      `- **Users Affected**: ${toBeWritten}`,
      `- **Revenue Impact**: ${toBeWritten}`,
      `- **SLO Impact**: ${toBeWritten}`,
      `- **Customer Complaints**: ${toBeWritten}`,
      ...(incident.tenants.length ? [`- **Tenants**: ${incident.tenants.join(', ')}`] : []),
    ].join('\n'),
    '## What Went Well?',
    bullets(pm.wentWell),
    '## What Could Be Improved?',
    bullets(pm.toImprove),
    '## Action Items',
    actionItemTable(snapshot.actionItems),
    '## Lessons Learned',
    bullets(pm.lessons),
    `_Exported from Holdfast at ${utcTime(snapshot.exportedAt)}; ${snapshot.timeline.length} timeline events._`,
  ];
  return `${sections.join('\n\n')}\n`;
}

function milestoneLines(snapshot: IncidentSnapshot): string[] {
  const { incident } = snapshot;
  const milestone = (label: string, at: string | null) => `- **${label}**: ${at ? utcTime(at) : '_Not reached_'}`;
  return [milestone('Detected', incident.detectedAt), milestone('Acknowledged', incident.acknowledgedAt), milestone('Mitigated', incident.mitigatedAt), milestone('Resolved', incident.resolvedAt)];
}

function timelineTable(snapshot: IncidentSnapshot): string {
  const byId = new Map(snapshot.timeline.map((event) => [event.id, event]));
  const rows = snapshot.timeline.map((event) => tableRow([cell(utcTime(event.occurredAt)), cell(describeEvent(event, byId)), cell(event.author, '_Unknown_')]));
  if (rows.length === 0) rows.push(tableRow([toBeWritten, '_No events recorded_', '']));
  return ['| Time | Event | Actor |', '|------|-------|-------|', ...rows].join('\n');
}

/** The root cause, then the 5 Whys as a numbered list; an unanswered why keeps its placeholder. */
function whyText(rootCause: string, fiveWhys: readonly string[]): string {
  const whys = Array.from({ length: 5 }, (_, index) => `${index + 1}. Why? ${oneLine(fiveWhys[index])}`);
  return `${block(rootCause)}\n\n**5 Whys**\n\n${whys.join('\n')}`;
}

function actionItemTable(items: ActionItem[]): string {
  const rows = items.map((item) => tableRow([cell(`${item.title}${item.done ? ' (done)' : ''}`), cell(item.owner, '_Unassigned_'), cell(item.due, '_No date_'), cell(item.priority)]));
  if (rows.length === 0) rows.push(tableRow(['_None recorded_', '', '', '']));
  return ['| Action | Owner | Due Date | Priority |', '|--------|-------|----------|----------|', ...rows].join('\n');
}
