/**
 * Share links: `#assessment=<base64url JSON>` carrying one assessment's levels or statuses, never
 * its evidence or notes, in the part of the address browsers never send to a server.
 */
import { LIMITS } from './format.ts';
import { parseImport } from './exchange.ts';
import { importRefusal } from './messages.ts';
import type { AnyAssessment, AssessmentFile, AssessmentKind } from './schemas.ts';

export const SHARE_PREFIX = '#assessment=';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The fragment for one assessment, without its evidence or notes (they may be private). */
export function shareFragment(file: AssessmentFile, assessment: AnyAssessment): string {
  const entries = assessment.entries.map((entry) => ('evidence' in entry ? { ...entry, evidence: '' } : { ...entry, note: '' }));
  const shared = { format: file.format, version: file.version, kind: file.kind, docId: file.docId, assessments: [{ ...assessment, entries }] };
  return SHARE_PREFIX + toBase64Url(JSON.stringify(shared));
}

export type SharedReading = { ok: true; assessment: AnyAssessment } | { ok: false; message: string } | null;

/** Reads a share fragment (`location.hash`); null when the fragment is not a share link. */
export function readShareFragment(hash: string, docId: string, kind: AssessmentKind): SharedReading {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const encoded = hash.slice(SHARE_PREFIX.length);
  if (encoded.length > (LIMITS.chars * 4) / 3) return { ok: false, message: importRefusal({ code: 'link-too-long' }, 'link') };
  let text: string;
  try {
    text = fromBase64Url(encoded);
  } catch {
    return { ok: false, message: importRefusal({ code: 'link-damaged' }, 'link') };
  }
  const imported = parseImport(text, docId, kind, 'link');
  if (!imported.ok) return imported;
  const [assessment] = imported.assessments;
  return assessment ? { ok: true, assessment } : null;
}
