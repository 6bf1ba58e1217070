import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatProblems, type JsonReport } from '../../src/report/reporters.ts';
import type { Problem } from '../../src/model/schemas.ts';

const cwd = path.resolve('/repo');
const at = (relative: string) => path.join(cwd, relative);

const problems: Problem[] = [
  {
    file: at('content/roles/team-manager.md'),
    line: 40,
    column: 3,
    severity: 'warning',
    message: "'ATU' has no glossary entry",
    ruleId: 'glossary-unknown-term',
  },
  {
    file: at('content/playbooks/area-liaison.md'),
    line: 12,
    column: 1,
    severity: 'error',
    message: 'Include file includes/missing.md does not exist',
    ruleId: 'include-missing',
  },
  {
    file: at('content/roles/team-manager.md'),
    line: 9,
    column: 5,
    severity: 'error',
    message: "Skill 'Communication' has level L500, but this guide's scale ends at L400 (expert)",
    ruleId: 'skill-level-above-scale',
  },
];

describe('text format', () => {
  it('prints one sorted line per problem with paths relative to cwd, then a summary', () => {
    const output = formatProblems(problems, 'text', { cwd, documentCount: 14 });
    expect(output.split('\n')).toEqual([
      'content/playbooks/area-liaison.md:12:1: error: Include file includes/missing.md does not exist [include-missing]',
      "content/roles/team-manager.md:9:5: error: Skill 'Communication' has level L500, but this guide's scale ends at L400 (expert) [skill-level-above-scale]",
      "content/roles/team-manager.md:40:3: warning: 'ATU' has no glossary entry [glossary-unknown-term]",
      '✖ 2 errors, 1 warning in 14 documents',
    ]);
  });

  it('says so when there is nothing to report', () => {
    expect(formatProblems([], 'text', { cwd, documentCount: 14 })).toBe('✔ 14 documents checked, no problems');
    expect(formatProblems([], 'text', { cwd, documentCount: 1 })).toBe('✔ 1 document checked, no problems');
  });

  it('summarises warnings alone without a failure cross', () => {
    const output = formatProblems([problems[0]!], 'text', { cwd, documentCount: 2 });
    expect(output.split('\n').at(-1)).toBe('⚠ 0 errors, 1 warning in 2 documents');
  });

  it('keeps a multi-line message on one line so file:line:col parsers still work', () => {
    const output = formatProblems([{ ...problems[1]!, message: 'first\nsecond\r\nthird' }], 'text', {
      cwd,
      documentCount: 1,
    });
    expect(output.split('\n')[0]).toBe('content/playbooks/area-liaison.md:12:1: error: first second third [include-missing]');
  });

  it('does not mutate the caller’s array', () => {
    const copy = [...problems];
    formatProblems(problems, 'text', { cwd, documentCount: 1 });
    expect(problems).toEqual(copy);
  });
});

describe('github format', () => {
  it('prints workflow commands GitHub turns into annotations on the right lines', () => {
    const output = formatProblems(problems, 'github', { cwd, documentCount: 14 }).split('\n');
    expect(output).toEqual([
      '::error file=content/playbooks/area-liaison.md,line=12,col=1,title=rolebook include-missing::Include file includes/missing.md does not exist',
      "::error file=content/roles/team-manager.md,line=9,col=5,title=rolebook skill-level-above-scale::Skill 'Communication' has level L500, but this guide's scale ends at L400 (expert)",
      "::warning file=content/roles/team-manager.md,line=40,col=3,title=rolebook glossary-unknown-term::'ATU' has no glossary entry",
      '✖ 2 errors, 1 warning in 14 documents',
    ]);
  });

  it('escapes the message and properties per the workflow-commands spec', () => {
    const hostile: Problem = {
      file: at('content/odd, name: 100%.md'),
      line: 1,
      column: 1,
      severity: 'error',
      message: '50% done\r\n::error::injected',
      ruleId: 'a:b,c',
    };
    const [line] = formatProblems([hostile], 'github', { cwd, documentCount: 1 }).split('\n');
    expect(line).toBe(
      '::error file=content/odd%2C name%3A 100%25.md,line=1,col=1,title=rolebook a%3Ab%2Cc::50%25 done%0D%0A::error::injected',
    );
    // The injected command stays inside one line, so the runner cannot read it as a second command.
    expect(line!.split('\n')).toHaveLength(1);
  });

  it('escapes % before anything else so escapes are not double-decoded', () => {
    expect(escapeData('%0A\n')).toBe('%250A%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('json format', () => {
  it('prints counts and the sorted problems with relative paths', () => {
    const report = JSON.parse(formatProblems(problems, 'json', { cwd, documentCount: 14 })) as JsonReport;
    expect(report.documents).toBe(14);
    expect(report.errors).toBe(2);
    expect(report.warnings).toBe(1);
    expect(report.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'content/playbooks/area-liaison.md:12',
      'content/roles/team-manager.md:9',
      'content/roles/team-manager.md:40',
    ]);
    expect(report.problems[1]).toEqual({
      file: 'content/roles/team-manager.md',
      line: 9,
      column: 5,
      severity: 'error',
      message: "Skill 'Communication' has level L500, but this guide's scale ends at L400 (expert)",
      ruleId: 'skill-level-above-scale',
      explanation: '/contributing/rules/#skill-level-above-scale',
    });
  });

  it('links each problem to its rule in the guide, under the base path and on the public site when known', () => {
    const under = (site: { base: string; url?: string }) =>
      (JSON.parse(formatProblems(problems, 'json', { cwd, documentCount: 1, site })) as JsonReport).problems[0]!.explanation;
    expect(under({ base: '/playbook/' })).toBe('/playbook/contributing/rules/#include-missing');
    expect(under({ base: '/playbook', url: 'https://contoso.github.io/' })).toBe('https://contoso.github.io/playbook/contributing/rules/#include-missing');
  });

  it('is valid JSON with no problems', () => {
    expect(JSON.parse(formatProblems([], 'json', { cwd, documentCount: 0 }))).toEqual({
      documents: 0,
      errors: 0,
      warnings: 0,
      problems: [],
    });
  });
});
