import type { AppDescription } from '../contract';

/** Which shell the host runs under; reported to the UI for display, never used to branch UI behaviour. */
export type ShellKind = AppDescription['shell'];
