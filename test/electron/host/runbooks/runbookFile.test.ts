// Loading runbook files from a real disk: whatever is there (a 50 MB file, a binary, a FIFO, a folder, a
// file we may not read, a BOM), loading never throws and says what is wrong at line 1, column 1; folders
// are searched the way a runbook repository is laid out.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRunbookFiles, loadRunbookFile, runbookFileLimitBytes } from '../../../../electron/host/runbooks/runbookFile';

const root = mkdtempSync(join(tmpdir(), 'holdfast-runbook-file-'));
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});
let counter = 0;
function file(name: string, content: string | Buffer): string {
  const folder = join(root, `case-${++counter}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const runbook = 'id: disk-full\ntitle: Disk full\nsteps:\n  - order: 1\n    description: Find what grew\n    command: du -xh / | sort -h | tail\n';
const atStart = (path: string, message: string) => [{ path, line: 1, column: 1, message }];
const runningAsRoot = process.getuid?.() === 0;
const markdownImporterExists = existsSync(new URL('../../../../electron/host/runbooks/markdownImport.ts', import.meta.url));

describe('loadRunbookFile', () => {
  it('loads .yaml and .yml (any case) as YAML runbooks', () => {
    for (const name of ['disk.yaml', 'disk.yml', 'DISK.YAML']) {
      const loaded = loadRunbookFile(file(name, runbook));
      expect(loaded.format).toBe('yaml');
      expect(loaded.problems).toEqual([]);
      expect(loaded.runbook?.id).toBe('disk-full');
    }
  });

  it('passes YAML problems through with their positions and the path as given', () => {
    const path = file('bad.yaml', runbook.replace('    description: Find what grew\n', '    descripton: Find what grew\n'));
    expect(loadRunbookFile(path)).toEqual({
      format: 'yaml',
      problems: [
        { path, line: 4, column: 5, message: 'steps[0]: missing required field "description"' },
        { path, line: 5, column: 5, message: 'steps[0].descripton: unknown field; did you mean "description"?' },
      ],
    });
  });

  it('refuses a huge file by its size, without reading it', () => {
    const path = join(root, 'huge.yaml');
    const fd = openSync(path, 'w');
    // Sparse: instant, and no disk space used. Past Node's 2 GiB limit of readFileSync, so a loader that
    // read before checking the size would report that failure instead of this message.
    ftruncateSync(fd, 3 * 1024 * 1024 * 1024);
    closeSync(fd);
    expect(loadRunbookFile(path)).toEqual({ format: 'yaml', problems: atStart(path, 'file is 3072 MiB; runbooks are limited to 5 MiB') });
  });

  it('accepts a file of exactly 5 MiB and refuses one byte more', () => {
    const line = '# padding\n';
    const exact = Buffer.alloc(runbookFileLimitBytes, ' ');
    Buffer.from(runbook).copy(exact);
    Buffer.from(line).copy(exact, runbook.length);
    const fits = file('exact.yaml', exact);
    expect(loadRunbookFile(fits).problems).toEqual([]);
    const over = file('over.yaml', Buffer.concat([exact, Buffer.from(' ')]));
    expect(loadRunbookFile(over).problems).toEqual(atStart(over, 'file is 5.1 MiB; runbooks are limited to 5 MiB'));
  });

  it('says "binary file" for NUL bytes or invalid UTF-8 in the first 8 KiB', () => {
    const withNul = file('image.yaml', Buffer.concat([Buffer.from('id: a\n'), Buffer.from([0, 1, 2, 3])]));
    expect(loadRunbookFile(withNul)).toEqual({ format: 'yaml', problems: atStart(withNul, 'binary file, not a runbook') });
    const latin1 = file('latin1.md', Buffer.from('# Caf\xe9 outage\n', 'latin1'));
    expect(loadRunbookFile(latin1).problems).toEqual(atStart(latin1, 'binary file, not a runbook'));
    const utf16 = file('notepad.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(runbook, 'utf16le')]));
    expect(loadRunbookFile(utf16).problems).toEqual(atStart(utf16, 'UTF-16 text; save the file as UTF-8'));
  });

  it('accepts a character split across the 8 KiB mark, and names the line of bad UTF-8 after it', () => {
    const prefix = `${runbook}#${'x'.repeat(8192 - runbook.length - 2)}`;
    const split = file('split.yaml', `${prefix}é\n`); // é's two bytes straddle byte 8192
    expect(loadRunbookFile(split).problems).toEqual([]);
    const late = file('late.yaml', Buffer.concat([Buffer.from(`${prefix}\n# fine\n# `), Buffer.from([0xff]), Buffer.from('\n')]));
    expect(loadRunbookFile(late).problems).toEqual(atStart(late, 'not valid UTF-8 text (first bad byte on line 9); save the file as UTF-8'));
  });

  it('drops a UTF-8 byte-order mark so line 1 columns are right', () => {
    const path = file('bom.yaml', `\uFEFFid: "bad id"\ntitle: t\nsteps: [{order: 1, description: d}]\n`);
    expect(loadRunbookFile(path).problems).toEqual([{ path, line: 1, column: 5, message: 'id: must be letters, digits, ".", "_" or "-"' }]);
  });

  it('reports a missing file, a folder and an unsupported extension with the reason', () => {
    const missing = join(root, 'nope.yaml');
    expect(loadRunbookFile(missing)).toEqual({ format: 'yaml', problems: atStart(missing, 'cannot read: no such file (ENOENT)') });
    const folder = join(root, 'folder.yaml');
    mkdirSync(folder);
    expect(loadRunbookFile(folder).problems).toEqual(atStart(folder, 'is a folder, not a runbook file'));
    const text = file('notes.txt', runbook);
    expect(loadRunbookFile(text)).toEqual({ format: 'unknown', problems: atStart(text, 'not a runbook file: runbooks are .yaml, .yml, .md or .markdown') });
  });

  it.skipIf(runningAsRoot)('gives the OS reason for a file it may not read (skipped as root, who can read anything)', () => {
    const path = file('secret.yaml', runbook);
    chmodSync(path, 0o000);
    expect(loadRunbookFile(path).problems).toEqual(atStart(path, 'cannot read: permission denied (EACCES)'));
  });

  it.skipIf(process.platform === 'win32')('does not block on a FIFO named like a runbook', () => {
    const path = join(root, 'pipe.yaml');
    execFileSync('mkfifo', [path]);
    expect(loadRunbookFile(path).problems).toEqual(atStart(path, 'not a regular file'));
  });

  it.runIf(markdownImporterExists)('routes .md and .markdown files to the Markdown importer', () => {
    const markdown = '# Disk full\n\n## Find what grew\n\n```bash\ndu -xh / | sort -h | tail\n```\n';
    for (const name of ['disk-full.md', 'disk-full.markdown']) {
      const loaded = loadRunbookFile(file(name, markdown));
      expect(loaded.format).toBe('markdown');
      expect(loaded.runbook?.steps.some((step) => step.command?.includes('du -xh'))).toBe(true);
    }
  });
});

