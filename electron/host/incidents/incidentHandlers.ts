// Contract handlers of the incident log and evidence store: thin, because the services hold the rules.
import { HoldfastError, methodNames } from '../../contract';
import type { MethodHandlers } from '../dispatcher';
import type { EventHub } from '../eventHub';
import { defaultExportPath, exportIncident } from '../exports/exportIncident';
import type { IncidentLog } from '../incidentLog';

type IncidentMethodName = Extract<keyof MethodHandlers, `incidents.${string}` | `evidence.${string}`>;


type StoreMethodName = IncidentMethodName | Extract<keyof MethodHandlers, `runs.${string}`>;

/** Stands in for every handler that needs the database when it cannot be opened: each call says why. */
export function refuseStoreMethods(reason: string): Pick<MethodHandlers, StoreMethodName> {
  const refuse = () => {
    throw new HoldfastError('unavailable', `The incident log is unavailable: ${reason}`);
  };
  const needsStore = (name: string) => ['incidents.', 'evidence.', 'runs.'].some((prefix) => name.startsWith(prefix));
  return Object.fromEntries(methodNames.filter(needsStore).map((name) => [name, refuse])) as unknown as Pick<MethodHandlers, StoreMethodName>;
}

export function incidentHandlers(log: IncidentLog, events: EventHub): Pick<MethodHandlers, IncidentMethodName> {
  const { incidents, evidence } = log;
  return {
    'incidents.list': (params) => incidents.list(params),
    'incidents.declare': (params) => incidents.declare(params),
    'incidents.get': ({ incidentId }) => incidents.detail(incidentId),
    'incidents.timeline': ({ incidentId, afterSeq, limit }) => incidents.timeline(incidentId, afterSeq, limit),
    'incidents.addNote': ({ incidentId, text }) => incidents.addNote(incidentId, text),
    'incidents.addCorrection': ({ incidentId, eventId, text }) => incidents.addCorrection(incidentId, eventId, text),
    'incidents.setStatus': ({ incidentId, status }) => incidents.setStatus(incidentId, status),
    'incidents.setSeverity': ({ incidentId, severity }) => incidents.setSeverity(incidentId, severity),
    'incidents.setRoles': ({ incidentId, roles }) => incidents.setRoles(incidentId, roles),
    'incidents.statusUpdateDraft': ({ incidentId }) => incidents.statusUpdateDraft(incidentId),
    'incidents.postStatusUpdate': ({ incidentId, fields }) => incidents.postStatusUpdate(incidentId, fields),
    'incidents.addActionItem': ({ incidentId, ...item }) => incidents.addActionItem(incidentId, item),
    'incidents.updateActionItem': (params) => incidents.updateActionItem(params),
    'incidents.savePostmortem': ({ incidentId, postmortem }) => incidents.savePostmortem(incidentId, postmortem),
    'incidents.verifyTimeline': ({ incidentId }) => incidents.verifyTimeline(incidentId),
    'incidents.search': ({ query, limit }) => incidents.store.search(query, limit),
    'incidents.export': ({ incidentId, format }) => {
      const incident = incidents.require(incidentId);
      return exportIncident(log, {
        incidentId: incident.id,
        format,
        outPath: defaultExportPath(log.dataDir, incident.humanId, format),
        exportedBy: log.author(),
        onProgress: (progress) => events.emit('export.progress', { incidentId: incident.id, format, ...progress }),
      });
    },
    'evidence.add': ({ incidentId, name, contentBase64, mediaType, source }) =>
      evidence.add(incidentId, { kind: 'bytes', bytes: Buffer.from(contentBase64, 'base64'), name, mediaType, source }),
  };
}
