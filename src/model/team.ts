/**
 * The team view's model: reading many exported assessment files, one person per assessment, and
 * the people × skills table against a chosen role's requirements, with its CSV.
 *
 * Files are read with the assessments' own reader and validator (assessment-storage.ts), and the
 * table's results come from assessment.ts's gap logic through career.ts; nothing here is a second
 * copy of either. Pure; no DOM, no storage.
 */
import { LIMITS } from './assessment/format.ts';
import { levelLabel, requiredCode, resultText, type SkillResult } from './levels.ts';
import { nameKey, type SkillSummary } from './assessment/gaps.ts';
import type { SkillEntry } from './assessment/schemas.ts';
import { csvDocument } from './assessment/csv.ts';
import { readAssessmentJson } from './assessment/read.ts';
import { entryKey, keysOf, readinessFor, skillKey, skillNameKey, type CareerSkill, type Readiness, type RoleRequirements } from './career.ts';

/** One person: one assessment of an imported file. */
export interface Person {
  name: string;
  updated: string;
  /** The role guide the assessment was made on. */
  docId: string;
  /** The file it came from. */
  source: string;
  entries: SkillEntry[];
}

export type FileProblemCode = 'not-json' | 'foreign' | 'newer' | 'too-large' | 'bad-values' | 'not-skills' | 'empty';
export interface FileProblem {
  file: string;
  code: FileProblemCode;
  reason: string;
}
export type FileReading = { ok: true; people: Person[] } | ({ ok: false } & FileProblem);

/** Bounds on a team, so a hostile set of files cannot exhaust the page. */
export const TEAM_LIMITS = { files: 500, people: 500 } as const;

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Reads one exported file; `size` (bytes, from the File object) refuses a huge file before reading it. */
export function readTeamFile(file: string, text: string | null, size = text?.length ?? 0): FileReading {
  const problem = (code: FileProblemCode, reason: string): FileReading => ({ ok: false, file, code, reason });
  // A UTF-8 file of N characters is at most 4N bytes, so larger files cannot be within the limit.
  if (text === null || size > LIMITS.chars * 4) return problem('too-large', `it is larger than ${LIMITS.chars / 1024} KB`);
  const reading = readAssessmentJson(text);
  switch (reading.state) {
    case 'too-large':
      return problem('too-large', reading.error);
    case 'foreign':
      return problem('foreign', 'it is not a Rolebook assessment export (another tool’s format?)');
    case 'newer':
      return problem('newer', `it was exported by a newer version of this site (format ${reading.version})`);
    case 'corrupt':
      // The reader says "corrupt" both for text that is not JSON and for JSON with bad values.
      return isJson(text) ? problem('bad-values', `it has values this page cannot accept: ${reading.error}`) : problem('not-json', 'it is not valid JSON');
  }
  const { file: data } = reading;
  if (data.kind !== 'role-guide') return problem('not-skills', 'it holds key results for a playbook, not a skills assessment');
  if (data.assessments.length === 0) return problem('empty', 'it holds no assessments');
  return {
    ok: true,
    people: data.assessments.map((assessment) => ({
      name: assessment.name,
      updated: assessment.updated,
      docId: data.docId,
      source: file,
      entries: assessment.entries as SkillEntry[],
    })),
  };
}

export interface Duplicate {
  name: string;
  /** The file whose assessment was kept (the most recently updated one). */
  kept: string;
  dropped: string;
}

export interface Team {
  people: Person[];
  duplicates: Duplicate[];
  /** Assessments replaced by a more recent one of the same name: kept for "self beside manager". */
  replaced: Person[];
}

/**
 * Adds people to a team. The same name twice (as a reader compares names) keeps the most
 * recently updated assessment, and the duplicate is reported; on a tie the one already there stays.
 */
export function addPeople(team: Team, incoming: Person[]): Team {
  const people = [...team.people];
  const duplicates = [...team.duplicates];
  const replaced = [...team.replaced];
  // Each name's place, looked up rather than compared with everyone (200 people made 20,000 comparisons).
  const indexByName = new Map<string, number>();
  people.forEach((person, i) => {
    const key = nameKey(person.name);
    if (!indexByName.has(key)) indexByName.set(key, i);
  });
  for (const person of incoming) {
    const key = nameKey(person.name);
    const index = indexByName.get(key) ?? -1;
    const existing = people[index];
    if (!existing) {
      if (people.length < TEAM_LIMITS.people) indexByName.set(key, people.push(person) - 1);
      continue;
    }
    const newer = person.updated > existing.updated;
    const [kept, dropped] = newer ? [person, existing] : [existing, person];
    if (newer) people[index] = person;
    replaced.push(dropped);
    duplicates.push({ name: kept.name, kept: kept.source, dropped: dropped.source });
  }
  return { people, duplicates, replaced };
}

export const emptyTeam = (): Team => ({ people: [], duplicates: [], replaced: [] });

/* ------------------------------------------------------------------------------------------ */
/* The table.                                                                                  */

export interface TeamColumn {
  key: string;
  name: string;
  skillId?: string;
  /** The chosen role's requirement, when it needs this skill. */
  required?: CareerSkill;
  /** People whose level meets (or exceeds) the requirement. */
  meeting: number;
}

export interface TeamCell {
  level: number | null;
  result?: SkillResult;
}

export interface TeamRow {
  person: Person;
  cells: TeamCell[];
  /** Against the chosen role. */
  summary?: SkillSummary;
  /** Skills the chosen role needs that this person has not assessed. */
  missing: string[];
}

export interface TeamTable {
  columns: TeamColumn[];
  rows: TeamRow[];
  /** Skill names in the assessments that no role guide on this site lists. */
  unknownSkills: string[];
}

