// The status update as it will read, in the team's template (seed 000, "Status template"), for the live
// preview. The host renders the posted text the same way, stamped with the time it is posted.
import type { StatusUpdateFields } from '../../../../electron/contract';

export function previewStatusUpdate(humanId: string, at: string, fields: StatusUpdateFields): string {
  const list = (items: string[], none: string) => items.join(', ') || none;
  return [
    `[INCIDENT UPDATE] ${humanId} ${at}`,
    `Status: ${fields.status}`,
    `Impact: ${fields.impact}`,
    `Current hypothesis: ${fields.hypothesis || 'none yet'}`,
    `Actions completed: ${list(fields.actionsCompleted, 'none yet')}`,
    `Next update ETA (UTC): ${fields.nextUpdateAt}`,
    `Evidence refs: ${list(fields.evidenceRefs, 'none')}`,
  ].join('\n');
}

export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
