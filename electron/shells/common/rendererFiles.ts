// Maps a URL path to a file of the built renderer, for both shells (HTTP in the browser shell, the app://
// protocol in Electron). Paths that try to leave the renderer folder are refused.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererFile {
  path: string;
  mediaType: string;
  /** Content-hashed build output may be cached forever; the HTML shell must always be fresh. */
  immutable: boolean;
}

export function resolveRendererFile(rendererDir: string, urlPath: string): RendererFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) return undefined;
  const candidate = join(rendererDir, relative);
  if (candidate !== rendererDir && !candidate.startsWith(rendererDir + sep)) return undefined;

  if (existsSync(candidate) && statSync(candidate).isFile()) return describe(candidate, relative);
  // Client-side routes (no file extension) all render the console itself.
  if (extname(relative) === '') return describe(join(rendererDir, 'index.html'), 'index.html');
  return undefined;
}

function describe(path: string, relative: string): RendererFile {
  return { path, mediaType: mediaTypes[extname(path)] ?? 'application/octet-stream', immutable: relative.startsWith('assets' + sep) || relative.startsWith('assets/') };
}

export function rendererDirIsBuilt(rendererDir: string): boolean {
  return existsSync(join(rendererDir, 'index.html'));
}