/**
 * The people × skills table. Columns: the chosen role's skills in its order, then every other
 * skill someone assessed (by name). `roles` are all the site's roles, used to read each person's
 * entries in terms of the role they were made on.
 */
export function teamTable(people: Person[], roles: RoleRequirements[], against: RoleRequirements | undefined): TeamTable {
  const steps = teamTableSteps(people, roles, against);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** People read between two pauses of `teamTableSteps`. */
export const TEAM_TABLE_STEP = 25;

/**
 * `teamTable` a few people at a time: the generator pauses (yields) after every `perStep` people
 * and returns the table when done, so a page can work it out across several tasks.
 */
export function* teamTableSteps(people: Person[], roles: RoleRequirements[], against: RoleRequirements | undefined, perStep = TEAM_TABLE_STEP): Generator<void, TeamTable, void> {
  const roleById = new Map(roles.map((role) => [role.id, role]));
  const known = new Set(roles.flatMap((role) => keysOf(role.skills).keys));
  // The catalog id of a skill known by its key: the first role skill with that key that has one.
  const idByKey = new Map<string, string>();
  for (const role of roles) {
    const keys = keysOf(role.skills).keys;
    role.skills.forEach((skill, i) => {
      if (skill.skillId && !idByKey.has(keys[i]!)) idByKey.set(keys[i]!, skill.skillId);
    });
  }
  const columns: TeamColumn[] = (against?.skills ?? []).map((skill) => ({
    key: skillKey(skill),
    name: skill.name,
    ...(skill.skillId ? { skillId: skill.skillId } : {}),
    required: skill,
    meeting: 0,
  }));
  const index = new Map(columns.map((column, i) => [column.key, i]));
  const unknown = new Map<string, string>();
  const keyed: { person: Person; byKey: Map<string, SkillEntry>; readiness: Readiness | undefined }[] = [];
  for (const person of people) {
    if (keyed.length && keyed.length % perStep === 0) yield;
    const sourceSkills = roleById.get(person.docId)?.skills ?? [];
    const byKey = new Map<string, SkillEntry>();
    for (const entry of person.entries) {
      const key = entryKey(entry, sourceSkills);
      if (byKey.has(key)) continue;
      byKey.set(key, entry);
      if (!index.has(key)) {
        index.set(key, columns.length);
        const skillId = idByKey.get(key);
        columns.push({ key, name: entry.skill, ...(skillId ? { skillId } : {}), meeting: 0 });
      }
      if (!known.has(key)) unknown.set(skillNameKey(entry.skill), entry.skill);
    }
    keyed.push({ person, byKey, readiness: against && readinessFor(person.entries, sourceSkills, against) });
  }
  // The cells, once every column is known.
  const rows: TeamRow[] = [];
  for (const { person, byKey, readiness } of keyed) {
    if (rows.length && rows.length % perStep === 0) yield;
    const cells = columns.map((column, i): TeamCell => {
      const level = byKey.get(column.key)?.level ?? null;
      const result = readiness?.rows[i]?.result;
      if (result && (result.status === 'meets' || result.status === 'above')) column.meeting++;
      return result ? { level, result } : { level };
    });
    rows.push({
      person,
      cells,
      ...(readiness ? { summary: readiness.summary } : {}),
      missing: readiness ? readiness.summary.notAssessed.map((row) => row.skill.name) : [],
    });
  }
  return { columns, rows, unknownSkills: [...unknown.values()] };
}

export type SortKey = { by: 'name' } | { by: 'readiness' } | { by: 'skill'; column: number };
export type SortDirection = 'ascending' | 'descending';

/** Rows sorted by a column; not assessed sorts below every level; ties keep the import order. */
export function sortRows(rows: TeamRow[], key: SortKey, direction: SortDirection): TeamRow[] {
  const value = (row: TeamRow): number | string => {
    if (key.by === 'name') return row.person.name.toLocaleLowerCase();
    if (key.by === 'readiness') return row.summary?.readiness ?? -1;
    return row.cells[key.column]?.level ?? -Infinity;
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return sign * (typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number));
  });
}

/** A cell as text: `L300 advanced — meets`; the same words on the page, in CSV and in print. */
export function cellText(scale: RoleRequirements['scale'], cell: TeamCell): string {
  const level = levelLabel(scale, cell.level);
  return cell.result && cell.level !== null ? `${level} — ${resultText(cell.result)}` : level;
}

/** The whole table as CSV (RFC 4180, formula-neutralised; assessment-io.ts's writer). */
export function teamCsv(table: TeamTable, scale: RoleRequirements['scale']): string {
  const header = [
    'Person',
    'Assessed on',
    'Updated',
    ...(table.rows.some((row) => row.summary) ? ['Readiness'] : []),
    ...table.columns.map((column) => (column.required ? `${column.name} (required ${requiredCode(column.required.level)})` : column.name)),
  ];
  const withReadiness = header[3] === 'Readiness';
  const rows = table.rows.map((row) => {
    const cells = [
      row.person.name,
      row.person.docId,
      row.person.updated,
      ...(withReadiness ? [row.summary ? `${row.summary.readiness}%` : ''] : []),
      ...row.cells.map((cell) => cellText(scale, cell)),
    ];
    // Names and ids come from imported files: treated as typed text.
    return { cells, userText: cells.map((_, i) => i < 2) };
  });
  // Skill names in the header can come from imported files too, so the header goes through the
  // writer as a row of typed text; the writer's own (empty) header line is then cut off.
  return csvDocument([], [{ cells: header, userText: header.map(() => true) }, ...rows]).slice(2);
}
