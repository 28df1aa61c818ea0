// Just enough of the `electron` module for electron/main.ts to run in Node (Electron's binary cannot be
// downloaded here): the app's lifecycle, windows with their top frame, ipcMain, the tray, dialogs. Tests
// install it with vi.doMock('electron', () => fake.module) and then import main.ts.
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
  detached: boolean;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: '', detached: false };
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(): void {}
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  visible = false;
  constructor(readonly options: unknown) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
}

export class FakeTray extends EventEmitter {
  constructor(readonly icon: string) {
    super();
  }
  setToolTip(): void {}
  setContextMenu(): void {}
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** ipcRenderer.invoke from `frame` of `sender`. */
  async invoke(channel: string, sender: FakeWebContents, frame: FakeFrame | null, params: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler for ${channel}`);
    return handler({ sender, senderFrame: frame }, params);
  }
}

export class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  exitCode: number | undefined;
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  requestSingleInstanceLock(): boolean {
    return true;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Electron says it is ready. */
  becomeReady(): void {
    this.markReady();
  }
  quit(): void {
    this.emit('before-quit');
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exit(0);
  }
  exit(code: number): void {
    this.exitCode ??= code;
  }
}

export class FakeElectron {
  readonly app = new FakeApp();
  readonly ipcMain = new FakeIpcMain();
  readonly windows: FakeBrowserWindow[] = [];
  /** Weak, so a test can tell whether anything but this fake keeps a tray alive. */
  readonly trays: WeakRef<FakeTray>[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];

  get module() {
    const fake = this;
    return {
      app: this.app,
      ipcMain: this.ipcMain,
      BrowserWindow: class extends FakeBrowserWindow {
        constructor(options: unknown) {
          super(options);
          fake.windows.push(this);
        }
      },
      Tray: class extends FakeTray {
        constructor(icon: string) {
          super(icon);
          fake.trays.push(new WeakRef(this));
        }
      },
      Menu: { setApplicationMenu: () => {}, buildFromTemplate: (template: unknown) => template },
      protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
      session: { defaultSession: { setPermissionRequestHandler: () => {} } },
      shell: { openExternal: async () => {} },
      dialog: { showErrorBox: (title: string, content: string) => void fake.errorBoxes.push({ title, content }) },
    };
  }
}
