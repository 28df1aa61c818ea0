// The incidents screen's state: the filtered list, the open incident (record, timeline, exports) and the
// host's pushed events that keep both live. Bursts of events are coalesced: a thousand notes a second must
// not become a thousand list reloads.
import { errorMessage } from '../../../../electron/contract';
import { create } from 'zustand';
import type { exportFormats, Incident, IncidentDetail, IncidentStatus, IncidentSummary, PayloadOf, TimelineEvent } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { mergeEvents } from './timelineMerge';

export type SortKey = 'detected' | 'updated' | 'severity';
export type ExportFormat = (typeof exportFormats)[number];

export interface ListFilters {
  status: IncidentStatus | '';
  severity: string;
  query: string;
  sort: SortKey;
}

export interface ExportState {
  state: 'running' | 'done' | 'failed';
  progress?: PayloadOf<'export.progress'>;
  path?: string;
  bytes?: number;
  error?: string;
}

export interface IncidentsState {
  filters: ListFilters;
  incidents: IncidentSummary[];
  /** Where the search matched, per incident id (only while a query is set). */
  snippets: Record<string, string>;
  listLoaded: boolean;
  listError?: string;

  openId?: string;
  detail?: IncidentDetail;
  detailError?: string;
  timeline: TimelineEvent[];
  timelineDone: boolean;
  timelineError?: string;
  exports: Partial<Record<ExportFormat, ExportState>>;

  setFilters(patch: Partial<ListFilters>): void;
  open(incidentId: string): void;
  close(): void;
  /** Shows a record the host just returned, before the pushed refresh arrives. */
  applyIncident(incident: Incident): void;
  applyEvents(events: TimelineEvent[]): void;
  runExport(format: ExportFormat): Promise<void>;
}

const timelinePageSize = 2000;

export const useIncidents = create<IncidentsState>((set, get) => ({
  filters: { status: '', severity: '', query: '', sort: 'detected' },
  incidents: [],
  snippets: {},
  listLoaded: false,
  timeline: [],
  timelineDone: false,
  exports: {},

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    refreshList();
  },
  open(incidentId) {
    if (get().openId === incidentId) return;
    set({ openId: incidentId, detail: undefined, detailError: undefined, timeline: [], timelineDone: false, timelineError: undefined, exports: {} });
    pageCursor = 0;
    generation++;
    refreshDetail();
    void loadTimeline();
  },
  close() {
    generation++;
    set({ openId: undefined, detail: undefined, timeline: [], timelineDone: false, exports: {} });
    refreshList();
  },
  applyIncident(incident) {
    const detail = get().detail;
    if (detail && detail.incident.id === incident.id) set({ detail: { ...detail, incident } });
  },
  applyEvents(events) {
    const openId = get().openId;
    const merged = mergeEvents(
      get().timeline,
      events.filter((event) => event.incidentId === openId),
    );
    if (merged) set({ timeline: merged });
  },
  async runExport(format) {
    const incidentId = get().openId;
    if (!incidentId) return;
    setExport(incidentId, format, { state: 'running' });
    try {
      const { path, bytes } = await hostClient.call('incidents.export', { incidentId, format });
      setExport(incidentId, format, { state: 'done', path, bytes });
    } catch (error) {
      setExport(incidentId, format, { state: 'failed', error: errorMessage(error) });
    }
  },
}));

function setExport(incidentId: string, format: ExportFormat, patch: Partial<ExportState>): void {
  const state = useIncidents.getState();
  if (state.openId !== incidentId) return;
  const previous = patch.state === 'running' ? undefined : state.exports[format];
  useIncidents.setState({ exports: { ...state.exports, [format]: { ...previous, ...patch } as ExportState } });
}

