// Serves the built renderer on app://holdfast/ instead of file:// (a real origin for CSP, no access to
// the rest of the disk), with the same security headers as the browser shell.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../common/contentSecurityPolicy';
import { resolveRendererFile } from '../common/rendererFiles';

export const appScheme = 'app';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRendererOverAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'holdfast' ? resolveRendererFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file.path), { headers: { ...securityHeaders(), 'Content-Type': file.mediaType } });
  });
}
