// The one typed contract between host, shells and renderer. Pure TypeScript + zod: it must run anywhere.
export * from './envelope';
export * from './errors';
export * from './events';
export * from './methods';
export * from './settings';
export * from './statusUpdateText';
export * from './bridge';
export * from './incidentMethods';
export * from './incidents';
export * from './timelineText';
export * from './units';
export * from './runbookMethods';
export * from './runbooks';
export * from './commandText';
export * from './terminals';
export * from './terminalMethods';
