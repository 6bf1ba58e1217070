/**
 * What counts as a reference to another resource in HTML, shared by the content pipeline (which
 * records the references of each document's hast with their markdown positions) and the output
 * check (which finds them in every built page).
 */

/** Attributes that point at another resource, by element. Names are the same in HTML and in hast. */
export const REFERENCE_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['a', ['href']],
  ['area', ['href']],
  ['link', ['href']],
  ['img', ['src']],
  ['script', ['src']],
  ['source', ['src']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['iframe', ['src']],
  ['form', ['action']],
]);

/** `https:`, `mailto:`, `//host/…`: nothing the site itself has to serve. */
export function isExternalReference(value: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value.trim());
}
