/**
 * The editor and `rolebook check` give the same verdict on front matter. Each variant is checked
 * twice: as the editor does it (the YAML read by the `yaml` package, as remark-lint-frontmatter-schema
 * reads it, then validated by ajv against the committed schemas/frontmatter.schema.json), and by the
 * real `rolebook check` on a content folder holding one role guide per variant.
 *
 * Rules JSON Schema cannot express are left out of the table: calendar-impossible dates (2/30/2020,
 * stated in the schema's description), YAML tags and aliases, and front matter in another language.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { main, type Io } from '../../src/cli/index.ts';
import type { JsonReport } from '../../src/report/reporters.ts';
import { minimalRoleGuideBody } from '../helpers/role-guide.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(projectRoot, 'schemas/frontmatter.schema.json'), 'utf8')) as object;

type Verdict = 'accepted' | 'refused';
interface Variant {
  name: string;
  /** The lines between the two `---`. */
  yaml: string[];
  verdict: Verdict;
  /** The rule `rolebook check` names when it refuses. */
  rule?: string;
}

const reference = ['title: Role Guide - Variant', 'description: What the role does.', 'author: Ann Author', 'ms.date: 7/26/2019', 'ms.topic: role-guide', 'ft.audience: internal', 'ft.owner: ann'];
/** The reference front matter with `key` replaced by `lines` (or removed when `lines` is empty). */
function withKey(key: string, lines: string[]): string[] {
  const index = reference.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? [...reference, ...lines] : [...reference.slice(0, index), ...lines, ...reference.slice(index + 1)];
}

const variants: Variant[] = [
  { name: 'the reference front matter', yaml: reference, verdict: 'accepted' },
  // The six on which the editor and check disagreed before they shared one schema:
  { name: 'kind: role (a short name for role-guide)', yaml: [...reference, 'kind: role'], verdict: 'accepted' },
  { name: 'kind: Playbook (any letter case)', yaml: [...reference, 'kind: Playbook'], verdict: 'accepted' },
  { name: 'ms.date as an ISO date and time', yaml: withKey('ms.date', ['ms.date: 2025-01-15T10:00Z']), verdict: 'accepted' },
  { name: 'ms.date: 13/45/2020 (no month 13)', yaml: withKey('ms.date', ['ms.date: 13/45/2020']), verdict: 'refused', rule: 'front-matter-date' },
  { name: 'a numeric title', yaml: withKey('title', ['title: 2025']), verdict: 'accepted' },
  { name: 'ft.audience as a YAML list', yaml: withKey('ft.audience', ['ft.audience:', '  - internal', '  - partners']), verdict: 'accepted' },
  // Kinds:
  { name: 'kind: skill', yaml: [...reference, 'kind: skill'], verdict: 'accepted' },
  { name: 'ms.topic: skill', yaml: withKey('ms.topic', ['ms.topic: skill']), verdict: 'accepted' },
  { name: 'ms.topic: Role-Guide', yaml: withKey('ms.topic', ['ms.topic: Role-Guide']), verdict: 'accepted' },
  { name: 'ms.topic naming no kind (the kind comes from the sections)', yaml: withKey('ms.topic', ['ms.topic: conceptual']), verdict: 'accepted' },
  { name: 'kind: manager (not a kind)', yaml: [...reference, 'kind: manager'], verdict: 'refused', rule: 'kind-unknown' },
  { name: 'kind as a list', yaml: [...reference, 'kind: [role-guide]'], verdict: 'refused', rule: 'kind-unknown' },
  // Dates:
  { name: 'ms.date as a YAML date (unquoted)', yaml: withKey('ms.date', ['ms.date: 2019-07-26']), verdict: 'accepted' },
  { name: 'ms.date quoted', yaml: withKey('ms.date', ['ms.date: "2019-07-26"']), verdict: 'accepted' },
  { name: 'ms.date with a leading zero', yaml: withKey('ms.date', ['ms.date: 07/06/2019']), verdict: 'accepted' },
  { name: 'ms.date with a time zone offset', yaml: withKey('ms.date', ['ms.date: 2019-07-26T23:30:00-05:00']), verdict: 'accepted' },
  { name: 'ms.date in words', yaml: withKey('ms.date', ['ms.date: July 26, 2019']), verdict: 'refused', rule: 'front-matter-date' },
  { name: 'ms.date as a number', yaml: withKey('ms.date', ['ms.date: 20190726']), verdict: 'refused', rule: 'front-matter-date' },
  { name: 'ms.date with an impossible hour', yaml: withKey('ms.date', ['ms.date: 2019-07-26T25:00Z']), verdict: 'refused', rule: 'front-matter-date' },
  { name: 'ms.date left empty', yaml: withKey('ms.date', ['ms.date:']), verdict: 'accepted' },
  // Titles:
  { name: 'no title', yaml: withKey('title', []), verdict: 'refused', rule: 'front-matter-title' },
  { name: 'an empty title', yaml: withKey('title', ['title:']), verdict: 'refused', rule: 'front-matter-title' },
  { name: 'a title of spaces', yaml: withKey('title', ['title: "   "']), verdict: 'refused', rule: 'front-matter-title' },
  { name: 'a title as a list', yaml: withKey('title', ['title:', '  - One', '  - Two']), verdict: 'refused', rule: 'front-matter-title' },
  // Lists:
  { name: 'author: A, B and C', yaml: withKey('author', ['author: Ann Author, Bo Builder and Cy Checker']), verdict: 'accepted' },
  { name: 'author as a YAML list', yaml: withKey('author', ['author: [Ann Author, Bo Builder]']), verdict: 'accepted' },
  { name: 'a list with an empty item', yaml: withKey('author', ['author:', '  - Ann Author', '  -']), verdict: 'refused', rule: 'front-matter-list' },
  { name: 'description as a list', yaml: withKey('description', ['description: [one, two]']), verdict: 'refused', rule: 'front-matter-list' },
  { name: 'an extra key with a list', yaml: [...reference, 'ms.custom: [approved, internal-playbook]'], verdict: 'accepted' },
  // Nested objects:
  { name: 'ms.* written as a nested block', yaml: withKey('ms.date', ['ms:', '  date: 7/26/2019']), verdict: 'refused', rule: 'front-matter-nested' },
  { name: 'a nested block under ft.owner', yaml: withKey('ft.owner', ['ft.owner:', '  alias: ann']), verdict: 'refused', rule: 'front-matter-nested' },
  { name: 'a list holding a nested block', yaml: withKey('author', ['author:', '  - name: Ann']), verdict: 'refused', rule: 'front-matter-nested' },
  // Other keys:
  { name: 'an unknown key', yaml: [...reference, 'ms.service: fasttrack'], verdict: 'accepted' },
  { name: 'a yes/no extra key', yaml: [...reference, 'draft: false'], verdict: 'accepted' },
  { name: 'an empty description', yaml: withKey('description', ['description:']), verdict: 'accepted' },
  { name: 'a constructor key', yaml: [...reference, 'constructor: x'], verdict: 'refused', rule: 'front-matter-forbidden-key' },
  { name: 'a __proto__ key', yaml: [...reference, '__proto__: x'], verdict: 'refused', rule: 'front-matter-forbidden-key' },
];

