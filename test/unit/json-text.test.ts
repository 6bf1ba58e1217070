/** rubric.json is written one model at a time, and must be the same text as written at once. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataFileStreamResponse } from '../../src/pages/_cache-key.ts';
import { prettyJsonArrayPieces } from '../../src/site/json-text.ts';

const atOnce = (values: unknown[]) => `${JSON.stringify(values, null, 2)}\n`;
const joined = (values: unknown[]) => [...prettyJsonArrayPieces(values)].join('');

describe('JSON text a piece at a time', () => {
  it('is JSON.stringify(values, null, 2) and a line break, for any array of JSON values', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (values) => {
        expect(joined(values)).toBe(atOnce(values));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps line breaks and separators inside strings escaped, and writes what has no JSON as null', () => {
    const values = [{ text: 'two\nlines\r\n\u2028', nested: [{ deep: ['a', { b: null }] }, []], empty: {} }, undefined, 'x', 0, [[]]];
    expect(joined(values)).toBe(atOnce(values));
    expect(joined([])).toBe('[]\n');
    expect([...prettyJsonArrayPieces([{ a: 1 }, { b: 2 }])]).toEqual(['[\n  {\n    "a": 1\n  }', ',\n  {\n    "b": 2\n  }', '\n]\n']);
  });

  it('is served by a data file response as the same UTF-8 bytes', async () => {
    const values = [{ title: 'Équipe – L300+' }, { title: '日本語' }];
    const response = dataFileStreamResponse(prettyJsonArrayPieces(values));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(atOnce(values), 'utf8'))).toBe(true);
  });
});
