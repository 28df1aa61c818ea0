// Contract methods of the incident log and evidence store.
import { z } from 'zod';
import {
  actionItemPriorities,
  actionItemSchema,
  evidenceSchema,
  evidenceSources,
  incidentRolesSchema,
  incidentSchema,
  incidentStatuses,
  incidentSummarySchema,
  incidentTextLimits,
  postmortemSchema,
  statusUpdateFieldsSchema,
  timelineEventSchema,
} from './incidents';

/** Attachments sent through the UI travel as base64 in one message; larger files go through the CLI. */
export const maxAttachmentBase64Chars = Math.ceil((64 * 1024 * 1024) / 3) * 4;

const incidentRef = z.object({ incidentId: z.string().min(1).max(64) }).strict();
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const incidentDetailSchema = z.object({
  incident: incidentSchema,
  actionItems: z.array(actionItemSchema),
  evidence: z.array(evidenceSchema),
  timelineCount: z.number().int(),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const searchHitSchema = z.object({ incidentId: z.string(), humanId: z.string(), title: z.string(), sourceKind: z.string(), sourceId: z.string(), snippet: z.string() });
export type SearchHit = z.infer<typeof searchHitSchema>;

export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  eventsChecked: z.number().int(),
  problems: z.array(z.object({ eventId: z.string(), seq: z.number().int(), problem: z.string() })),
});

export const exportFormats = ['postmortem', 'log', 'bundle'] as const;

export const incidentMethods = {
  'incidents.list': {
    params: z
      .object({
        status: z.enum(incidentStatuses).optional(),
        severity: z.string().max(40).optional(),
        query: z.string().max(500).optional(),
        sort: z.enum(['detected', 'updated', 'severity']).optional(),
      })
      .strict(),
    result: z.array(incidentSummarySchema),
  },
  'incidents.declare': {
    params: z
      .object({
        title: text(incidentTextLimits.title),
        severity: text(40),
        severityScheme: z.string().max(40).optional(),
        triggerId: z.string().trim().max(120).optional(),
        services: z.array(text(200)).max(100).optional(),
        tenants: z.array(text(200)).max(100).optional(),
        commander: z.string().trim().max(120).optional(),
        drill: z.boolean().optional(),
      })
      .strict(),
    result: incidentSchema,
  },
  'incidents.get': { params: incidentRef, result: incidentDetailSchema },
  'incidents.timeline': {
    params: incidentRef.extend({ afterSeq: z.number().int().nonnegative().optional(), limit: z.number().int().min(1).max(5000).optional() }).strict(),
    result: z.array(timelineEventSchema),
  },
  'incidents.addNote': { params: incidentRef.extend({ text: text(incidentTextLimits.note) }).strict(), result: timelineEventSchema },
  'incidents.addCorrection': { params: incidentRef.extend({ eventId: z.string().min(1), text: text(incidentTextLimits.note) }).strict(), result: timelineEventSchema },
  'incidents.setStatus': { params: incidentRef.extend({ status: z.enum(incidentStatuses) }).strict(), result: incidentSchema },
  'incidents.setSeverity': { params: incidentRef.extend({ severity: text(40) }).strict(), result: incidentSchema },
  'incidents.setRoles': { params: incidentRef.extend({ roles: incidentRolesSchema }).strict(), result: incidentSchema },
  'incidents.statusUpdateDraft': { params: incidentRef, result: z.object({ fields: statusUpdateFieldsSchema, text: z.string() }) },
  'incidents.postStatusUpdate': { params: incidentRef.extend({ fields: statusUpdateFieldsSchema }).strict(), result: timelineEventSchema },
  'incidents.addActionItem': {
    params: incidentRef.extend({ title: text(incidentTextLimits.actionItemTitle), owner: z.string().trim().max(120), due: z.iso.date().nullable(), priority: z.enum(actionItemPriorities) }).strict(),
    result: actionItemSchema,
  },
  'incidents.updateActionItem': {
    params: z
      .object({ actionItemId: z.string().min(1), title: text(incidentTextLimits.actionItemTitle).optional(), owner: z.string().trim().max(120).optional(), due: z.iso.date().nullable().optional(), priority: z.enum(actionItemPriorities).optional(), done: z.boolean().optional() })
      .strict(),
    result: actionItemSchema,
  },
  'incidents.savePostmortem': { params: incidentRef.extend({ postmortem: postmortemSchema }).strict(), result: incidentSchema },
  'incidents.verifyTimeline': { params: incidentRef, result: chainVerdictSchema },
  'incidents.search': { params: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(), result: z.array(searchHitSchema) },
  'evidence.add': {
    params: incidentRef
      .extend({
        name: text(255),
        /** The file's bytes, base64: attachments travel inside the contract so both shells work alike. */
        contentBase64: z.string().max(maxAttachmentBase64Chars, "is over the 64 MiB the console can send in one piece; use holdfast evidence add for larger files"),
        mediaType: z.string().max(120).optional(),
        source: z.enum(evidenceSources).optional(),
      })
      .strict(),
    result: evidenceSchema,
  },
  'incidents.export': {
    params: incidentRef.extend({ format: z.enum(exportFormats) }).strict(),
    result: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} as const;
