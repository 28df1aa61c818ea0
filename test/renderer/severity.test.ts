// How the console shows severities from several playbooks side by side: a level named without its scheme
// (a runbook's) is still found, a trigger's default reads in the workspace's scheme with where it came
// from, and the severity filter offers the workspace's levels first and each other scheme under its name.
import { describe, expect, it } from 'vitest';
import { correspondenceOf, levelChoiceText, levelOf, severityFilterChoices, tierOf } from '../../renderer/src/screens/incidents/severity';

describe('a level', () => {
  it('is found in the incident scheme, or by its id alone when the scheme is not known', () => {
    expect(levelOf('sev0-3', 'sev2')?.label).toBe('SEV2 Medium');
    expect(levelOf('sev0-3', 'P1')).toBeUndefined();
    expect(levelOf(undefined, 'Severity 1')?.label).toBe('Severity 1 (Critical)');
  });

  it('has the tier that colours its badge: four levels, four tiers', () => {
    expect(['SEV0', 'SEV1', 'SEV2', 'SEV3'].map((id) => tierOf('sev0-3', id))).toEqual(['critical', 'high', 'medium', 'low']);
    expect(['SEV-1', 'SEV-2'].map((id) => tierOf(undefined, id))).toEqual(['critical', 'high']);
  });
});

describe("a playbook's level in the workspace's scheme", () => {
  it('is the same level when the schemes agree', () => {
    expect(correspondenceOf('SEV-1', 'sev-1-2')).toMatchObject({ kind: 'same', level: { id: 'SEV-1' } });
  });

  it("is the level of the same tier otherwise, keeping the playbook's own level to show", () => {
    expect(correspondenceOf('SEV-1', 'sev0-3')).toMatchObject({ kind: 'mapped', level: { id: 'SEV0' }, from: { id: 'SEV-1' }, fromScheme: { id: 'sev-1-2' } });
  });

  it('is none when the scheme has no such tier, naming what the playbook said', () => {
    expect(correspondenceOf('SEV2', 'sev-1-2')).toMatchObject({ kind: 'none', from: { id: 'SEV2', tier: 'medium' } });
    expect(correspondenceOf('whatever', 'sev0-3')).toEqual({ kind: 'none' });
  });
});

describe('the severity filter', () => {
  it("offers the workspace scheme's levels by themselves, then each other scheme once, under its own name", () => {
    const choices = severityFilterChoices('p1-p4');
    expect(choices.workspace.levels.map((level) => level.id)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(choices.others.map(({ scheme }) => scheme.id)).toEqual(['sev0-3', 'sev-1-2', 'severity-1-4']);
    expect(choices.others.flatMap(({ levels }) => levels).some((level) => level.id === 'P1')).toBe(false);
  });

  it('words every level the same way, whatever its scheme', () => {
    expect(levelChoiceText(levelOf('sev0-3', 'SEV0')!)).toBe('SEV0 · critical');
    expect(levelChoiceText(levelOf(undefined, 'P1')!)).toBe('P1 · critical');
    expect(levelChoiceText(levelOf(undefined, 'Severity 4')!)).toBe('Severity 4 · low');
  });
});
