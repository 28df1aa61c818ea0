// A text too long for a note goes on the record as a text evidence blob instead (hashed and kept whole,
// like any attachment), named after the time it was attached.
import type { Evidence } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';

/** UTF-8, then base64 in slices (String.fromCharCode takes only so many arguments). */
function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

export function attachTextAsEvidence(incidentId: string, text: string, now = new Date()): Promise<Evidence> {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '').replace('T', '-');
  return hostClient.call('evidence.add', { incidentId, name: `note-${stamp}Z.txt`, contentBase64: base64OfText(text), mediaType: 'text/plain; charset=utf-8', source: 'note' });
}
