// One terminal session's command capture: raw pty bytes in, finished commands out. Decodes UTF-8 across
// chunk boundaries (a character split between two reads is not mangled; invalid bytes become U+FFFD),
// parses the shell-integration marks and hands them to the capture.
import { StringDecoder } from 'node:string_decoder';
import { CommandCapture, type CapturedCommand } from './commandCapture';
import { ShellIntegrationParser, type ParserSink } from './shellIntegrationParser';

export interface CommandStreamOptions {
  /** The session's nonce (ShellLaunch.nonce); without one no mark is trusted and nothing is captured. */
  nonce: string | undefined;
  /** Where the shell starts, until it reports a directory. */
  initialCwd: string;
  /** Most output bytes kept per command (head + tail); see CommandCapture. */
  maxOutputBytes?: number;
}

export class CommandStream {
  private readonly decoder = new StringDecoder('utf8');
  private readonly parser: ShellIntegrationParser;
  private readonly capture: CommandCapture;
  private readonly initialCwd: string;
  /** Made once, not per chunk: feed() runs for every pty read. */
  private readonly sink: ParserSink & { finished: CapturedCommand[]; promptShown: boolean };

  constructor(options: CommandStreamOptions) {
    this.parser = new ShellIntegrationParser(options.nonce);
    const capture = new CommandCapture({ initialCwd: options.initialCwd, ...(options.maxOutputBytes === undefined ? {} : { maxOutputBytes: options.maxOutputBytes }) });
    this.capture = capture;
    this.initialCwd = options.initialCwd;
    this.sink = {
      finished: [],
      promptShown: false,
      text: (text) => capture.text(text),
      mark(mark) {
        if (mark.type === 'promptEnd') this.promptShown = true;
        const command = capture.mark(mark);
        if (command) this.finished.push(command);
      },
    };
  }

  /** Returns the commands this chunk completed, in order. */
  feed(data: Buffer): CapturedCommand[] {
    return this.parse(this.decoder.write(data));
  }

  /** The shell ended: what its last output completes, then the command it left running, if any. */
  end(howTheShellEnded: string): CapturedCommand[] {
    const finished = this.parse(this.decoder.end());
    const unfinished = this.capture.endUnfinished(howTheShellEnded);
    return unfinished ? [...finished, unfinished] : finished;
  }

  private parse(text: string): CapturedCommand[] {
    if (text.length === 0) return [];
    const finished: CapturedCommand[] = [];
    this.sink.finished = finished;
    this.parser.parse(text, this.sink);
    return finished;
  }

  /** The directory the shell last reported. */
  get cwd(): string {
    return this.capture.currentCwd ?? this.initialCwd;
  }

  /** True once a mark signed with the session's nonce arrived: the integration is running. The shell sends
   * one with its first prompt, so a session still without one after a few seconds has no capture. */
  get marksSeen(): boolean {
    return this.capture.marksSeen;
  }

  /** True once the shell finished drawing a prompt: line editing is on, typed text is echoed once. */
  get promptShown(): boolean {
    return this.sink.promptShown;
  }

  /** True between a command's start and end. */
  get commandRunning(): boolean {
    return this.capture.commandRunning;
  }
}
