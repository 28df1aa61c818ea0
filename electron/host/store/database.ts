// Opens the incident database (<dataDir>/holdfast.db) the one safe way: WAL so the console and the CLI can
// share it, synchronous=FULL so every acknowledged write survives power loss, a busy timeout so the two
// wait for each other instead of failing, and migrations applied in order, each in its own transaction.
// A file from a newer Holdfast, or one that is not a database, is refused with a message and left untouched.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, HoldfastError } from '../../contract';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export type Db = Database.Database;
export const databaseFileName = 'holdfast.db';

export interface OpenDatabaseOptions {
  /** better-sqlite3's compiled addon for this runtime (Electron needs its own build; see docs/ARCHITECTURE.md). */
  nativeBinding?: string;
  /** Only for tests of old schemas: stop migrating at this version. */
  migrateTo?: number;
  readonly?: boolean;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, databaseFileName);
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  const existed = existsSync(path);
  let db: Db;
  try {
    db = new Database(path, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new HoldfastError('internal', `Cannot open the incident database ${path}: ${messageOf(error)}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    checkIsDatabase(db, path);
    // Check the version before anything writes (switching to WAL rewrites the file header).
    const version = schemaVersion(db);
    if (version > latestSchemaVersion) {
      throw new HoldfastError('conflict', `${path} was written by a newer Holdfast (schema ${version}; this version knows up to ${latestSchemaVersion}). Update Holdfast; the file was not changed.`);
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Checkpoints run in idle time (store/maintenance.ts); this is only the safety net for a writer that
      // never idles, so that a commit rarely pays for copying the log back into the database.
      db.pragma('wal_autocheckpoint = 16384');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, migrations.filter((migration) => migration.version <= (options.migrateTo ?? latestSchemaVersion)));
    return db;
  } catch (error) {
    db.close();
    if (error instanceof HoldfastError) throw error;
    throw new HoldfastError('internal', `Cannot use the incident database ${path}${existed ? '' : ' (new file)'}: ${messageOf(error)}`);
  }
}

/** SQLite failures a user can act on, in their words; anything else is passed through unchanged. */
export function translateSqliteError(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') return new HoldfastError('unavailable', 'The disk is full: this change was not recorded (nothing already stored was lost). Free some space and try again.');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new HoldfastError('unavailable', 'The incident database is busy (another Holdfast process is writing to it); try again in a moment.');
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return new HoldfastError('unavailable', 'The incident database is read-only (check the permissions of the data folder); nothing was recorded.');
  if (code.startsWith('SQLITE_IOERR')) return new HoldfastError('unavailable', `The disk reported an error (${code}); this change was not recorded. Check the disk and try again.`);
  return error;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, wanted: Migration[]): void {
  for (const migration of wanted) {
    // Re-read inside the loop: another process (the console, the CLI) may be migrating the same file.
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
}

function checkIsDatabase(db: Db, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new HoldfastError('conflict', `${path} is not a readable Holdfast database (${messageOf(error)}). It was left as it is; move it aside to start a new one, or restore it from a backup.`);
    }
    throw error;
  }
}

function messageOf(error: unknown): string {
  return errorMessage(error);
}
