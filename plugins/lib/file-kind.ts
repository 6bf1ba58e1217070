/**
 * What a file beside the content really is, from its first bytes (its "magic number"), not its name:
 * a file renamed to `.png` is not a picture, and Astro's image pipeline would fail the build on it.
 */

/** Raster formats Astro's image pipeline (sharp) reads, by the extensions authors give them. */
export const RASTER_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'tif', 'tiff'] as const;
export const IMAGE_EXTENSIONS = [...RASTER_EXTENSIONS, 'svg'] as const;

export type SniffedKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'tiff' | 'svg' | 'other';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** How much of an SVG file is searched for its `<svg` element (after an XML prologue, comments, a doctype). */
const SVG_SNIFF_BYTES = 4096;

/** The format the bytes hold, or `other`. */
export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))) return 'avif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (looksLikeSvg(bytes)) return 'svg';
  return 'other';
}

/** Text (no NUL byte) whose first element, after any prologue, comments and doctype, is `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SVG_SNIFF_BYTES);
  if (head.includes(0)) return false;
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const rest = text.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

export function extensionOf(file: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(file);
  return match ? match[1]!.toLowerCase() : '';
}

export function isImageExtension(extension: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

/**
 * Whether bytes match what the extension promises: an `.svg` must hold SVG, any raster extension
 * must hold one of the raster formats (a JPEG saved as `.png` is still read correctly).
 */
export function matchesImageExtension(bytes: Uint8Array, extension: string): boolean {
  const kind = sniffKind(bytes);
  if (extension === 'svg') return kind === 'svg';
  return isImageExtension(extension) && kind !== 'svg' && kind !== 'other';
}
