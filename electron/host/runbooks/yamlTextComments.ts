// The comment that cuts a runbook's text short: in a plain (unquoted) YAML value, a space and "#" start a
// comment, so `description: Announce the incident in #incident-response` reads as "Announce the incident in"
// and the console shows half a sentence without a word of warning. This finds every comment that starts on
// the same line right after a plain value of a free-text field. Whole-line comments are left alone (authors
// write them on purpose), and so are comments after numbers, flags, ids and choices, which lose no text.
import { isMap, isScalar, isSeq, Scalar, type Document } from 'yaml';
import { isFieldAt, isFreeTextAt, type FieldPath } from './runbookFields';

export interface TextCutByComment {
  /** Where the value lives, e.g. ['steps', 2, 'description']. */
  path: FieldPath;
  /** Offset of the "#" in the text the document was parsed from. */
  offset: number;
  /** The comment as written, from "#" to the end of its line. */
  comment: string;
}

export function textCutByComments(document: Document, text: string): TextCutByComment[] {
  const found: TextCutByComment[] = [];
  // Only where the schema has fields: that bounds the depth, however deep an unknown field's value nests.
  const walk = (node: unknown, path: FieldPath): void => {
    if (!isFieldAt(path)) return;
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, index) => walk(item, [...path, index]));
    else if (isScalar(node) && node.type === Scalar.PLAIN && node.range && isFreeTextAt(path)) {
      // range[1] ends the value, range[2] the node with its trailing comment; "#" after blanks on that line.
      const [, valueEnd, nodeEnd] = node.range;
      const gap = /^[ \t]+#/.exec(text.slice(valueEnd, nodeEnd));
      if (!gap) return;
      const offset = valueEnd + gap[0].length - 1;
      const lineEnd = text.indexOf('\n', offset);
      found.push({ path, offset, comment: text.slice(offset, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '').trimEnd() });
    }
  };
  walk(document.contents, []);
  return found;
}
