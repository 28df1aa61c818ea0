// Hands a URL to the desktop's default browser. Best effort: the URL is printed anyway.
import { spawn } from 'node:child_process';

/** `url` lands on the opener's command line (and the browser's), which every local user can read: never the token. */
export function openInDefaultBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {
    // No opener on this machine (a server, a container): the printed URL is the way in.
  });
  child.unref();
}
