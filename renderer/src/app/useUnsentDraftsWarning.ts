// Closing the tab or reloading the window while something typed is unsent asks first. The drafts would
// survive a reload (sessionStorage), but not a closed tab, and a responder should not have to know which.
import { useEffect } from 'react';
import { drafts } from '../state/drafts';

export function useUnsentDraftsWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!drafts.hasUnsent()) return;
      event.preventDefault();
      event.returnValue = ''; // Older Chromium (and Electron) look at this, not at preventDefault.
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
