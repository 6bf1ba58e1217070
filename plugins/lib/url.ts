/** Percent-encoding in link addresses, read without ever throwing (decodeURIComponent does). */

/**
 * Index of the first `%` that does not begin a valid percent-encoding: a `%` not followed by two
 * hex digits, or a run of `%XX` that is not UTF-8 (`%E0%A4` cut short, `%FF`). Undefined when the
 * whole address decodes.
 */
export function findMalformedPercent(url: string): number | undefined {
  for (const match of url.matchAll(/%(?![0-9a-f]{2})|(?:%[0-9a-f]{2})+/gi)) {
    if (match[0] === '%' || decodeOrUndefined(match[0]) === undefined) return match.index;
  }
  return undefined;
}

/** `decodeURIComponent`, or undefined for malformed input (reported by remark-link-encoding). */
export function decodeOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
