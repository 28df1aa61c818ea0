// The playbooks' four severity schemes on one scale: every level has a tier, the tiers run from critical
// down within each scheme, a level id names one level of one scheme, and a level of one scheme reads as
// the level of the same tier in another (how a trigger's SEV-1 is suggested in a SEV0–SEV3 workspace).
import { describe, expect, it } from 'vitest';
import { correspondingSeverityLevel, findSeverityLevel, knownTriggers, severitySchemes, severityTiers } from '../../../electron/contract';

describe('the severity schemes', () => {
  it('give each level of a scheme its own tier, most severe first', () => {
    for (const scheme of severitySchemes) {
      const ranks = scheme.levels.map((level) => severityTiers.indexOf(level.tier));
      expect(ranks.every((rank) => rank >= 0), scheme.id).toBe(true);
      expect(ranks, scheme.id).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(ranks).size, scheme.id).toBe(ranks.length);
      expect(scheme.levels[0]!.tier, scheme.id).toBe('critical');
    }
  });

  it('never use one level id in two schemes, so a runbook naming only a level names its scheme too', () => {
    const ids = severitySchemes.flatMap((scheme) => scheme.levels.map((level) => level.id.toLowerCase()));
    expect(new Set(ids).size).toBe(ids.length);
    expect(findSeverityLevel('Severity 1')).toMatchObject({ scheme: { id: 'severity-1-4' }, level: { id: 'Severity 1', tier: 'critical' } });
    expect(findSeverityLevel(' sev-2 ')).toMatchObject({ scheme: { id: 'sev-1-2' }, level: { id: 'SEV-2' } });
    expect(findSeverityLevel('SEV9')).toBeUndefined();
  });
});

describe('a level read in another scheme', () => {
  it('is itself within its own scheme', () => {
    expect(correspondingSeverityLevel('SEV1', 'sev0-3')?.id).toBe('SEV1');
  });

  it('is the level of the same tier in another', () => {
    expect(correspondingSeverityLevel('SEV-1', 'sev0-3')?.id).toBe('SEV0');
    expect(correspondingSeverityLevel('SEV-2', 'sev0-3')?.id).toBe('SEV1');
    expect(correspondingSeverityLevel('P3', 'severity-1-4')?.id).toBe('Severity 3');
    expect(correspondingSeverityLevel('Severity 4', 'p1-p4')?.id).toBe('P4');
    expect(correspondingSeverityLevel('SEV0', 'sev-1-2')?.id).toBe('SEV-1');
  });

  it('has none where the scheme has no level of that tier, or the level or scheme is unknown', () => {
    expect(correspondingSeverityLevel('SEV2', 'sev-1-2')).toBeUndefined();
    expect(correspondingSeverityLevel('SEV9', 'sev0-3')).toBeUndefined();
    expect(correspondingSeverityLevel('SEV1', 'no-such-scheme')).toBeUndefined();
  });

  it('gives every trigger of the matrix a suggestion in every scheme', () => {
    for (const scheme of severitySchemes) {
      for (const trigger of knownTriggers) expect(correspondingSeverityLevel(trigger.defaultSeverity, scheme.id), `${trigger.id} in ${scheme.id}`).toBeDefined();
    }
  });
});
