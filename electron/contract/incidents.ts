// The incident log's vocabulary, from the team's playbooks (shared/seeds 000–003): severity schemes with
// their response times, the status lifecycle, timeline event kinds, status updates, action items and
// post-mortem fields. Pure data and schemas: the host enforces the rules, the UI shows them.
import { z } from 'zod';

export const incidentStatuses = ['detected', 'acknowledged', 'investigating', 'mitigating', 'monitoring', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Which moves the lifecycle allows from each status (forward, plus re-opening work that regressed). */
export const allowedTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  detected: ['acknowledged', 'investigating'],
  acknowledged: ['investigating', 'mitigating'],
  investigating: ['mitigating', 'monitoring', 'resolved'],
  mitigating: ['investigating', 'monitoring', 'resolved'],
  monitoring: ['mitigating', 'investigating', 'resolved'],
  resolved: ['investigating', 'closed'],
  closed: [],
};

/** Where a status sits in the lifecycle: later statuses are further along (closed is the end). */
export function lifecycleOrder(status: IncidentStatus): number {
  return incidentStatuses.indexOf(status);
}

/**
 * The statuses a status update can announce (seed 000's template, plus "acknowledged" for the first word
 * out before anyone is investigating). An update never claims "detected" (someone is writing it) nor
 * "closed" (the public word for a closed incident is "resolved").
 */
export const statusUpdateStatuses = ['acknowledged', 'investigating', 'mitigating', 'monitoring', 'resolved'] as const;
export type StatusUpdateStatus = (typeof statusUpdateStatuses)[number];

/** What an update says while the incident is in `status`: its own status, "acknowledged" once someone writes, "resolved" once closed. */
export function updateStatusFor(status: IncidentStatus): StatusUpdateStatus {
  if (status === 'detected') return 'acknowledged';
  if (status === 'closed') return 'resolved';
  return status;
}

/**
 * The statuses an update about an incident in `status` may announce: where it stands, or a later status
 * the lifecycle allows next (posting it moves the incident there). Never an earlier one: moving back is a
 * deliberate status change of its own, not a side effect of an update.
 */
export function statusUpdateChoices(status: IncidentStatus): StatusUpdateStatus[] {
  const forward = allowedTransitions[status].filter((next) => lifecycleOrder(next) > lifecycleOrder(status));
  const choices = new Set<StatusUpdateStatus>([updateStatusFor(status)]);
  for (const next of forward) if ((statusUpdateStatuses as readonly string[]).includes(next)) choices.add(next as StatusUpdateStatus);
  return [...choices].sort((a, b) => lifecycleOrder(a) - lifecycleOrder(b));
}

/** Longest texts the incident log takes, in characters; the console counts against the same numbers. */
export const incidentTextLimits = {
  title: 300,
  note: 20_000,
  postmortemField: 20_000,
  fiveWhy: 2_000,
  updateImpact: 2_000,
  updateHypothesis: 2_000,
  updateListItem: 500,
  actionItemTitle: 500,
} as const;

/**
 * The one scale every playbook's scheme maps onto, most severe first: the playbooks name their levels
 * Critical, High, Medium and Low (seed 000's two release-gate levels are its critical and high ones). It
 * lets a level of one scheme be shown as the level of another, and gives each tier its own colour.
 */
export const severityTiers = ['critical', 'high', 'medium', 'low'] as const;
export type SeverityTier = (typeof severityTiers)[number];

export interface SeverityLevel {
  id: string;
  label: string;
  definition: string;
  tier: SeverityTier;
  /** Minutes within which the response must start; undefined where the playbook sets none. */
  responseMinutes?: number;
  /** How the playbook words it ("Immediate (< 15 minutes)", "Next business day"). */
  responseText: string;
}

export interface SeverityScheme {
  id: string;
  name: string;
  source: string;
  levels: SeverityLevel[];
}

