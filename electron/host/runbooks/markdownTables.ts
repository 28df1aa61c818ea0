// Trigger tables: runbooks list what starts them as a table ("Trigger Matrix" in seed 000:
// incident_id | trigger | severity default | source signal). A table counts when a column is named like
// incident_id / trigger_id, or when it sits under a heading about triggers and has an id column. Other
// tables (alert rules, communication cadence) stay reference text only.
import type MarkdownIt from 'markdown-it';
import type { Runbook } from '../../contract/runbooks';

type Token = ReturnType<MarkdownIt['parse']>[number];
type Trigger = NonNullable<Runbook['triggers']>[number];

/** Cell texts of the table spanning tokens `start`..`end`, header row first. */
export function tableRows(tokens: Token[], start: number, end: number): string[][] {
  const rows: string[][] = [];
  let row: string[] | undefined;
  for (let i = start; i <= end; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'tr_open') rows.push((row = []));
    else if (token.type === 'inline' && row) row.push(token.content.trim());
  }
  return rows;
}

export function collectTableTriggers(rows: string[][], heading: string, into: Trigger[]): void {
  const [header = [], ...body] = rows;
  let idColumn = header.findIndex((cell) => /^(incident|trigger)[\s_-]*id$/i.test(cell));
  if (idColumn === -1 && /trigger/i.test(heading)) idColumn = header.findIndex((cell) => /(^|[\s_-])id$/i.test(cell));
  if (idColumn === -1) return;
  const column = (pattern: RegExp) => header.findIndex((cell, index) => index !== idColumn && pattern.test(cell));
  const severity = column(/sev/i);
  const threshold = column(/threshold/i);
  const description = column(/^(trigger|description|summary|condition|symptom)/i);
  for (const cells of body) {
    const id = unwrapCode(cells[idColumn] ?? '');
    if (!id || into.some((trigger) => trigger.id === id)) continue;
    const trigger: Trigger = { id };
    if (cells[severity]?.trim()) trigger.severity = unwrapCode(cells[severity] ?? '');
    if (cells[threshold]?.trim()) trigger.threshold = cells[threshold];
    if (cells[description]?.trim()) trigger.description = cells[description];
    into.push(trigger);
  }
}

/** "`INC-FLAG-OUTAGE`" → "INC-FLAG-OUTAGE": ids are written as code in tables but matched as plain text. */
function unwrapCode(cell: string): string {
  return cell.trim().replace(/^`+\s*([^`]*?)\s*`+$/, '$1');
}
