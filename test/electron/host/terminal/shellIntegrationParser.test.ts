// The OSC 633 parser on its own: marks and their trust, escape sequences removed from text, and the same
// result however the output is cut into chunks.
import { describe, expect, it } from 'vitest';
import { ShellIntegrationParser, stripAnsi, unescapeMarkValue, type ParsedItem } from '../../../../electron/host/terminal/shellIntegrationParser';

const nonce = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const osc = (body: string, end = '\x07') => `\x1b]${body}${end}`;

/** Adjacent text items joined, so results compare whatever the chunking. */
function parseAll(chunks: string[], parser = new ShellIntegrationParser(nonce)): ParsedItem[] {
  const items: ParsedItem[] = [];
  for (const chunk of chunks) {
    for (const item of parser.feed(chunk)) {
      const last = items[items.length - 1];
      if (item.type === 'text' && last?.type === 'text') last.text += item.text;
      else items.push(item.type === 'text' ? { ...item } : item);
    }
  }
  return items;
}

const session = [
  osc(`633;P;Cwd=/home/me;${nonce}`),
  osc('633;A'),
  'me$ ',
  osc('633;B'),
  'echo "a;b"\r\n',
  osc(`633;C;${nonce}`),
  osc(`633;E;echo "a\\x3bb" ü\\\\;${nonce}`, '\x1b\\'),
  '\x1b[1;31ma;b\x1b[0m ü\r\n',
  osc(`633;D;0;${nonce}`),
].join('');

describe('ShellIntegrationParser', () => {
  it('yields marks in order with the text between them', () => {
    expect(parseAll([session])).toEqual([
      { type: 'cwd', path: '/home/me', trusted: true },
      { type: 'promptStart', trusted: false },
      { type: 'text', text: 'me$ ' },
      { type: 'promptEnd', trusted: false },
      { type: 'text', text: 'echo "a;b"\r\n' },
      { type: 'outputStart', trusted: true },
      { type: 'commandLine', commandLine: 'echo "a;b" ü\\', trusted: true },
      { type: 'text', text: 'a;b ü\r\n' },
      { type: 'commandEnd', exitCode: 0, trusted: true },
    ]);
  });

  it('gives the same result when the output is cut at any position', () => {
    const whole = parseAll([session]);
    for (let cut = 1; cut < session.length; cut++) {
      expect(parseAll([session.slice(0, cut), session.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
    expect(parseAll([...session])).toEqual(whole);
  });

  it('does not trust a mark without the nonce, with a wrong one, or when the session has none', () => {
    const forged = [osc('633;E;rm -rf /'), osc('633;E;rm -rf /;fake'), osc('633;D;0'), osc(`633;C;${nonce.slice(1)}`), osc('633;P;Cwd=/etc')].join('');
    expect(parseAll([forged])).toEqual([
      { type: 'commandLine', commandLine: 'rm -rf /', trusted: false },
      { type: 'commandLine', commandLine: 'rm -rf /', trusted: false },
      { type: 'commandEnd', exitCode: 0, trusted: false },
      { type: 'outputStart', trusted: false },
      { type: 'cwd', path: '/etc', trusted: false },
    ]);
    const items = parseAll([osc(`633;C;${nonce}`)], new ShellIntegrationParser(undefined));
    expect(items).toEqual([{ type: 'outputStart', trusted: false }]);
  });

  it('accepts BEL and ST as terminators, and reads D without an exit code', () => {
    expect(parseAll([osc(`633;D;${nonce}`, '\x1b\\') + osc(`633;D;130;${nonce}`, '\x07')])).toEqual([
      { type: 'commandEnd', exitCode: undefined, trusted: true },
      { type: 'commandEnd', exitCode: 130, trusted: true },
    ]);
  });

  it('skips other OSCs (titles, hyperlinks, OSC 133), DCS strings and cancelled sequences', () => {
    const text = [
      osc('0;my title'),
      osc('8;;https://example.com', '\x1b\\'),
      'link',
      osc('8;;', '\x1b\\'),
      osc('133;A'),
      '\x1bP1$r0m\x1b\\',
      '\x1b]633;E;cancelled\x18',
      '\x1b(B\x1b=\x1b[?2004h',
      'done',
    ].join('');
    expect(parseAll([text])).toEqual([{ type: 'text', text: 'linkdone' }]);
  });

  it('drops an OSC longer than a megabyte without keeping it', () => {
    const items = parseAll([`\x1b]633;E;${'x'.repeat(1024 * 1024 + 10)};${nonce}\x07after`]);
    expect(items).toEqual([{ type: 'text', text: 'after' }]);
  });

  it('unescapes backslashes, semicolons and control characters, and leaves other backslashes', () => {
    expect(unescapeMarkValue('a\\\\b\\x3bc\\x0Ad\\x0a\\n')).toBe('a\\b;c\nd\n\\n');
  });
});

describe('stripAnsi', () => {
  it('removes escape sequences and display controls but keeps tabs and line ends', () => {
    expect(stripAnsi('\x1b[32mok\x1b[0m\tdone\x07\r\nbar\x08\x08z\x1b]0;t\x07')).toBe('ok\tdone\r\nbarz');
  });
});
