import { describe, expect, it } from 'vitest';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, LIMITS } from '../../src/model/assessment/format.ts';
import { addPeople, emptyTeam, readTeamFile, sortRows, teamCsv, teamTable, teamTableSteps, type Person } from '../../src/model/team.ts';
import { architect, manager } from '../fixtures/career/roles.ts';

const exported = (docId: string, assessments: { name: string; updated: string; entries: { skill: string; level: number | null; evidence: string }[] }[]) =>
  JSON.stringify({ format: ASSESSMENT_FORMAT, version: ASSESSMENT_VERSION, kind: 'role-guide', docId, assessments });

const alex = { name: 'Alex', updated: '2026-10-01T09:00:00Z', entries: [{ skill: 'People Management', level: 300, evidence: '' }, { skill: 'Communication', level: 200, evidence: '' }] };
const sam = { name: 'Sam', updated: '2026-09-01T09:00:00Z', entries: [{ skill: 'Mentoring/Coaching', level: 400, evidence: '' }, { skill: 'Budgeting', level: 100, evidence: '' }] };

describe('reading many exported files', () => {
  it('gives one person per assessment, with the file it came from', () => {
    const reading = readTeamFile('two.json', exported('roles/team-manager', [alex, sam]));
    expect(reading.ok && reading.people.map((p) => [p.name, p.docId, p.source])).toEqual([
      ['Alex', 'roles/team-manager', 'two.json'],
      ['Sam', 'roles/team-manager', 'two.json'],
    ]);
  });

  it('names the reason a file cannot be read: not JSON, another tool, newer, too large, bad values, playbook, empty', () => {
    const reason = (text: string | null, size?: number) => {
      const reading = readTeamFile('f.json', text, size);
      return reading.ok ? 'ok' : reading.code;
    };
    expect(reason('{"format": "rolebook-assess')).toBe('not-json');
    expect(reason(JSON.stringify({ format: 'snowflake', tracks: {} }))).toBe('foreign');
    expect(reason(JSON.stringify({ format: ASSESSMENT_FORMAT, version: ASSESSMENT_VERSION + 1 }))).toBe('newer');
    expect(reason(' '.repeat(LIMITS.chars + 1))).toBe('too-large');
    expect(reason(null, 50 * 1024 * 1024)).toBe('too-large');
    expect(reason(exported('roles/team-manager', [{ ...alex, entries: [{ skill: 'X', level: 'high' as never, evidence: '' }] }]))).toBe('bad-values');
    expect(reason(JSON.stringify({ format: ASSESSMENT_FORMAT, version: ASSESSMENT_VERSION, kind: 'playbook', docId: 'playbooks/x', assessments: [] }))).toBe('not-skills');
    expect(reason(exported('roles/team-manager', []))).toBe('empty');
    const bad = readTeamFile('f.json', exported('roles/team-manager', [{ ...alex, entries: [{ skill: 'X', level: 'high' as never, evidence: '' }] }]));
    expect(!bad.ok && bad.reason).toMatch(/assessments\[0\]\.entries\[0\]\.level/);
  });
});

const person = (name: string, updated: string, source: string, entries: Person['entries'] = [], docId = 'roles/team-manager'): Person => ({ name, updated, docId, source, entries });