const body = minimalRoleGuideBody('Variant');

const isSkill = (index: number) => variants[index]!.yaml.some((line) => /^(kind|ms\.topic): skill$/.test(line));
/** Catalog skills must live in skills/ (a rule about the folder, not the front matter). */
const fileName = (index: number) => `${isSkill(index) ? 'skills' : 'roles'}/variant-${String(index).padStart(2, '0')}.md`;
/** Two catalog skills may not share a name (a rule across documents): each skill variant has its own H1. */
const bodyOf = (index: number) => (isSkill(index) ? body.replace(/^# .*$/m, `# Skill variant ${index}`) : body);

/** The editor's verdict: YAML as remark-lint-frontmatter-schema reads it, validated by ajv. */
function editorVerdict(yaml: string[]): Verdict {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  return validate(parseDocument(yaml.join('\n')).toJS()) ? 'accepted' : 'refused';
}

let content: string;
let report: JsonReport;

beforeAll(async () => {
  content = mkdtempSync(path.join(os.tmpdir(), 'rolebook-variants-'));
  mkdirSync(path.join(content, 'roles'));
  mkdirSync(path.join(content, 'skills'));
  variants.forEach((variant, index) => writeFileSync(path.join(content, fileName(index)), `---\n${variant.yaml.join('\n')}\n---\n${bodyOf(index)}`));
  const out: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => out.push(text), cwd: content };
  await main(['check', content, '--format', 'json'], io);
  report = JSON.parse(out.join('\n')) as JsonReport;
}, 60_000);
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('front matter variants: the editor schema and rolebook check agree', () => {
  it('has the variants the issue lists and more', () => {
    expect(variants.length).toBeGreaterThanOrEqual(12);
    expect(report.documents).toBe(variants.length);
  });

  it.each(variants.map((variant, index) => [variant.name, variant, index] as const))('%s', (_name, variant, index) => {
    const errors = report.problems.filter((problem) => problem.file === fileName(index) && problem.severity === 'error');
    const check: Verdict = errors.length === 0 ? 'accepted' : 'refused';
    expect({ editor: editorVerdict(variant.yaml), check }).toEqual({ editor: variant.verdict, check: variant.verdict });
    if (variant.rule) expect(errors.map((error) => error.ruleId)).toEqual([variant.rule]);
  });

  it('says in the schema what only check can refuse: a date that is not on the calendar', () => {
    expect((schema as { description: string }).description).toMatch(/2\/30\/2020/);
    expect(editorVerdict(withKey('ms.date', ['ms.date: 2/30/2020']))).toBe('accepted');
  });
});
