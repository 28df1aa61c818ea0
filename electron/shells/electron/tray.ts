// The tray icon: Holdfast stays reachable (and, later, able to notify) when its window is closed.
import type { Menu as MenuType, NativeImage, Tray as TrayType } from 'electron';

export interface TrayDeps {
  Tray: new (image: NativeImage | string) => TrayType;
  Menu: { buildFromTemplate: typeof MenuType.buildFromTemplate };
}

export function createConsoleTray(deps: TrayDeps, iconPath: string, actions: { show(): void; quit(): void }): TrayType {
  const tray = new deps.Tray(iconPath);
  tray.setToolTip('Holdfast');
  tray.setContextMenu(
    deps.Menu.buildFromTemplate([
      { label: 'Show Holdfast', click: actions.show },
      { type: 'separator' },
      { label: 'Quit Holdfast', click: actions.quit },
    ]),
  );
  tray.on('click', actions.show);
  return tray;
}
