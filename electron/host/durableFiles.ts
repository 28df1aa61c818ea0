// Making a rename survive power loss: after renaming a file into a folder, the folder itself is fsynced.
import { closeSync, fsyncSync, openSync } from 'node:fs';

export function fsyncFolder(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}
