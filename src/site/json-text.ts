/**
 * JSON text written out a piece at a time, for data files too large to build as one string in the
 * Astro process while it renders (`rubric.json`: 7.7 MB at 1,000 documents, 77 MB at 10,000).
 */

/**
 * `${JSON.stringify(values, null, 2)}\n`, one element at a time: joined, the pieces are exactly that
 * text (for elements without a `toJSON` of their own, such as models). An element's own JSON is
 * indented one level deeper by putting two spaces after each of its line breaks: JSON escapes a line
 * break inside a string, so every raw one lies between tokens.
 */
export function* prettyJsonArrayPieces(values: readonly unknown[]): Generator<string> {
  if (values.length === 0) {
    yield '[]\n';
    return;
  }
  for (const [index, value] of values.entries()) {
    // As in an array, what has no JSON (undefined, a function) is null.
    const json = JSON.stringify(value, null, 2) ?? 'null';
    yield `${index === 0 ? '[\n  ' : ',\n  '}${json.replaceAll('\n', '\n  ')}`;
  }
  yield '\n]\n';
}
