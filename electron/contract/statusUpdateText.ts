// A status update in the team's template (seed 000, "Status template"). One renderer for the host (the
// posted text) and the console (the live preview), so what the composer shows is what gets posted.
import type { StatusUpdateFields } from './incidents';

export function renderStatusUpdate(humanId: string, at: string, fields: StatusUpdateFields): string {
  return [
    `[INCIDENT UPDATE] ${humanId} ${at}`,
    `Status: ${fields.status}`,
    `Impact: ${fields.impact}`,
    `Current hypothesis: ${fields.hypothesis || 'none yet'}`,
    `Actions completed: ${fields.actionsCompleted.join(', ') || 'none yet'}`,
    `Next update ETA (UTC): ${fields.nextUpdateAt ?? 'none, the incident is resolved'}`,
    `Evidence refs: ${fields.evidenceRefs.join(', ') || 'none'}`,
  ].join('\n');
}
