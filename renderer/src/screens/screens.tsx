// The console's screens, in navigation order. The nav rail, the keyboard shortcuts and the router all read
// this list, so adding a screen is one entry here.
import type { ComponentType } from 'react';
import { DrillsIcon, IncidentsIcon, RunbooksIcon, SettingsIcon, TerminalIcon } from '../app/icons';
import { DrillsScreen } from './DrillsScreen';
import { IncidentsScreen } from './IncidentsScreen';
import { RunbooksScreen } from './RunbooksScreen';
import type { ScreenId } from './screenIds';
import { SettingsScreen } from './SettingsScreen';
import { TerminalScreen } from './TerminalScreen';

export interface ScreenEntry {
  id: ScreenId;
  label: string;
  Icon: ComponentType;
  Component: ComponentType;
}

export const screens: ScreenEntry[] = [
  { id: 'incidents', label: 'Incidents', Icon: IncidentsIcon, Component: IncidentsScreen },
  { id: 'runbooks', label: 'Runbooks', Icon: RunbooksIcon, Component: RunbooksScreen },
  { id: 'terminal', label: 'Terminal', Icon: TerminalIcon, Component: TerminalScreen },
  { id: 'drills', label: 'Drills', Icon: DrillsIcon, Component: DrillsScreen },
  { id: 'settings', label: 'Settings', Icon: SettingsIcon, Component: SettingsScreen },
];

/** Alt+1 … Alt+5 open the screens in this order. */
export function shortcutFor(index: number): string {
  return `Alt+${index + 1}`;
}
