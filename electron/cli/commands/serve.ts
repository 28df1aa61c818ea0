import type { CliCommand } from '../command';
import { consoleUrlLine, startConsoleServer } from '../launchers/consoleServer';
import { openInDefaultBrowser } from '../launchers/openUrl';
import { parsePort } from '../optionValues';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the console to a browser on this machine (127.0.0.1 only, per-launch token)',
  usage: '[--port N] [--no-open]',
  optionHelp: ['-p, --port N   Listen on port N (default: any free port)', '--no-open      Only print the link; do not open a browser'],
  options: { port: { type: 'string', short: 'p' }, 'no-open': { type: 'boolean' } },
  async run(context) {
    const port = parsePort(context.options.port, 'holdfast serve');
    const running = await startConsoleServer(context.dataDir(), port);
    // The printed line goes to the user's own terminal and may carry the token. The opener's command line (and
    // the browser's, which it starts) is readable by every local user: it gets a single-use launch code.
    context.stdout.write(consoleUrlLine(running.shell));
    if (!context.options['no-open']) openInDefaultBrowser(running.shell.launchUrl());
    await running.stopRequested;
    await running.stop();
    return 0;
  },
};
