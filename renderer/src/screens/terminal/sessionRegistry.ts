// Where this window's terminal screens are kept, by terminal id. Apart from xtermSessions.ts so that code
// which only looks a screen up (focus it, open its search) does not pull xterm.js into the first bundle:
// the terminal code loads when a terminal is first shown.
import type { XtermSession } from './xtermSession';

export const sessions = new Map<string, XtermSession>();

export function existingSession(terminalId: string): XtermSession | undefined {
  return sessions.get(terminalId);
}
