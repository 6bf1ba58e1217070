/**
 * Property-based robustness: random edits of the real content documents never crash the parser,
 * and every outcome is either a valid model or positioned messages. Random JSON never crashes the
 * assessment import. Runs are kept modest for a 2-core CI; a failure prints the shrunk edit list.
 */
import fc from 'fast-check';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/content/glossary.ts';
import { parseDocument } from '../../src/content/load.ts';
import { parseImport } from '../../src/model/assessment/exchange.ts';
import { readAssessmentJson } from '../../src/model/assessment/read.ts';
import { readShareFragment, SHARE_PREFIX } from '../../src/model/assessment/share.ts';
import { RolebookDocumentSchema, type GlossaryEntry } from '../../src/model/schemas.ts';
import { findActiveMarkup } from '../fixtures/hostile/harness.ts';
import { siteContent } from '../helpers/site.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

/* ------------------------------------------------------------------------------------------ */
/* Edits of a document, as a list of lines.                                                  */

type Edit = (lines: string[]) => string[];

const at = (lines: string[], fraction: number) => Math.min(lines.length - 1, Math.max(0, Math.floor(fraction * lines.length)));
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Text that means something to one of the parsers, plus arbitrary Unicode (surrogates, controls). */
const token = fc.oneof(
  fc.constantFrom(
    '---', '...', '|', '| a | b |', '|---|---|', '- ', '* ', '> ', '> [!NOTE]', '# ', '## Skills', '### ', '**', '`', '```', '\t', '    ',
    '[!INCLUDE [x](./includes/none.md)]', '[!INCLUDE [x](../../etc/passwd)]', '<br>', '<script>x()</script>', '<!--', ': ', 'key: value',
    '&amp;', '\\', '- People Management – L300+', '– L999+', 'L100 – L400 (essentials/intermediate/advanced/expert)', '**Quantitative**:',
    '(Future)', '&#0;', '\u200b', '\ufeff', '\u2028', 'ms.date: 2/30/2019', 'title:', '- [ ] ', '[^1]', '[a]: javascript:x()',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const edit: fc.Arbitrary<[string, Edit]> = fc.oneof(
  fraction.map((f): [string, Edit] => [`delete line @${f.toFixed(3)}`, (l) => l.filter((_, i) => i !== at(l, f))]),
  fraction.map((f): [string, Edit] => [`duplicate line @${f.toFixed(3)}`, (l) => l.flatMap((x, i) => (i === at(l, f) ? [x, x] : [x]))]),
  fc.tuple(fraction, fraction).map(([f, g]): [string, Edit] => [
    `swap lines @${f.toFixed(3)} @${g.toFixed(3)}`,
    (l) => {
      const copy = [...l];
      const [i, j] = [at(l, f), at(l, g)];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    },
  ]),
  fc.tuple(fraction, fraction, token).map(([f, g, text]): [string, Edit] => [
    `insert ${JSON.stringify(text)} @${f.toFixed(3)}:${g.toFixed(3)}`,
    (l) => l.map((x, i) => (i === at(l, f) ? x.slice(0, Math.floor(g * (x.length + 1))) + text + x.slice(Math.floor(g * (x.length + 1))) : x)),
  ]),
  fc.tuple(fraction, token).map(([f, text]): [string, Edit] => [`insert line ${JSON.stringify(text)} @${f.toFixed(3)}`, (l) => l.toSpliced(at(l, f), 0, text)]),
  fraction.map((f): [string, Edit] => [`insert --- @${f.toFixed(3)}`, (l) => l.toSpliced(at(l, f), 0, '---')]),
  fc.tuple(fc.constantFrom('-', '–', '—', '−'), fc.constantFrom('-', '–', '—', '−')).map(([from, to]): [string, Edit] => [
    `flip ${from} to ${to}`,
    (l) => l.map((x) => x.replaceAll(from, to)),
  ]),
  fc.tuple(fraction, fc.constantFrom('', ' ', '  ', '    ', '\t', '\t\t', ' \t')).map(([f, indent]): [string, Edit] => [
    `indent line @${f.toFixed(3)} with ${JSON.stringify(indent)}`,
    (l) => l.map((x, i) => (i === at(l, f) ? indent + x.trimStart() : x)),
  ]),
  fraction.map((f): [string, Edit] => [`truncate @${f.toFixed(3)}`, (l) => l.slice(0, at(l, f) + 1).toSpliced(at(l, f), 1, l[at(l, f)]!.slice(0, Math.floor(f * 40)))]),
  fc.constant<[string, Edit]>(['CRLF everywhere', (l) => l.map((x) => (x.endsWith('\r') ? x : `${x}\r`))]),
  fraction.map((f): [string, Edit] => [`CRLF from @${f.toFixed(3)}`, (l) => l.map((x, i) => (i >= at(l, f) && !x.endsWith('\r') ? `${x}\r` : x))]),
  fc.constant<[string, Edit]>(['trailing spaces', (l) => l.map((x) => x.replace(/\r?$/, (end) => `  ${end}`))]),
);

const edits = fc.array(edit, { minLength: 1, maxLength: 6 });

/* ------------------------------------------------------------------------------------------ */

describe('random edits of the content documents', () => {
  let content: string;
  let glossary: GlossaryEntry[];

  beforeAll(async () => {
    content = path.join(await mkdtemp(path.join(os.tmpdir(), 'rolebook-property-')), 'content');
    await cp(siteContent, content, { recursive: true });
    glossary = (await loadGlossary(content)).entries;
  });
  afterAll(async () => {
    await rm(path.dirname(content), { recursive: true, force: true });
  });

  describe.each(['roles/team-manager.md', 'playbooks/area-liaison.md'])('%s', (document) => {
    it('gives a valid model or positioned messages, never a crash', async () => {
      const original = (await readFile(path.join(siteContent, document), 'utf8')).split('\n');
      const target = path.join(content, document);
      const outcomes = { published: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(edits, async (chosen) => {
          const lines = chosen.reduce((current, [, apply]) => (current.length === 0 ? current : apply(current)), original);
          const text = lines.join('\n');
          await writeFile(target, text);
          const parsed = await parseDocument(target, { contentRoot: content, glossary });

          for (const problem of parsed.problems) {
            expect(problem.ruleId, problem.message).not.toBe('internal-error');
            expect(Number.isInteger(problem.line) && problem.line >= 1, JSON.stringify(problem)).toBe(true);
            expect(Number.isInteger(problem.column) && problem.column >= 1, JSON.stringify(problem)).toBe(true);
            expect(problem.message.trim()).not.toBe('');
            if (problem.file === target) {
              // Lines as an editor counts them: CR, LF and CRLF each end one.
              const lineCount = text.split(/\r\n|\r|\n/).length;
              expect(problem.line, `${JSON.stringify(problem)} points past the end of the file`).toBeLessThanOrEqual(lineCount);
            }
          }
          const hasErrors = parsed.problems.some((problem) => problem.severity === 'error');
          outcomes[parsed.document ? 'published' : 'refused'] += 1;
          if (!hasErrors) expect(parsed.document, 'no error, yet no model: the page would silently vanish').toBeDefined();
          if (parsed.document) {
            expect(hasErrors, 'a model was published despite errors').toBe(false);
            expect(RolebookDocumentSchema.safeParse(parsed.document.model).success).toBe(true);
            expect(findActiveMarkup(parsed.document.html)).toEqual([]);
          }
        }),
        { numRuns: RUNS, endOnFailure: false },
      );
      // Both outcomes must occur, or the edits are too weak (or too strong) to test anything.
      expect(outcomes.published).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    }, 180_000);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('random JSON given to the assessment import', () => {
  const kinds = ['role-guide', 'playbook'] as const;
  const envelope = (kind: (typeof kinds)[number], extra: Record<string, unknown>) => ({
    format: 'rolebook-assessments',
    version: 1,
    kind,
    docId: 'roles/team-manager',
    assessments: [],
    ...extra,
  });
  /** Arbitrary JSON, and near-valid files with arbitrary values and prototype keys mixed in. */
  const json = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(fc.constantFrom(...kinds), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'version', 'assessments', 'kind')), fc.jsonValue()))
      .map(([kind, extra]) => JSON.stringify(envelope(kind, extra))),
    fc
      .tuple(fc.constantFrom(...kinds), fc.jsonValue(), fc.constantFrom('__proto__', 'constructor', 'entries', 'name', 'level'))
      .map(([kind, value, key]) =>
        JSON.stringify(envelope(kind, { assessments: [{ name: 'me', updated: '2026-01-01T00:00:00Z', entries: [] }] })).replace(
          '"entries":[]',
          `"entries":[{${JSON.stringify(key)}:${JSON.stringify(value ?? null)}}]`,
        ),
      ),
  );

  it('never throws, and either imports or says why not', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(...kinds), (text, kind) => {
        const imported = parseImport(text, 'roles/team-manager', kind);
        if (imported.ok) expect(imported.assessments.length).toBeGreaterThan(0);
        else expect(imported.message.trim()).not.toBe('');
        const reading = readAssessmentJson(text);
        expect(['ok', 'newer', 'foreign', 'corrupt', 'too-large']).toContain(reading.state);
        const shared = readShareFragment(SHARE_PREFIX + Buffer.from(text).toString('base64url'), 'roles/team-manager', kind);
        expect(shared === null || typeof shared.ok === 'boolean').toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses prototype keys at any depth', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = JSON.stringify(envelope('role-guide', { assessments: [{ name: 'me', updated: '2026-01-01T00:00:00Z', entries: [] }] })).replace(
        '"entries":[]',
        `"entries":[{"${key}":{"polluted":true}}]`,
      );
      const imported = parseImport(text, 'roles/team-manager', 'role-guide');
      expect(imported).toEqual({ ok: false, message: expect.stringContaining(key) });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads random share fragments without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (tail) => {
        const shared = readShareFragment(SHARE_PREFIX + tail, 'roles/team-manager', 'role-guide');
        expect(shared === null || typeof shared.ok === 'boolean').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
