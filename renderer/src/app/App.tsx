import { useEffect } from 'react';
import { screens } from '../screens/screens';
import { connectConsoleStore, useConsole } from '../state/consoleStore';
import { NavRail } from './NavRail';
import { StatusBar } from './StatusBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useTheme } from './useTheme';
import { useUnsentDraftsWarning } from './useUnsentDraftsWarning';

export function App() {
  const current = useConsole((state) => state.screen);
  const loadError = useConsole((state) => state.loadError);
  // Select the array itself (stable between renders); a fresh [] fallback in the selector would loop.
  const hostProblems = useConsole((state) => state.app?.problems) ?? [];
  useEffect(connectConsoleStore, []);
  useGlobalShortcuts();
  useTheme();
  useUnsentDraftsWarning();

  useEffect(() => {
    // Start-up benchmark and tests read this mark: the console's first painted frame.
    requestAnimationFrame(() => performance.mark('holdfast:console-painted'));
  }, []);

  const Screen = screens.find((screen) => screen.id === current)!.Component;
  return (
    <div className="console">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavRail />
      <main id="main" className="console-main">
        {loadError && (
          <div role="alert" className="banner banner-error">
            Could not load the console from its host: {loadError}
          </div>
        )}
        {hostProblems.map((problem) => (
          <div key={problem} role="alert" className="banner banner-error">
            {problem}
          </div>
        ))}
        <Screen />
      </main>
      <StatusBar />
    </div>
  );
}
