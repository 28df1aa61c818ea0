// The incident contract's rules that both sides read: which statuses an update may announce, that only a
// resolution update may go without an ETA, and the text limits the console counts against.
import { describe, expect, it } from 'vitest';
import { incidentMethods, incidentTextLimits, statusUpdateChoices, statusUpdateFieldsSchema } from '../../../electron/contract';

describe('the statuses a status update may announce', () => {
  it('start where the incident stands and go only forward, as far as the lifecycle allows next', () => {
    expect(statusUpdateChoices('detected')).toEqual(['acknowledged', 'investigating']);
    expect(statusUpdateChoices('acknowledged')).toEqual(['acknowledged', 'investigating', 'mitigating']);
    expect(statusUpdateChoices('investigating')).toEqual(['investigating', 'mitigating', 'monitoring', 'resolved']);
    expect(statusUpdateChoices('mitigating')).toEqual(['mitigating', 'monitoring', 'resolved']);
    expect(statusUpdateChoices('monitoring')).toEqual(['monitoring', 'resolved']);
    expect(statusUpdateChoices('resolved')).toEqual(['resolved']);
    expect(statusUpdateChoices('closed')).toEqual(['resolved']);
  });
});

describe('the next-update ETA of a status update', () => {
  const fields = { impact: 'checkout', hypothesis: '', actionsCompleted: [], evidenceRefs: [] };

  it('may be left out only when the update resolves the incident', () => {
    expect(statusUpdateFieldsSchema.safeParse({ ...fields, status: 'resolved', nextUpdateAt: null }).success).toBe(true);
    const refused = statusUpdateFieldsSchema.safeParse({ ...fields, status: 'monitoring', nextUpdateAt: null });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['nextUpdateAt', 'is needed until the incident is resolved']]);
  });
});

describe('the text limits', () => {
  it('are the ones the methods enforce (after trimming)', () => {
    const note = (text: string) => incidentMethods['incidents.addNote'].params.safeParse({ incidentId: 'INC-1', text }).success;
    expect(note('x'.repeat(incidentTextLimits.note))).toBe(true);
    expect(note(` ${'x'.repeat(incidentTextLimits.note)}\n`)).toBe(true);
    expect(note('x'.repeat(incidentTextLimits.note + 1))).toBe(false);
    expect(incidentTextLimits.note).toBe(20_000);
  });
});
