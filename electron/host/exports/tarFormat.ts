// Pieces of the tar format shared by the writer and the reader.

export const blockSize = 512;

/** A structural problem with an archive (or with what we were asked to put in one). */
export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

/** A NUL-terminated text field. */
export function textField(header: Uint8Array, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8');
}

/** An octal number field, or GNU base-256 when the high bit of the first byte is set; NaN if unreadable. */
export function numberField(header: Uint8Array, offset: number, length: number): number {
  if ((header[offset]! & 0x80) !== 0) {
    let value = BigInt(header[offset]! & 0x7f);
    for (let index = offset + 1; index < offset + length; index++) value = (value << 8n) | BigInt(header[index]!);
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : NaN;
  }
  const digits = textField(header, offset, length).trim();
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : digits === '' ? 0 : NaN;
}

/** True when the stored checksum matches the header (its own field counted as spaces). */
export function checksumMatches(header: Uint8Array): boolean {
  const stored = numberField(header, 148, 8);
  let sum = 0;
  for (let index = 0; index < blockSize; index++) sum += index >= 148 && index < 156 ? 0x20 : header[index]!;
  return stored === sum;
}

/** pax extended header records: "<length> <key>=<value>\n", repeated. */
export function parsePaxRecords(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    const length = space === -1 ? NaN : Number(body.subarray(offset, space).toString('ascii'));
    if (!Number.isInteger(length) || length <= 0 || offset + length > body.length) throw new TarFormatError('a pax extended header is malformed');
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}
