/**
 * The browser uses a hand-written validator (Zod is too large to ship); these properties hold it
 * to the Zod schemas: same verdict on every input, and the same cleaned value when accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/model/assessment/exchange.ts';
import { assessmentSchemas } from '../../src/model/assessment/schemas.ts';
import { validateAssessmentFile } from '../../src/model/assessment/validate.ts';
import { assessmentFile, mutatedFile } from '../fixtures/assessment/arbitraries.ts';

function agree(input: unknown) {
  const zod = assessmentSchemas().AssessmentFile.safeParse(input);
  const hand = validateAssessmentFile(input);
  expect(hand.ok, `zod ${zod.success ? 'accepted' : `rejected (${zod.error?.issues[0]?.message})`}, hand-written ${hand.ok ? 'accepted' : `rejected (${!hand.ok && hand.error})`}: ${JSON.stringify(input)}`).toBe(zod.success);
  if (zod.success && hand.ok) expect(hand.value).toStrictEqual(zod.data);
  return hand.ok;
}

describe('hand-written validator agrees with the Zod schema', () => {
  it('on generated files, valid and nearly valid', () => {
    let accepted = 0;
    fc.assert(fc.property(assessmentFile, (file) => void (agree(file) && accepted++)), { numRuns: 2000 });
    // The generator must really exercise both verdicts, or this test could not fail.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1900);
  });

  it('on files with one value replaced, one key removed or one key added (including __proto__)', () => {
    fc.assert(fc.property(mutatedFile, (file) => void agree(file)), { numRuns: 3000 });
  });

  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void agree(value)), { numRuns: 500 });
  });

  it('rejects prototype keys with a message naming the key', () => {
    const file = JSON.parse(
      '{"format":"rolebook-assessments","version":1,"kind":"role-guide","docId":"roles/x","assessments":[],"__proto__":{"polluted":true}}',
    );
    const result = validateAssessmentFile(file);
    expect(result).toEqual({ ok: false, error: 'the file: the key "__proto__" is not allowed' });
    expect(assessmentSchemas().AssessmentFile.safeParse(file).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('import never crashes', () => {
  it('on random JSON text and random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), mutatedFile.map((file) => JSON.stringify(file) ?? '')), (text) => {
        const result = parseImport(text, 'roles/team-manager', 'role-guide');
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.message).toMatch(/Nothing was changed\.$/);
      }),
      { numRuns: 1500 },
    );
  });
});
