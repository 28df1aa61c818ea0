// Reads an HTTP request body up to a size limit. Past the limit the rest is still read, and dropped, before
// the caller answers: a connection closed while the client's bytes sit unread is reset by TCP, and the client
// then loses the 413 it should have read. A client that keeps sending is answered anyway after a short while.
import type { IncomingMessage } from 'node:http';

export type RequestBody = { kind: 'complete'; text: string } | { kind: 'tooLarge' };

const drainAllowanceMs = 5000;

export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A declared length over the limit is refused without buffering any of it.
    let tooLarge = Number(request.headers['content-length'] ?? 0) > limitBytes;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = (body: RequestBody) => {
      clearTimeout(drainTimer);
      resolve(body);
    };
    const startDraining = () => {
      tooLarge = true;
      chunks.length = 0;
      drainTimer ??= setTimeout(() => finish({ kind: 'tooLarge' }), drainAllowanceMs);
    };
    if (tooLarge) startDraining();

    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limitBytes) startDraining();
      else chunks.push(chunk);
    });
    request.on('end', () => finish(tooLarge ? { kind: 'tooLarge' } : { kind: 'complete', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', (error) => {
      clearTimeout(drainTimer);
      reject(error);
    });
  });
}

/** "96 MiB" rather than 100663296, for messages people read. */
export function describeByteCount(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  if (Number.isInteger(mebibytes)) return `${mebibytes} MiB`;
  const kibibytes = bytes / 1024;
  return Number.isInteger(kibibytes) ? `${kibibytes} KiB` : `${bytes} bytes`;
}