/** Runs `work` now, or once more after the running one when asked again meanwhile (never two at once). */
function coalesced(work: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

export const refreshList = coalesced(async () => {
  const { status, severity, query, sort } = useIncidents.getState().filters;
  const trimmed = query.trim();
  try {
    const [incidents, hits] = await Promise.all([
      hostClient.call('incidents.list', { sort, ...(status && { status }), ...(severity && { severity }), ...(trimmed && { query: trimmed }) }),
      trimmed ? hostClient.call('incidents.search', { query: trimmed, limit: 200 }) : Promise.resolve([]),
    ]);
    const snippets: Record<string, string> = {};
    for (const hit of hits) snippets[hit.incidentId] ??= hit.snippet;
    useIncidents.setState({ incidents, snippets, listLoaded: true, listError: undefined });
  } catch (error) {
    useIncidents.setState({ listLoaded: true, listError: errorMessage(error) });
  }
});

export const refreshDetail = coalesced(async () => {
  const incidentId = useIncidents.getState().openId;
  if (!incidentId) return;
  try {
    const detail = await hostClient.call('incidents.get', { incidentId });
    if (useIncidents.getState().openId === incidentId) useIncidents.setState({ detail, detailError: undefined });
  } catch (error) {
    if (useIncidents.getState().openId === incidentId) useIncidents.setState({ detailError: errorMessage(error) });
  }
});

/**
 * Where the next page starts. While the first load runs, live events may already sit beyond it, so the
 * cursor follows the pages, not the list; once complete, the list is whole up to its last event.
 */
let pageCursor = 0;
/** Bumped each time an incident is opened: a load started for an earlier opening stops at its next page. */
let generation = 0;
let loadingGeneration = -1;

async function loadTimeline(): Promise<void> {
  const incidentId = useIncidents.getState().openId;
  const mine = generation;
  if (!incidentId || loadingGeneration === mine) return;
  loadingGeneration = mine;
  try {
    for (;;) {
      const page = await hostClient.call('incidents.timeline', { incidentId, afterSeq: pageCursor, limit: timelinePageSize });
      if (generation !== mine) return;
      useIncidents.getState().applyEvents(page);
      if (page.length) pageCursor = page[page.length - 1]!.seq;
      if (page.length < timelinePageSize) break;
    }
    const timeline = useIncidents.getState().timeline;
    pageCursor = Math.max(pageCursor, timeline[timeline.length - 1]?.seq ?? 0);
    useIncidents.setState({ timelineDone: true, timelineError: undefined });
  } catch (error) {
    if (generation === mine) useIncidents.setState({ timelineError: errorMessage(error) });
  } finally {
    if (loadingGeneration === mine) loadingGeneration = -1;
  }
}

/** Follows the host while the screen is shown; catches up on what was missed when it comes back. */
export function connectIncidentsStore(): () => void {
  let buffered: TimelineEvent[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    const events = buffered;
    buffered = [];
    useIncidents.getState().applyEvents(events);
    const state = useIncidents.getState();
    if (state.timelineDone) pageCursor = Math.max(pageCursor, state.timeline[state.timeline.length - 1]?.seq ?? 0);
  };
  const catchUp = () => {
    refreshList();
    if (useIncidents.getState().openId) {
      refreshDetail();
      void loadTimeline();
    }
  };
  const stops = [
    hostClient.on('incident.changed', ({ incidentId }) => {
      const openId = useIncidents.getState().openId;
      // The list is not shown while an incident is open; closing it reloads the list.
      if (!openId) refreshList();
      else if (incidentId === openId) refreshDetail();
    }),
    hostClient.on('timeline.appended', (event) => {
      if (event.incidentId !== useIncidents.getState().openId) return;
      buffered.push(event);
      if (!flushScheduled) {
        flushScheduled = true;
        setTimeout(flush, 16);
      }
    }),
    hostClient.on('export.progress', (progress) => {
      const state = useIncidents.getState();
      const format = progress.format as ExportFormat;
      if (progress.incidentId !== state.openId || state.exports[format]?.state !== 'running') return;
      setExport(progress.incidentId, format, { progress });
    }),
    hostClient.onLinkChange((link) => {
      if (link === 'connected') catchUp();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
