// The data a guided-run panel shows: the incident (for its trigger), its runs, and the runbooks that can be
// started (those for the incident's trigger first). Follows the host's pushed events, so a step marked on
// another console or by the CLI shows up here.
import { errorMessage } from '../../../../electron/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Incident, RunbookRun, RunbookSummary } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { useConsole } from '../../state/consoleStore';

export interface GuidedRunsData {
  incident?: Incident;
  runs: RunbookRun[];
  loaded: boolean;
  error?: string;
  /** Runbooks linked to the incident's trigger. */
  matching: RunbookSummary[];
  /** Every runbook in the library. */
  library: RunbookSummary[];
  libraryError?: string;
  /** Replaces one run with what the host answered (after runs.start or runs.setItem). */
  applyRun(run: RunbookRun): void;
  refresh(): void;
}

export function useGuidedRuns(incidentId: string): GuidedRunsData {
  const [incident, setIncident] = useState<Incident>();
  const [runs, setRuns] = useState<RunbookRun[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string>();
  const [matching, setMatching] = useState<RunbookSummary[]>([]);
  const [library, setLibrary] = useState<RunbookSummary[]>([]);
  const [libraryError, setLibraryError] = useState<string>();
  const hostLink = useConsole((state) => state.hostLink);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const knownIds = useRef(new Set([incidentId]));

  const loadRuns = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [detail, list] = await Promise.all([hostClient.call('incidents.get', { incidentId }), hostClient.call('runs.list', { incidentId })]);
      if (mine !== seq.current) return;
      knownIds.current = new Set([incidentId, detail.incident.id, detail.incident.humanId]);
      setIncident(detail.incident);
      setRuns(list);
      setError(undefined);
    } catch (failure) {
      if (mine === seq.current) setError(errorMessage(failure));
    } finally {
      if (mine === seq.current) setLoaded(true);
    }
  }, [incidentId]);

  const triggerId = incident?.triggerId.trim() ?? '';
  const loadLibrary = useCallback(async () => {
    try {
      const [all, forTrigger] = await Promise.all([hostClient.call('runbooks.list', {}), triggerId ? hostClient.call('runbooks.forTrigger', { triggerId }) : Promise.resolve([])]);
      setLibrary(all.runbooks);
      setMatching(forTrigger);
      setLibraryError(undefined);
    } catch (failure) {
      setLibraryError(errorMessage(failure));
    }
  }, [triggerId]);

  const refresh = useCallback(() => {
    window.clearTimeout(timer.current);
    // A burst of events (several steps marked at once, a sync) becomes one reload.
    timer.current = window.setTimeout(() => void loadRuns(), 120);
  }, [loadRuns]);

  useEffect(() => {
    setLoaded(false);
    setRuns([]);
    setIncident(undefined);
    knownIds.current = new Set([incidentId]);
    void loadRuns();
    const stops = [
      hostClient.on('timeline.appended', (event) => {
        if (knownIds.current.has(event.incidentId)) refresh();
      }),
      hostClient.on('incident.changed', (change) => {
        if (knownIds.current.has(change.incidentId) || knownIds.current.has(change.humanId)) refresh();
      }),
    ];
    return () => {
      stops.forEach((stop) => stop());
      window.clearTimeout(timer.current);
    };
  }, [incidentId, loadRuns, refresh]);

  useEffect(() => {
    void loadLibrary();
    return hostClient.on('runbooks.changed', () => void loadLibrary());
  }, [loadLibrary]);

  // After a reconnect the host may have restarted: read everything again.
  const previousLink = useRef(hostLink);
  useEffect(() => {
    if (hostLink === 'connected' && previousLink.current !== 'connected') {
      void loadRuns();
      void loadLibrary();
    }
    previousLink.current = hostLink;
  }, [hostLink, loadRuns, loadLibrary]);

  const applyRun = useCallback((run: RunbookRun) => {
    setRuns((current) => (current.some((candidate) => candidate.id === run.id) ? current.map((candidate) => (candidate.id === run.id ? run : candidate)) : [...current, run]));
  }, []);

  return { incident, runs, loaded, error, matching, library, libraryError, applyRun, refresh };
}
