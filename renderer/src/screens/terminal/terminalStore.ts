// The console's terminals as the host reports them (terminals.list, then 'terminal.changed' and
// 'terminal.closed'), which one is shown in each scope (an incident, or the scratch terminals), and requests
// to bring a terminal into view (a runbook step handed to it). The screens of xterm live in xtermSessions.ts.
import { errorMessage } from '../../../../electron/contract';
import { create } from 'zustand';
import type { TerminalInfo } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';

/** Terminals belong to an incident (its id) or to no incident: the scratch scope. */
export const scratchScope = 'scratch';

export const scopeOf = (info: Pick<TerminalInfo, 'incidentId'>): string => info.incidentId ?? scratchScope;

export interface TerminalsState {
  byId: Record<string, TerminalInfo>;
  loaded: boolean;
  loadError?: string;
  /** The terminal shown in each scope. */
  selected: Record<string, string>;
  /** Bumped when something asks for a terminal to be shown (the incident view opens its Terminal tab). */
  reveal?: { scope: string; terminalId: string; seq: number };
  /** The scope the Terminal screen shows. */
  screenScope: string;

  open(scope: string, size: { cols: number; rows: number }): Promise<TerminalInfo>;
  close(terminalId: string): Promise<void>;
  rename(terminalId: string, title: string): Promise<void>;
  restart(terminalId: string): Promise<void>;
  select(scope: string, terminalId: string): void;
  showTerminal(terminalId: string): void;
  showScope(scope: string): void;
}

export const useTerminals = create<TerminalsState>((set, get) => ({
  byId: {},
  loaded: false,
  selected: {},
  screenScope: scratchScope,

  async open(scope, size) {
    const info = await hostClient.call('terminals.open', { ...size, ...(scope === scratchScope ? {} : { incidentId: scope }) });
    apply(info);
    get().select(scopeOf(info), info.id);
    return info;
  },
  async close(terminalId) {
    await hostClient.call('terminals.close', { terminalId });
    forget(terminalId);
  },
  async rename(terminalId, title) {
    apply(await hostClient.call('terminals.rename', { terminalId, title }));
  },
  async restart(terminalId) {
    apply(await hostClient.call('terminals.restart', { terminalId }));
  },
  select(scope, terminalId) {
    if (get().selected[scope] !== terminalId) set({ selected: { ...get().selected, [scope]: terminalId } });
  },
  showTerminal(terminalId) {
    const info = get().byId[terminalId];
    if (!info) return;
    get().select(scopeOf(info), terminalId);
    set({ reveal: { scope: scopeOf(info), terminalId, seq: (get().reveal?.seq ?? 0) + 1 } });
  },
  showScope: (screenScope) => set({ screenScope }),
}));

/** A scope's terminals in the order they were opened (ids are ULIDs, so they sort by time). */
export function terminalsIn(byId: Record<string, TerminalInfo>, scope: string): TerminalInfo[] {
  return Object.values(byId)
    .filter((info) => scopeOf(info) === scope)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The terminal a scope shows: the one last selected, else the newest. */
export function shownTerminal(state: Pick<TerminalsState, 'byId' | 'selected'>, scope: string): TerminalInfo | undefined {
  const chosen = state.selected[scope];
  if (chosen && state.byId[chosen]) return state.byId[chosen];
  return terminalsIn(state.byId, scope).at(-1);
}

function apply(info: TerminalInfo): void {
  const { byId } = useTerminals.getState();
  useTerminals.setState({ byId: { ...byId, [info.id]: info } });
}

function forget(terminalId: string): void {
  const { byId, selected } = useTerminals.getState();
  if (!byId[terminalId]) return;
  const { [terminalId]: _gone, ...rest } = byId;
  const gone = byId[terminalId]!;
  const scope = scopeOf(gone);
  const remaining = terminalsIn(rest, scope);
  // Closing the shown tab shows its neighbour, as editors do.
  const nextSelected = { ...selected };
  if (selected[scope] === terminalId) {
    const index = terminalsIn(byId, scope).findIndex((info) => info.id === terminalId);
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    if (neighbour) nextSelected[scope] = neighbour.id;
    else delete nextSelected[scope];
  }
  useTerminals.setState({ byId: rest, selected: nextSelected });
}

async function load(): Promise<void> {
  try {
    const list = await hostClient.call('terminals.list', {});
    useTerminals.setState({ byId: Object.fromEntries(list.map((info) => [info.id, info])), loaded: true, loadError: undefined });
  } catch (error) {
    useTerminals.setState({ loaded: true, loadError: errorMessage(error) });
  }
}

let connections = 0;
let disconnect: (() => void) | undefined;

/** Follows the host's terminals while any screen showing them is mounted (counted, so two can share it). */
export function connectTerminalStore(): () => void {
  if (connections++ === 0) {
    let link = 'connected';
    const stops = [
      hostClient.on('terminal.changed', apply),
      hostClient.on('terminal.closed', ({ terminalId }) => forget(terminalId)),
      hostClient.onLinkChange((next) => {
        // After a reconnect the host may have restarted (and its shells with it): read the list again.
        if (next === 'connected' && link !== 'connected') void load();
        link = next;
      }),
    ];
    void load();
    disconnect = () => stops.forEach((stop) => stop());
  }
  return () => {
    if (--connections === 0) disconnect?.();
  };
}
