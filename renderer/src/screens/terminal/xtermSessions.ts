// Every terminal screen of this window, by terminal id: created when a view first shows a terminal, kept
// while the host has the terminal (so tabs and screens can switch without losing scrollback), disposed when
// the host closes it. Routes the host's output to them and keeps them in step with the console's theme,
// font size and link to the host.
import { defaultSettings, type TerminalInfo } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { useConsole } from '../../state/consoleStore';
import { terminalTheme } from './terminalTheme';
import { useTerminals } from './terminalStore';
import { sessions } from './sessionRegistry';
import { XtermSession } from './xtermSession';

let following: (() => void) | undefined;

export function sessionFor(info: TerminalInfo): XtermSession {
  follow();
  let session = sessions.get(info.id);
  if (!session) {
    session = new XtermSession(info.id, info, { fontSize: fontSize(), theme: terminalTheme(), onFontSize: changeFontSize });
    sessions.set(info.id, session);
  }
  return session;
}

const fontSize = () => useConsole.getState().settings?.terminalFontSize ?? defaultSettings.terminalFontSize;

function changeFontSize(step: 1 | -1 | 0): void {
  const next = step === 0 ? defaultSettings.terminalFontSize : Math.min(32, Math.max(8, fontSize() + step));
  // Shown at once; the setting follows (and comes back through settings.changed to every terminal).
  sessions.forEach((session) => session.setFontSize(next));
  void useConsole
    .getState()
    .updateSettings({ terminalFontSize: next })
    .catch(() => {});
}

/** Starts the window-wide listeners on first use; they last as long as the page. */
function follow(): void {
  if (following) return;
  let link = 'connected';
  const themeObserver = new MutationObserver(() => {
    const theme = terminalTheme();
    sessions.forEach((session) => session.setTheme(theme));
  });
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const stops = [
    hostClient.onTerminalOutput((terminalId, data) => sessions.get(terminalId)?.write(data)),
    hostClient.onLinkChange((next) => {
      // Back after a drop: the transport attaches every terminal again and the host replays recent output.
      if (next === 'connected' && link === 'disconnected') sessions.forEach((session) => session.clearForReplay());
      link = next;
    }),
    useConsole.subscribe((state, previous) => {
      const size = state.settings?.terminalFontSize;
      if (size && size !== previous.settings?.terminalFontSize) sessions.forEach((session) => session.setFontSize(size));
    }),
    useTerminals.subscribe((state, previous) => {
      if (state.byId === previous.byId) return;
      for (const [id, session] of sessions) {
        const info = state.byId[id];
        if (info) session.update(info);
        else if (state.loaded) {
          session.dispose();
          sessions.delete(id);
        }
      }
    }),
  ];
  following = () => {
    themeObserver.disconnect();
    stops.forEach((stop) => stop());
  };
}
