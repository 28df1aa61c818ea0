// The user's settings: one schema for the runtime check (zod) and one JSON Schema for the settings file,
// so electron-store (Electron shell) and conf (browser shell) validate the same settings.json the same way.
import { z } from 'zod';
import { defaultSeveritySchemeId, severitySchemes } from './incidents';

export const themePreferences = ['system', 'light', 'dark'] as const;

export const settingsSchema = z.object({
  theme: z.enum(themePreferences),
  responderName: z.string().max(120),
  hubUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]),
  /** The workspace's severity scheme for new incidents (one of the playbooks' schemes). */
  severityScheme: z.enum(severitySchemes.map((scheme) => scheme.id) as [string, ...string[]]),
  /** Largest attachment accepted as evidence. */
  maxAttachmentMiB: z.number().int().min(1).max(4096),
  /** The user's runbook folders (often a git checkout of the team's runbook repo), besides the built-in library. */
  runbookFolders: z.array(z.string().min(1).max(4096)).max(50),
  /** Terminal font size in CSS pixels. */
  terminalFontSize: z.number().int().min(8).max(32),
  /** Most output kept as evidence per command (head and tail; the cut is marked). */
  commandOutputKiB: z.number().int().min(4).max(65_536),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = { theme: 'system', responderName: '', hubUrl: '', severityScheme: defaultSeveritySchemeId, maxAttachmentMiB: 25, runbookFolders: [], terminalFontSize: 13, commandOutputKiB: 1024 };

/** JSON Schema for the settings file, in the shape conf/electron-store expect (one entry per key). */
export const settingsFileSchema = {
  theme: { type: 'string', enum: [...themePreferences], default: defaultSettings.theme },
  responderName: { type: 'string', maxLength: 120, default: defaultSettings.responderName },
  // Mirrors the zod rule (empty, or an http/https URL) so a hand-edited bad value is caught on open.
  severityScheme: { type: 'string', enum: severitySchemes.map((scheme) => scheme.id), default: defaultSettings.severityScheme },
  maxAttachmentMiB: { type: 'integer', minimum: 1, maximum: 4096, default: defaultSettings.maxAttachmentMiB },
  runbookFolders: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 50, default: [] },
  terminalFontSize: { type: 'integer', minimum: 8, maximum: 32, default: defaultSettings.terminalFontSize },
  commandOutputKiB: { type: 'integer', minimum: 4, maximum: 65_536, default: defaultSettings.commandOutputKiB },
  hubUrl: { type: 'string', pattern: '^(|https?://[^\\s/$.?#][^\\s]*)$', default: defaultSettings.hubUrl },
} as const;
