export interface Migration {
  /** Becomes PRAGMA user_version once applied. Versions are consecutive from 1. */
  version: number;
  name: string;
  up: string;
}
