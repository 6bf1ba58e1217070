/** Turns a file's bytes into text, refusing binary files and invalid UTF-8 with a position. */

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary' | 'encoding'; line: number; column: number };

/** UTF-8 only; a NUL byte means a binary file. A leading BOM is dropped (it is not text). */
export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', ...positionOfByte(bytes, nul) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'encoding', ...positionOfByte(bytes, firstInvalidUtf8(bytes)) };
  }
}

/** Line and column of a byte as an editor shows them: CR, LF and CRLF end lines; columns count characters (UTF-16 units), not bytes. */
function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, index)).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Index of the first byte of the first invalid sequence. Decoding a prefix in streaming mode
 * fails at the byte that breaks a sequence; when that sequence began with a lead byte still
 * waiting for its continuation bytes, the author's mistake is the lead byte (é written as Latin-1).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const failing = longestValidPrefix(bytes);
  let lead = failing - 1;
  while (lead >= 0 && failing - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  const byte = bytes[lead] ?? 0;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead >= 0 && length > failing - lead ? lead : failing;
}

/** The longest prefix that decodes without error (a partial last sequence allowed). */
function longestValidPrefix(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * C0 controls other than tab, line feed and carriage return, DEL, and C1 controls. They are
 * invisible in editors, invalid in HTML, and in a markdown file only ever come from a paste.
 * (A form feed or vertical tab is white space to markdown, but nobody types one on purpose either.)
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export interface ControlCharacters {
  line: number;
  column: number;
  codePoint: number;
  /** How many the text holds in all. */
  count: number;
}

/** The first control character of `text` (line and column as an editor counts them), and the count. */
export function findControlCharacters(text: string): ControlCharacters | undefined {
  const matches = text.match(CONTROL);
  if (!matches) return undefined;
  const index = text.search(CONTROL);
  const before = text.slice(0, index);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return {
    line: before.split(/\r\n|\r|\n/).length,
    column: index - lineStart + 1,
    codePoint: text.codePointAt(index)!,
    count: matches.length,
  };
}

const CONTROL_NAMES: Record<number, string> = {
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
};

/** `U+001B, escape`. */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[codePoint];
  return name ? `${hex}, ${name}` : hex;
}