export const severitySchemes: SeverityScheme[] = [
  {
    id: 'sev0-3',
    name: 'SEV0–SEV3 (funds, blocking, UX, cosmetic)',
    source: 'Incident Runbook, pilot (seed 002)',
    levels: [
      { id: 'SEV0', label: 'SEV0 Critical', definition: 'Funds incorrect or double release, ledger inconsistency, data integrity issues', tier: 'critical', responseMinutes: 15, responseText: 'Immediate (< 15 minutes)' },
      { id: 'SEV1', label: 'SEV1 High', definition: 'Blocking operations: disputes stuck, timers not visible, admin cannot resolve, state transitions blocked', tier: 'high', responseMinutes: 60, responseText: '< 1 hour' },
      { id: 'SEV2', label: 'SEV2 Medium', definition: 'Non-blocking UX bugs, translation issues, slow pages, minor display errors', tier: 'medium', responseMinutes: 240, responseText: '< 4 hours (business hours)' },
      { id: 'SEV3', label: 'SEV3 Low', definition: 'Minor UI cosmetics, typos, styling issues', tier: 'low', responseText: 'Next business day' },
    ],
  },
  {
    id: 'sev-1-2',
    name: 'SEV-1/SEV-2 (release gates)',
    source: 'WP07 Incident Readiness Runbook (seed 000)',
    levels: [
      { id: 'SEV-1', label: 'SEV-1', definition: 'Mass deny from flag outage (fail-closed); gate-critical failure', tier: 'critical', responseMinutes: 5, responseText: 'Acknowledge and assign an incident commander within 5 minutes' },
      { id: 'SEV-2', label: 'SEV-2', definition: 'Deny-reason spike or tracking/payment failure pattern', tier: 'high', responseMinutes: 5, responseText: 'Acknowledge and assign an incident commander within 5 minutes' },
    ],
  },
  {
    id: 'p1-p4',
    name: 'P1–P4',
    source: 'Story 4.10 Incident Response & Runbooks (seed 001)',
    levels: [
      { id: 'P1', label: 'P1', definition: 'Critical: e.g. database outage, payment processing failure', tier: 'critical', responseText: 'Page on-call; secondary escalation after 15 minutes' },
      { id: 'P2', label: 'P2', definition: 'High: e.g. error rate above 5%', tier: 'high', responseText: 'Page on-call; secondary escalation after 15 minutes' },
      { id: 'P3', label: 'P3', definition: 'Medium', tier: 'medium', responseText: 'Not set by the playbook' },
      { id: 'P4', label: 'P4', definition: 'Low', tier: 'low', responseText: 'Not set by the playbook' },
    ],
  },
  {
    id: 'severity-1-4',
    name: 'Severity 1–4',
    source: 'Web3 Marketplace Incident Response Playbook (seed 003)',
    levels: [
      { id: 'Severity 1', label: 'Severity 1 (Critical)', definition: 'Complete service outage or security breach', tier: 'critical', responseMinutes: 5, responseText: 'Immediate (< 5 minutes); escalates to on-call engineer and management' },
      { id: 'Severity 2', label: 'Severity 2 (High)', definition: 'Major functionality impacted, significant user impact (error rates > 10%, responses > 5 s)', tier: 'high', responseMinutes: 15, responseText: '15 minutes; on-call engineer, notify team lead' },
      { id: 'Severity 3', label: 'Severity 3 (Medium)', definition: 'Partial functionality impacted, moderate user impact (error rates 5–10%)', tier: 'medium', responseMinutes: 60, responseText: '1 hour; on-call engineer' },
      { id: 'Severity 4', label: 'Severity 4 (Low)', definition: 'Minor issues, minimal user impact', tier: 'low', responseText: 'Next business day; standard ticket queue' },
    ],
  },
];

export const defaultSeveritySchemeId = 'sev0-3';

export function findSeverityScheme(id: string): SeverityScheme | undefined {
  return severitySchemes.find((scheme) => scheme.id === id);
}

/**
 * The scheme and level a level id belongs to, whatever the scheme (runbooks and the trigger matrix name a
 * level, not a scheme). Level ids are unique across the schemes; case is ignored.
 */
export function findSeverityLevel(levelId: string): { scheme: SeverityScheme; level: SeverityLevel } | undefined {
  const wanted = levelId.trim().toLowerCase();
  for (const scheme of severitySchemes) {
    const level = scheme.levels.find((candidate) => candidate.id.toLowerCase() === wanted);
    if (level) return { scheme, level };
  }
  return undefined;
}

/**
 * The level of `schemeId` that stands for `levelId` (of any scheme): the level itself when it is in that
 * scheme, else the level of the same tier; undefined when the scheme has no level of that tier (SEV2,
 * medium, in the two-level release-gate scheme) or the level is unknown.
 */
export function correspondingSeverityLevel(levelId: string, schemeId: string): SeverityLevel | undefined {
  const found = findSeverityLevel(levelId);
  const scheme = findSeverityScheme(schemeId);
  if (!found || !scheme) return undefined;
  if (found.scheme.id === scheme.id) return found.level;
  return scheme.levels.find((level) => level.tier === found.level.tier);
}

/** Status-update checkpoints and their maximum delay in minutes (seed 000, "Communication and Status Update Minimum"). */
export const statusUpdateCheckpoints = [
  { id: 'declared', label: 'Incident declared', maxDelayMinutes: 10, required: 'Incident ID, trigger, impact scope, commander' },
  { id: 'triage', label: 'Triage complete', maxDelayMinutes: 30, required: 'Root-cause hypothesis, affected services, immediate mitigation' },
  { id: 'mitigation', label: 'Mitigation in progress', maxDelayMinutes: 30, required: 'Current status, remaining risk, next ETA (every 30 minutes)' },
  { id: 'recovery', label: 'Recovery validated', maxDelayMinutes: 15, required: 'Validation evidence refs, gate status, follow-up actions' },
  { id: 'closed', label: 'Incident closed', maxDelayMinutes: 60, required: 'Final summary, timeline UTC, prevention actions' },
] as const;