describe('team aggregation', () => {
  it('keeps the most recently updated assessment of a name and reports the duplicate', () => {
    const old = person('Alex', '2026-01-01T00:00:00Z', 'old.json');
    const recent = person('alex ', '2026-06-01T00:00:00Z', 'new.json');
    const team = addPeople(addPeople(emptyTeam(), [old, person('Sam', '2026-01-01T00:00:00Z', 's.json')]), [recent]);
    expect(team.people.map((p) => p.source)).toEqual(['new.json', 's.json']);
    expect(team.duplicates).toEqual([{ name: 'alex ', kept: 'new.json', dropped: 'old.json' }]);
    expect(team.replaced).toEqual([old]);
    // An older copy arriving later does not replace the newer one.
    const again = addPeople(team, [old]);
    expect(again.people[0]!.source).toBe('new.json');
    expect(again.duplicates.at(-1)).toEqual({ name: 'alex ', kept: 'new.json', dropped: 'old.json' });
  });

  it('builds people × skills against a role: results, count meeting, readiness, missing and unknown skills', () => {
    const people = [person('Alex', alex.updated, 'a.json', alex.entries), person('Sam', sam.updated, 's.json', sam.entries)];
    const table = teamTable(people, [manager, architect], architect);
    expect(table.columns.map((c) => [c.name, c.skillId ?? null, c.required?.level.code ?? null, c.meeting])).toEqual([
      ['Coaching & Mentoring', 'mentoring-coaching', 'L200', 1],
      ['communication', null, 'L300', 0],
      ['Solution Architecture', 'solution-architecture', 'L400', 0],
      ['Technical Skills', null, 'L300', 0],
      ['People Management', 'people-management', null, 0],
      ['Budgeting', null, null, 0],
    ]);
    const [a, s] = table.rows;
    expect(a!.cells.map((c) => c.result?.status ?? null)).toEqual(['not-assessed', 'below', 'not-assessed', 'not-assessed', null, null]);
    expect(a!.cells[1]).toEqual({ level: 200, result: { status: 'below', by: 1 } });
    expect(a!.cells[4]).toEqual({ level: 300 });
    expect(s!.summary).toMatchObject({ met: 1, total: 4, readiness: 25 });
    expect(a!.missing).toEqual(['Coaching & Mentoring', 'Solution Architecture', 'Technical Skills']);
    expect(table.unknownSkills).toEqual(['Budgeting']);
  });

  it('without a chosen role shows levels only, every skill anyone assessed', () => {
    const table = teamTable([person('Alex', alex.updated, 'a.json', alex.entries)], [manager], undefined);
    expect(table.columns.map((c) => c.name)).toEqual(['People Management', 'Communication']);
    expect(table.rows[0]!.summary).toBeUndefined();
    expect(table.rows[0]!.cells).toEqual([{ level: 300 }, { level: 200 }]);
  });

  it('keeps the first of a name already twice in the team and adds no one past the limit', () => {
    // A team kept by an older version could hold a name twice: the first is the one compared.
    const team = { people: [person('Alex', '2026-02-01T00:00:00Z', 'a1.json'), person('ALEX', '2026-03-01T00:00:00Z', 'a2.json')], duplicates: [], replaced: [] };
    expect(addPeople(team, [person('alex', '2026-04-01T00:00:00Z', 'a3.json')]).people.map((p) => p.source)).toEqual(['a3.json', 'a2.json']);
    const many = Array.from({ length: 502 }, (_, i) => person(`Person ${i}`, alex.updated, `${i}.json`));
    const full = addPeople(emptyTeam(), many);
    expect(full.people).toHaveLength(500);
    // A name seen earlier in the same batch is a duplicate, not a new person.
    expect(addPeople(emptyTeam(), [person('Sam', '2026-01-01T00:00:00Z', '1'), person('sam', '2026-02-01T00:00:00Z', '2')]).people.map((p) => p.source)).toEqual(['2']);
  });

  it('works the table out a few people at a time, to the same table as at once', () => {
    const people = Array.from({ length: 7 }, (_, i) =>
      person(`P${i}`, alex.updated, `${i}.json`, i % 2 ? alex.entries : [...sam.entries, { skill: `Only ${i}`, level: 100, evidence: '' }]),
    );
    const steps = teamTableSteps(people, [manager, architect], architect, 3);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // 7 people read in 3 parts, then their cells in 3 parts: 4 pauses between.
    expect(pauses).toBe(4);
    expect(step.value).toEqual(teamTable(people, [manager, architect], architect));
    expect(step.value.columns.at(-1)!.name).toBe('Only 6');
  });

  it('sorts by name, readiness or a skill, with not assessed lowest and ties in import order', () => {
    const people = [
      person('b', alex.updated, '1', [{ skill: 'Communication', level: 200, evidence: '' }]),
      person('A', alex.updated, '2', []),
      person('c', alex.updated, '3', [{ skill: 'Communication', level: 400, evidence: '' }]),
    ];
    const { rows } = teamTable(people, [manager], manager);
    const names = (sorted: typeof rows) => sorted.map((row) => row.person.name);
    expect(names(sortRows(rows, { by: 'name' }, 'ascending'))).toEqual(['A', 'b', 'c']);
    expect(names(sortRows(rows, { by: 'skill', column: 2 }, 'descending'))).toEqual(['c', 'b', 'A']);
    expect(names(sortRows(rows, { by: 'skill', column: 2 }, 'ascending'))).toEqual(['A', 'b', 'c']);
    expect(names(sortRows(rows, { by: 'readiness' }, 'descending'))).toEqual(['c', 'b', 'A']);
  });
});

describe('team CSV', () => {
  it('is RFC 4180 with CRLF, quotes where needed, and neutralises formulas in names and skills', () => {
    const people = [person('=HYPERLINK("x")', alex.updated, 'a.json', [{ skill: '@SUM(A1)', level: 300, evidence: '' }, { skill: 'Communication', level: 400, evidence: '' }])];
    const csv = teamCsv(teamTable(people, [manager], manager), manager.scale);
    const lines = csv.split('\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe(
      'Person,Assessed on,Updated,Readiness,People Management (required L300+),Mentoring/Coaching (required L300+),Communication (required L400),Technical skills (required L50+),\'@SUM(A1)',
    );
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",roles/team-manager,${alex.updated},25%,not assessed,not assessed,L400 expert — meets,not assessed,L300 advanced`);
    expect(lines).toHaveLength(3);
  });
});
