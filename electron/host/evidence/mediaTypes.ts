// A media type for an attachment: from its name, else sniffed (valid UTF-8 without NULs counts as text).
import { extname } from 'node:path';

const byExtension: Record<string, string> = {
  '.txt': 'text/plain', '.log': 'text/plain', '.md': 'text/markdown', '.json': 'application/json', '.yaml': 'application/yaml', '.yml': 'application/yaml',
  '.csv': 'text/csv', '.html': 'text/html', '.xml': 'application/xml', '.sh': 'text/x-shellscript', '.cast': 'application/x-asciicast',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf', '.zip': 'application/zip', '.gz': 'application/gzip', '.tgz': 'application/gzip',
};

export function mediaTypeFor(name: string, head: Uint8Array): string {
  return byExtension[extname(name).toLowerCase()] ?? (looksLikeText(head) ? 'text/plain' : 'application/octet-stream');
}

export function isTextMediaType(mediaType: string): boolean {
  return mediaType.startsWith('text/') || ['application/json', 'application/yaml', 'application/xml', 'application/x-asciicast'].includes(mediaType);
}

export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
