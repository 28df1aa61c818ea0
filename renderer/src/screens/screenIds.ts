export const screenIds = ['incidents', 'runbooks', 'terminal', 'drills', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];
