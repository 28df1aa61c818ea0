// Console-wide state: which screen is open, what the host reported about itself, settings, connectivity
// and the link to the host. Screens keep their own state in their own stores as they grow.
import { create } from 'zustand';
import type { AppDescription, Connectivity, Settings, SettingsPatch } from '../../../electron/contract';
import { hostClient } from '../api/hostClient';
import type { HostLink } from '../api/transport';
import type { ScreenId } from '../screens/screenIds';
import { errorMessage } from '../../../electron/contract';

export interface ConsoleState {
  screen: ScreenId;
  app?: AppDescription;
  settings?: Settings;
  connectivity?: Connectivity;
  hostLink: HostLink;
  loadError?: string;
  openScreen(screen: ScreenId): void;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  recheckConnectivity(): Promise<void>;
}

export const useConsole = create<ConsoleState>((set) => ({
  screen: 'incidents',
  hostLink: 'connecting',
  openScreen: (screen) => set({ screen }),
  async updateSettings(patch) {
    const settings = await hostClient.call('settings.update', patch);
    set({ settings });
    return settings;
  },
  async recheckConnectivity() {
    set({ connectivity: await hostClient.call('connectivity.recheck', {}) });
  },
}));

/** Loads what the console shows from the first frame, and follows the host's pushed changes. */
export function connectConsoleStore(): () => void {
  const load = async () => {
    try {
      const [app, settings, connectivity] = await Promise.all([
        hostClient.call('app.describe', {}),
        hostClient.call('settings.get', {}),
        hostClient.call('connectivity.get', {}),
      ]);
      useConsole.setState({ app, settings, connectivity, loadError: undefined });
    } catch (error) {
      useConsole.setState({ loadError: errorMessage(error) });
    }
  };
  const stops = [
    hostClient.on('settings.changed', (settings) => useConsole.setState({ settings })),
    hostClient.on('connectivity.changed', (connectivity) => useConsole.setState({ connectivity })),
    hostClient.onLinkChange((hostLink) => {
      useConsole.setState({ hostLink });
      // After a reconnect the host may have restarted: reload rather than trust stale state.
      if (hostLink === 'connected') void load();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
