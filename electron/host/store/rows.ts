// Row ↔ model mapping for the incident tables. JSON columns hold lists and small records.
import type { ActionItem, Evidence, Incident, IncidentSummary, TimelineEvent } from '../../contract';

export interface IncidentRow {
  id: string;
  human_id: string;
  title: string;
  severity_scheme: string;
  severity: string;
  status: string;
  trigger_id: string;
  services: string;
  tenants: string;
  roles: string;
  runbooks: string;
  drill: number;
  detected_at: string;
  acknowledged_at: string | null;
  mitigated_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  created_by: string;
  device_id: string;
  updated_at: string;
  postmortem: string;
}

export function incidentFromRow(row: IncidentRow): Incident {
  return {
    id: row.id,
    humanId: row.human_id,
    title: row.title,
    severityScheme: row.severity_scheme,
    severity: row.severity,
    status: row.status as Incident['status'],
    triggerId: row.trigger_id,
    services: JSON.parse(row.services),
    tenants: JSON.parse(row.tenants),
    roles: JSON.parse(row.roles),
    runbooks: JSON.parse(row.runbooks),
    drill: row.drill === 1,
    detectedAt: row.detected_at,
    acknowledgedAt: row.acknowledged_at,
    mitigatedAt: row.mitigated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    createdBy: row.created_by,
    deviceId: row.device_id,
    updatedAt: row.updated_at,
    postmortem: JSON.parse(row.postmortem),
  };
}

export function incidentToRow(incident: Incident): IncidentRow {
  return {
    id: incident.id,
    human_id: incident.humanId,
    title: incident.title,
    severity_scheme: incident.severityScheme,
    severity: incident.severity,
    status: incident.status,
    trigger_id: incident.triggerId,
    services: JSON.stringify(incident.services),
    tenants: JSON.stringify(incident.tenants),
    roles: JSON.stringify(incident.roles),
    runbooks: JSON.stringify(incident.runbooks),
    drill: incident.drill ? 1 : 0,
    detected_at: incident.detectedAt,
    acknowledged_at: incident.acknowledgedAt,
    mitigated_at: incident.mitigatedAt,
    resolved_at: incident.resolvedAt,
    closed_at: incident.closedAt,
    created_by: incident.createdBy,
    device_id: incident.deviceId,
    updated_at: incident.updatedAt,
    postmortem: JSON.stringify(incident.postmortem),
  };
}

export function summaryFromRow(row: Pick<IncidentRow, 'id' | 'human_id' | 'title' | 'severity_scheme' | 'severity' | 'status' | 'drill' | 'detected_at' | 'updated_at' | 'trigger_id'>): IncidentSummary {
  return {
    id: row.id,
    humanId: row.human_id,
    title: row.title,
    severityScheme: row.severity_scheme,
    severity: row.severity,
    status: row.status as IncidentSummary['status'],
    drill: row.drill === 1,
    detectedAt: row.detected_at,
    updatedAt: row.updated_at,
    triggerId: row.trigger_id,
  };
}

export interface TimelineRow {
  seq: number;
  id: string;
  incident_id: string;
  kind: string;
  occurred_at: string;
  author: string;
  device_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export function timelineEventFromRow(row: TimelineRow): TimelineEvent {
  return {
    seq: row.seq,
    id: row.id,
    incidentId: row.incident_id,
    kind: row.kind as TimelineEvent['kind'],
    occurredAt: row.occurred_at,
    author: row.author,
    deviceId: row.device_id,
    data: JSON.parse(row.data),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface ActionItemRow {
  id: string;
  incident_id: string;
  title: string;
  owner: string;
  due: string | null;
  priority: string;
  done: number;
  updated_at: string;
}

export function actionItemFromRow(row: ActionItemRow): ActionItem {
  return { id: row.id, incidentId: row.incident_id, title: row.title, owner: row.owner, due: row.due, priority: row.priority as ActionItem['priority'], done: row.done === 1, updatedAt: row.updated_at };
}

export interface EvidenceRow {
  id: string;
  incident_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  source: string;
  captured_at: string;
  captured_by: string;
}

export function evidenceFromRow(row: EvidenceRow): Evidence {
  return { id: row.id, incidentId: row.incident_id, sha256: row.sha256, name: row.name, mediaType: row.media_type, size: row.size, source: row.source as Evidence['source'], capturedAt: row.captured_at, capturedBy: row.captured_by };
}
