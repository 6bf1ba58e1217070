/** Site paths, one rule for every layer. */

/** `value` with exactly one trailing slash: `/playbook` → `/playbook/`; `/` stays `/`. */
export function withTrailingSlash(value: string): string {
  return value.endsWith('/') ? value : `${value}/`;
}
