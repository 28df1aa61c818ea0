// The Holdfast host: every main-process service (settings, connectivity; later the store, runbooks, ptys,
// sync, notifications), wired together behind the contract. Plain Node: it never imports electron, so the
// browser shell, the CLI and the tests run exactly the code the Electron shell runs.
import { encodeOutputFrame, errorMessage, terminalStreamMessageSchema } from '../contract';
import type { ShellKind } from './shellKind';
import { createDispatcher, type Dispatcher, type MethodHandlers } from './dispatcher';
import { EventHub } from './eventHub';
import { fileHostLog, type HostLog } from './hostLog';
import { productName, productVersion } from './productInfo';
import { ConnectivityMonitor, type ConnectivityMonitorOptions } from './connectivity/connectivityMonitor';
import { incidentHandlers, refuseStoreMethods } from './incidents/incidentHandlers';
import { runbookLibraryHandlers, runbookRunHandlers } from './runbooks/runbookHandlers';
import { RunbookLibrary } from './runbooks/runbookLibrary';
import { RunbookRunService } from './runbooks/runbookRuns';
import { RunbookRunStore } from './store/runbookRunStore';
import { watchExternalChanges } from './incidents/externalChanges';
import { openIncidentLog, type IncidentLog } from './incidentLog';
import { SettingsService } from './settings/settingsService';
import { terminalHandlers } from './terminal/terminalHandlers';
import { TerminalService } from './terminal/terminalService';
import type { StreamClient } from './terminal/outputFanOut';
import { openSettingsStore, type SettingsStore, type SettingsStoreOptions } from './settings/settingsStore';

export interface HostOptions {
  dataDir: string;
  shell: ShellKind;
  /** conf in Node, electron-store in Electron: the shell decides which library backs settings.json. */
  createSettingsStore: (options: SettingsStoreOptions) => SettingsStore;
  log?: HostLog;
  /** The runbooks shipped with Holdfast (the package's runbooks/ folder). */
  builtInRunbooksDir: string;
  /** resources/shell-integration: the bash and zsh wrappers that report commands to the host. */
  shellIntegrationDir: string;
  /** The environment terminals start with (default: the host's). */
  terminalEnv?: NodeJS.ProcessEnv;
  /** better-sqlite3's addon built for this runtime (the Electron shell passes its own build). */
  sqliteNativeBinding?: string;
  connectivity?: Pick<ConnectivityMonitorOptions, 'intervalMs' | 'timeoutMs' | 'probe'>;
}

export interface TerminalStreamConnection {
  /** A stream message from the renderer (attach, detach, ack); invalid ones are answered with an error text. */
  receive(message: unknown): string | undefined;
  close(): void;
}

export interface Host extends Dispatcher {
  readonly dataDir: string;
  readonly events: Pick<EventHub, 'subscribe'>;
  /** A renderer's terminal output channel: `send` gets the output frames of the terminals it attaches to. */
  connectTerminalStream(send: (frame: Uint8Array) => void): TerminalStreamConnection;
  dispose(): Promise<void>;
}

export function createHost(options: HostOptions): Host {
  const log = options.log ?? fileHostLog(options.dataDir);
  const events = new EventHub(log);

  const { store, recovered } = openSettingsStore(options.dataDir, options.createSettingsStore);
  if (recovered) log.warn(`settings.json could not be read (${recovered.reason}); kept it as ${recovered.movedTo} and started from defaults`);
  const settings = new SettingsService(store, events);

  const problems: string[] = [];
  let incidentLog: IncidentLog | undefined;
  try {
    incidentLog = openIncidentLog({ dataDir: options.dataDir, settings: () => settings.get(), events, sqliteNativeBinding: options.sqliteNativeBinding });
  } catch (error) {
    // The rest of the console (settings, terminal, runbooks) stays usable; the incident screens say why not.
    const message = errorMessage(error);
    problems.push(message);
    log.error('incident log unavailable', error);
  }
  const library = new RunbookLibrary(
    () => [{ path: options.builtInRunbooksDir, origin: 'built-in' as const }, ...settings.get().runbookFolders.map((path) => ({ path, origin: 'user' as const }))],
    (counts) => events.emit('runbooks.changed', counts),
  );
  library.watch();
  // Warm the library once the console is up, so the first search does not pay for reading the folders.
  setTimeout(() => library.counts(), 1500).unref();
  const runs = incidentLog && new RunbookRunService(incidentLog.incidents, new RunbookRunStore(incidentLog.incidents.store.db), library);

  const terminals = new TerminalService({
    dataDir: options.dataDir,
    integrationDir: options.shellIntegrationDir,
    events,
    log,
    incidentLog,
    runs,
    env: options.terminalEnv,
    maxOutputBytes: () => settings.get().commandOutputKiB * 1024,
  });

  const stopWatchingExternalChanges = incidentLog ? watchExternalChanges(incidentLog.incidents.store, events) : () => {};

  const connectivity = new ConnectivityMonitor({
    ...options.connectivity,
    hubUrl: () => settings.get().hubUrl,
    onChange: (state) => events.emit('connectivity.changed', state),
  });
  connectivity.start();
  let runbookFolders = JSON.stringify(settings.get().runbookFolders);
  const stopFollowingSettings = events.subscribe((event) => {
    if (event.event !== 'settings.changed') return;
    void connectivity.recheck();
    if (JSON.stringify(event.payload.runbookFolders) !== runbookFolders) {
      runbookFolders = JSON.stringify(event.payload.runbookFolders);
      library.reload();
      library.watch();
      events.emit('runbooks.changed', library.counts());
    }
  });

  const handlers: MethodHandlers = {
    'app.describe': () => ({ productName, version: productVersion, shell: options.shell, dataDir: options.dataDir, platform: process.platform, problems }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'connectivity.get': () => connectivity.current(),
    'connectivity.recheck': () => connectivity.recheck(),
    ...runbookLibraryHandlers(library),
    ...terminalHandlers({ terminals, dataDir: options.dataDir, log: incidentLog, library, runs }),
    ...(incidentLog && runs ? { ...incidentHandlers(incidentLog, events), ...runbookRunHandlers(runs) } : refuseStoreMethods(problems[0]!)),
  };
  const dispatcher = createDispatcher(handlers, (method, error) => log.error(`${method} threw`, error));

  return {
    dataDir: options.dataDir,
    events,
    call: dispatcher.call,
    connectTerminalStream(send) {
      const client: StreamClient = { send: (terminalId, data) => send(encodeOutputFrame(terminalId, data)) };
      return {
        receive(message) {
          const parsed = terminalStreamMessageSchema.safeParse(message);
          if (!parsed.success) return `Invalid terminal stream message: ${parsed.error.issues.map((issue) => `${['message', ...issue.path].join('.')}: ${issue.message}`).join('; ')}`;
          terminals.attach(client, parsed.data);
          return undefined;
        },
        close: () => terminals.forget(client),
      };
    },
    async dispose() {
      await terminals.dispose();
      stopFollowingSettings();
      library.unwatch();
      connectivity.stop();
      stopWatchingExternalChanges();
      incidentLog?.close();
    },
  };
}
