// The Holdfast host: every main-process service (settings, connectivity; later the store, runbooks, ptys,
// sync, notifications), wired together behind the contract. Plain Node: it never imports electron, so the
// browser shell, the CLI and the tests run exactly the code the Electron shell runs.
import type { ShellKind } from './shellKind';
import { createDispatcher, type Dispatcher, type MethodHandlers } from './dispatcher';
import { EventHub } from './eventHub';
import { fileHostLog, type HostLog } from './hostLog';
import { productName, productVersion } from './productInfo';
import { ConnectivityMonitor, type ConnectivityMonitorOptions } from './connectivity/connectivityMonitor';
import { incidentHandlers, refuseIncidentMethods } from './incidents/incidentHandlers';
import { watchExternalChanges } from './incidents/externalChanges';
import { openIncidentLog, type IncidentLog } from './incidentLog';
import { SettingsService } from './settings/settingsService';
import { openSettingsStore, type SettingsStore, type SettingsStoreOptions } from './settings/settingsStore';

export interface HostOptions {
  dataDir: string;
  shell: ShellKind;
  /** conf in Node, electron-store in Electron: the shell decides which library backs settings.json. */
  createSettingsStore: (options: SettingsStoreOptions) => SettingsStore;
  log?: HostLog;
  /** better-sqlite3's addon built for this runtime (the Electron shell passes its own build). */
  sqliteNativeBinding?: string;
  connectivity?: Pick<ConnectivityMonitorOptions, 'intervalMs' | 'timeoutMs' | 'probe'>;
}

export interface Host extends Dispatcher {
  readonly dataDir: string;
  readonly events: Pick<EventHub, 'subscribe'>;
  dispose(): Promise<void>;
}

export function createHost(options: HostOptions): Host {
  const log = options.log ?? fileHostLog(options.dataDir);
  const events = new EventHub();

  const { store, recovered } = openSettingsStore(options.dataDir, options.createSettingsStore);
  if (recovered) log.warn(`settings.json could not be read (${recovered.reason}); kept it as ${recovered.movedTo} and started from defaults`);
  const settings = new SettingsService(store, events);

  const problems: string[] = [];
  let incidentLog: IncidentLog | undefined;
  try {
    incidentLog = openIncidentLog({ dataDir: options.dataDir, settings: () => settings.get(), events, sqliteNativeBinding: options.sqliteNativeBinding });
  } catch (error) {
    // The rest of the console (settings, terminal, runbooks) stays usable; the incident screens say why not.
    const message = error instanceof Error ? error.message : String(error);
    problems.push(message);
    log.error('incident log unavailable', error);
  }
  const stopWatchingExternalChanges = incidentLog ? watchExternalChanges(incidentLog.incidents.store, events) : () => {};

  const connectivity = new ConnectivityMonitor({
    ...options.connectivity,
    hubUrl: () => settings.get().hubUrl,
    onChange: (state) => events.emit('connectivity.changed', state),
  });
  connectivity.start();
  const stopRecheckOnHubChange = events.subscribe((event) => {
    if (event.event === 'settings.changed') void connectivity.recheck();
  });

  const handlers: MethodHandlers = {
    'app.describe': () => ({ productName, version: productVersion, shell: options.shell, dataDir: options.dataDir, platform: process.platform, problems }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'connectivity.get': () => connectivity.current(),
    'connectivity.recheck': () => connectivity.recheck(),
    ...(incidentLog
      ? incidentHandlers(incidentLog, events)
      : refuseIncidentMethods(problems[0]!)),
  };
  const dispatcher = createDispatcher(handlers, (method, error) => log.error(`${method} threw`, error));

  return {
    dataDir: options.dataDir,
    events,
    call: dispatcher.call,
    async dispose() {
      stopRecheckOnHubChange();
      connectivity.stop();
      stopWatchingExternalChanges();
      incidentLog?.close();
    },
  };
}
