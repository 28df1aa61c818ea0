// better-sqlite3 is not N-API: Electron needs the copy `npm run rebuild:electron` builds against its headers
// (build/electron-native/), passed to better-sqlite3 as `nativeBinding`. Without it the host reports the
// incident log as unavailable (the rest of the console still works) and says how to fix it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronSqliteBinding(appRoot: string): string | undefined {
  const built = join(appRoot, 'build', 'electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  // Packaged, native addons live outside the asar archive (electron-builder.yml: asarUnpack).
  const unpacked = built.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return [unpacked, built].find((path) => existsSync(path));
}