describe('findRunbookFiles', () => {
  const library = join(root, 'library');
  const layout: Record<string, string> = {
    'README.md': '# Our runbooks',
    'database/outage.yaml': runbook,
    'database/replica-lag.yml': runbook,
    'network/dns.md': '# DNS',
    'network/deep/er/bgp.markdown': '# BGP',
    'network/notes.txt': 'not a runbook',
    'node_modules/pkg/runbook.yaml': runbook,
    '.git/config.yaml': runbook,
    '.drafts/wip.yaml': runbook,
    'database/.outage.yaml.swp.yaml': runbook,
  };
  for (const [name, content] of Object.entries(layout)) {
    mkdirSync(join(library, name, '..'), { recursive: true });
    writeFileSync(join(library, name), content);
  }

  it('searches folders recursively in a stable order, skipping node_modules, hidden entries and README.md', () => {
    expect(findRunbookFiles([library]).map((path) => relative(library, path))).toEqual(['database/outage.yaml', 'database/replica-lag.yml', 'network/deep/er/bgp.markdown', 'network/dns.md']);
  });

  it('keeps paths in the form given, keeps named files whatever they are, and lists each file once', () => {
    const relativeLibrary = relative(process.cwd(), library);
    const found = findRunbookFiles([join(relativeLibrary, 'database'), join(library, 'database/outage.yaml'), join(library, 'network/notes.txt'), join(root, 'missing.yaml')]);
    expect(found).toEqual([join(relativeLibrary, 'database/outage.yaml'), join(relativeLibrary, 'database/replica-lag.yml'), join(library, 'network/notes.txt'), join(root, 'missing.yaml')]);
  });

  it('does not follow links to folders (they can loop), but reads links to files', () => {
    const linked = join(root, 'linked');
    mkdirSync(linked);
    symlinkSync(linked, join(linked, 'loop'));
    symlinkSync(join(library, 'database/outage.yaml'), join(linked, 'outage.yaml'));
    expect(findRunbookFiles([linked])).toEqual([join(linked, 'outage.yaml')]);
    expect(loadRunbookFile(join(linked, 'outage.yaml')).runbook?.id).toBe('disk-full');
  });

  it.skipIf(runningAsRoot)('lists an unreadable sub-folder so that loading it reports why (skipped as root, who can read anything)', () => {
    const parent = join(root, 'locked-parent');
    mkdirSync(join(parent, 'locked'), { recursive: true });
    chmodSync(join(parent, 'locked'), 0o000);
    try {
      expect(findRunbookFiles([parent])).toEqual([join(parent, 'locked')]);
      expect(loadRunbookFile(join(parent, 'locked')).problems[0]?.message).toBe('cannot read: permission denied (EACCES)');
    } finally {
      chmodSync(join(parent, 'locked'), 0o700);
    }
  });
});
