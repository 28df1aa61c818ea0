// The import rules that keep the architecture honest, checked on the real source tree:
// - renderer/ never imports Node built-ins, and from electron/ only the contract;
// - only the Electron shell (electron/main.ts, electron/preload.ts, electron/shells/electron/) imports electron;
// - the contract imports nothing but zod; the host imports no shell.
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportViolation {
  file: string;
  specifier: string;
  rule: string;
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const electronOnly = new Set(['electron', 'electron-store']);

export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

export function isElectronShellFile(file: string): boolean {
  return file === 'electron/main.ts' || file === 'electron/preload.ts' || file.startsWith('electron/shells/electron/');
}

/** Checks one file's imports (paths relative to the repo root, with forward slashes). */
export function checkFile(file: string, specifiers: string[]): ImportViolation[] {
  const violations: ImportViolation[] = [];
  const resolved = (specifier: string) => (specifier.startsWith('.') ? posix.join(posix.dirname(file), specifier) : specifier);
  for (const specifier of specifiers) {
    const target = resolved(specifier);
    const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    if (file.startsWith('renderer/')) {
      if (nodeBuiltins.has(specifier) || nodeBuiltins.has(packageName)) violations.push({ file, specifier, rule: 'renderer code must not import Node built-ins' });
      if (target.startsWith('electron/') && !target.startsWith('electron/contract')) violations.push({ file, specifier, rule: 'renderer code may import only the contract from electron/' });
    }
    if (electronOnly.has(packageName) && !isElectronShellFile(file)) violations.push({ file, specifier, rule: 'only the Electron shell may import electron' });
    if (file.startsWith('electron/contract/') && !specifier.startsWith('.') && specifier !== 'zod') violations.push({ file, specifier, rule: 'the contract may import only zod' });
    if (file.startsWith('electron/host/') && (target.startsWith('electron/shells/') || target.startsWith('electron/cli/') || target.startsWith('renderer/'))) {
      violations.push({ file, specifier, rule: 'the host must not import shells, the CLI or the renderer' });
    }
  }
  return violations;
}

export function sourceFiles(root: string, folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry)) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  folders.map((folder) => resolve(root, folder)).filter(existsSync).forEach(walk);
  return found;
}

export function checkTree(root: string): ImportViolation[] {
  return sourceFiles(root, ['electron', 'renderer', 'bench', 'scripts']).flatMap((file) => checkFile(file, importsOf(readFileSync(join(root, file), 'utf8'))));
}
