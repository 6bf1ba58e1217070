/**
 * The rule registry (src/model/rules.ts) is complete: every problem Rolebook gives for the
 * fixtures, the hostile corpus's expectations and the project's own content has a registered rule
 * id with that rule's severity, and every rule id written in the sources is registered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { isRuleId, RULE_IDS, RULES, ruleUrl } from '../../src/model/rules.ts';
import type { Problem } from '../../src/model/schemas.ts';
import { siteContent } from '../helpers/site.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const unitFixtures = path.join(projectRoot, 'test/unit/fixtures');
const hostileCorpus = path.join(projectRoot, 'test/fixtures/hostile');

function expectRegistered(problems: Pick<Problem, 'ruleId' | 'severity' | 'message'>[], where: string) {
  for (const problem of problems) {
    expect(isRuleId(problem.ruleId), `${where}: “${problem.ruleId}” is not in src/model/rules.ts (${problem.message})`).toBe(true);
    if (isRuleId(problem.ruleId)) {
      expect(problem.severity, `${where}: ${problem.ruleId} is reported as a ${problem.severity}`).toBe(RULES[problem.ruleId].severity);
    }
  }
}

describe('the rule registry', () => {
  it('has kebab-case ids, each with a severity, a one-line explanation, a fix and an example', () => {
    expect(RULE_IDS.length).toBeGreaterThan(40);
    for (const id of RULE_IDS) {
      expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      const rule = RULES[id];
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.summary, id).toMatch(/^\S.*[.)]$/);
      expect(rule.summary, id).not.toContain('\n');
      expect(rule.fix.trim(), id).not.toBe('');
      expect(rule.example.trim(), id).not.toBe('');
    }
  });

  it('links each rule into the guide for content owners', () => {
    expect(ruleUrl('link-broken', { base: '/' })).toBe('/contributing/rules/#link-broken');
  });

  it.each(readdirSync(unitFixtures).filter((name) => !name.includes('.')))('covers every problem of the %s fixture, loaded now', async (name) => {
    const result = await loadContent(path.join(unitFixtures, name), { render: false, cacheDir: false });
    expectRegistered(result.problems, name);
  }, 60_000);

  it('covers every problem of the demo content, loaded now', async () => {
    const result = await loadContent(siteContent, { render: false, cacheDir: false });
    expectRegistered(result.problems, 'content');
  }, 60_000);

  it('covers every problem the hostile corpus expects', () => {
    const cases = readdirSync(hostileCorpus, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    let checked = 0;
    for (const entry of cases) {
      let expected: { problems?: Problem[] } | Problem[];
      try {
        expected = JSON.parse(readFileSync(path.join(hostileCorpus, entry.name, 'expected.json'), 'utf8'));
      } catch {
        continue; // a `bounded` case has no exact expectation
      }
      const problems = Array.isArray(expected) ? expected : (expected.problems ?? []);
      expectRegistered(problems, entry.name);
      checked += problems.length;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('holds every rule id written in the sources', () => {
    const written = new Set<string>();
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|astro)$/.test(entry.name) && file !== path.join(projectRoot, 'src/model/rules.ts')) {
          for (const match of readFileSync(file, 'utf8').matchAll(/ruleId: '([^']+)'|'([a-z]+(?:-[a-z]+)+)',?\s*\)?;?\s*$/gm)) {
            if (match[1]) written.add(match[1]);
          }
          for (const match of readFileSync(file, 'utf8').matchAll(/(?:report|refuse|fail)\([^;]*?, '([a-z]+(?:-[a-z0-9]+)+)'(?:, '(?:error|warning)')?\)/gs)) {
            written.add(match[1]!);
          }
        }
      }
    };
    walk(path.join(projectRoot, 'src'));
    walk(path.join(projectRoot, 'plugins'));
    expect(written.size).toBeGreaterThan(30);
    // Both ways of writing one are found: problem objects (the link check, freshness) and report() calls.
    for (const id of ['stale-document', 'link-broken', 'id-duplicate', 'skill-duplicate', 'include-cycle', 'section-missing']) expect(written).toContain(id);
    expect([...written].filter((id) => !isRuleId(id))).toEqual([]);
  });
});