/** Trigger matrix and alert rules of seed 000: alert/trigger IDs a page can carry, with default severity. */
export const knownTriggers = [
  { id: 'INC-FLAG-OUTAGE', alertId: 'ALERT-GATE-FLAG-DENY-SPIKE', defaultSeverity: 'SEV-1', summary: 'Mass deny caused by marketplace_disabled or flag_unavailable' },
  { id: 'INC-DENY-SPIKE', alertId: 'ALERT-GATE-DENY-REASON-SPIKE', defaultSeverity: 'SEV-2', summary: 'Rapid increase in one deny reason' },
  { id: 'INC-TRACKING-PAYMENT-PATTERN', alertId: 'ALERT-TRACKING-PAYMENT-FAILURE', defaultSeverity: 'SEV-2', summary: 'Tracking/payment failures crossing the error threshold' },
] as const;

const utcTimestamp = z.iso.datetime({ offset: false });
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const incidentRolesSchema = z.object({
  commander: z.string().max(120),
  communicationsLead: z.string().max(120),
  responders: z.array(shortText(120)).max(50),
});
export type IncidentRoles = z.infer<typeof incidentRolesSchema>;

const postmortemText = z.string().max(incidentTextLimits.postmortemField);
export const postmortemSchema = z.object({
  summary: postmortemText,
  impact: postmortemText,
  rootCause: postmortemText,
  fiveWhys: z.array(z.string().max(incidentTextLimits.fiveWhy)).max(5),
  wentWell: postmortemText,
  toImprove: postmortemText,
  lessons: postmortemText,
});
export type Postmortem = z.infer<typeof postmortemSchema>;

export const emptyPostmortem: Postmortem = { summary: '', impact: '', rootCause: '', fiveWhys: ['', '', '', '', ''], wentWell: '', toImprove: '', lessons: '' };

export const incidentSchema = z.object({
  id: z.string(),
  humanId: z.string(),
  title: z.string(),
  severityScheme: z.string(),
  severity: z.string(),
  status: z.enum(incidentStatuses),
  triggerId: z.string(),
  services: z.array(z.string()),
  tenants: z.array(z.string()),
  roles: incidentRolesSchema,
  runbooks: z.array(z.string()),
  drill: z.boolean(),
  detectedAt: utcTimestamp,
  acknowledgedAt: utcTimestamp.nullable(),
  mitigatedAt: utcTimestamp.nullable(),
  resolvedAt: utcTimestamp.nullable(),
  closedAt: utcTimestamp.nullable(),
  createdBy: z.string(),
  deviceId: z.string(),
  updatedAt: utcTimestamp,
  postmortem: postmortemSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentSummarySchema = incidentSchema.pick({ id: true, humanId: true, title: true, severityScheme: true, severity: true, status: true, drill: true, detectedAt: true, updatedAt: true, triggerId: true });
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const timelineKinds = [
  'declared',
  'note',
  'status_changed',
  'severity_changed',
  'roles_changed',
  'page_received',
  'runbook_started',
  'runbook_variables',
  'runbook_step',
  'command_run',
  'evidence_added',
  'status_update',
  'action_item',
  'postmortem_updated',
  'correction',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineEventSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  kind: z.enum(timelineKinds),
  occurredAt: utcTimestamp,
  author: z.string(),
  deviceId: z.string(),
  /** Kind-specific details (e.g. {text} for a note, {from, to} for a status change). */
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const statusUpdateFieldsSchema = z
  .object({
    status: z.enum(statusUpdateStatuses),
    impact: shortText(incidentTextLimits.updateImpact),
    hypothesis: z.string().trim().max(incidentTextLimits.updateHypothesis),
    actionsCompleted: z.array(shortText(incidentTextLimits.updateListItem)).max(50),
    /** When the next update will come; null only in a resolution update, after which none is due. */
    nextUpdateAt: utcTimestamp.nullable(),
    evidenceRefs: z.array(shortText(incidentTextLimits.updateListItem)).max(50),
  })
  .refine((fields) => fields.nextUpdateAt !== null || fields.status === 'resolved', { path: ['nextUpdateAt'], message: 'is needed until the incident is resolved' });
export type StatusUpdateFields = z.infer<typeof statusUpdateFieldsSchema>;

export const actionItemPriorities = ['P1', 'P2', 'P3'] as const;
export const actionItemSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  title: z.string(),
  owner: z.string(),
  due: z.iso.date().nullable(),
  priority: z.enum(actionItemPriorities),
  done: z.boolean(),
  updatedAt: utcTimestamp,
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const evidenceSources = ['command', 'file', 'note', 'screenshot'] as const;
export const evidenceSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  sha256: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  source: z.enum(evidenceSources),
  capturedAt: utcTimestamp,
  capturedBy: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;


