// The notice a console that cannot start gives, and that it always ends the process (main.ts's wiring of it is
// tested in electronMain.test.ts).
import { describe, expect, it } from 'vitest';
import { endFailedStartup, startupFailureNotice } from '../../../electron/shells/electron/startupFailure';

describe('startupFailureNotice', () => {
  it('names the folder, the cause and what to do about a full disk', () => {
    const notice = startupFailureNotice(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), '/home/ada/.config/Holdfast');
    expect(notice.title).toBe('Holdfast could not start');
    expect(notice.content).toContain('/home/ada/.config/Holdfast');
    expect(notice.content).toContain('Cause: ENOSPC: no space left on device, write');
    expect(notice.content).toContain('The disk is full');
    expect(notice.content).toContain('--data-dir');
  });

  it('falls back to general advice for a cause it has no remedy for, and to the text of a thrown non-Error', () => {
    const notice = startupFailureNotice('database disk image is malformed', '/data');
    expect(notice.content).toContain('Cause: database disk image is malformed');
    expect(notice.content).toContain('settings.json, holdfast.db');
  });
});

describe('endFailedStartup', () => {
  it('exits with status 1 even when the dialog cannot be shown (no display), having written the notice to stderr', () => {
    const exits: number[] = [];
    const failingDialog = {
      showErrorBox: () => {
        throw new Error('no display');
      },
    };
    const written: string[] = [];
    endFailedStartup(new Error('boom'), '/data', { dialog: failingDialog, app: { exit: (code) => void exits.push(code ?? 0) }, writeError: (text) => void written.push(text) });
    expect(written.join('')).toContain('Cause: boom');
    expect(exits).toEqual([1]);
  });
});
