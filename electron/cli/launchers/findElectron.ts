// Finds the Electron binary, if the optional `electron` package installed one. Its download can fail
// (offline, a closed network); then the package is absent or has no binary, and we say so instead of throwing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findElectronBinary(): string | undefined {
  if (process.env.HOLDFAST_NO_ELECTRON === '1') return undefined;
  try {
    // The electron package's main export is the path of its binary; it throws when the binary is missing.
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}
