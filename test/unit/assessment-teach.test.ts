/**
 * The assessment that teaches (issue 13): saved entries keyed by the catalog skill id, the format
 * version 2 with its migration from version 1 (a real version-1 file loses nothing), and "what to
 * work on next" chosen from the real catalog.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { exportJson, parseImport } from '../../src/model/assessment/exchange.ts';
import { ASSESSMENT_VERSION } from '../../src/model/assessment/format.ts';
import { reconcileSkills, skillEntriesFor } from '../../src/model/assessment/gaps.ts';
import { nextStep } from '../../src/model/assessment/next-step.ts';
import { readAssessmentJson } from '../../src/model/assessment/read.ts';
import { assessmentSchemas, type SkillAssessment, type SkillAssessmentFile, type SkillEntry } from '../../src/model/assessment/schemas.ts';
import { loadAssessments, saveAssessments, storageKey } from '../../src/model/assessment/storage.ts';
import { validateAssessmentFile } from '../../src/model/assessment/validate.ts';
import { NOT_YET } from '../../src/model/levels.ts';
import type { RoleGuide, SkillDocument } from '../../src/model/schemas.ts';
import { MemoryStorage } from '../fixtures/assessment/memory-storage.ts';
import { siteContent } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const v1Text = readFileSync(path.join(root, 'test/fixtures/assessment/team-manager-v1.json'), 'utf8');
const v1 = JSON.parse(v1Text) as { assessments: { name: string; entries: SkillEntry[] }[] };

let role: RoleGuide;
let catalog: Map<string, SkillDocument>;
beforeAll(async () => {
  const content = await loadContent(siteContent, { render: false, cacheDir: false });
  const models = content.documents.map((document) => document.model);
  role = models.find((model): model is RoleGuide => model.kind === 'role-guide' && model.id === 'roles/team-manager')!;
  catalog = new Map(models.filter((model): model is SkillDocument => model.kind === 'skill').map((skill) => [skill.id, skill]));
}, 120_000);

/** What the role page does with a saved assessment: line it up with the guide (which keys it by id). */
const keyed = (guide: RoleGuide, entries: SkillEntry[]) => skillEntriesFor(reconcileSkills(guide.levelScale, guide.skills, entries));
/** The role with one skill renamed as the guide might rename it (to an alias of the same catalog skill). */
const renamed = (guide: RoleGuide, from: string, to: string): RoleGuide => ({
  ...guide,
  skills: guide.skills.map((skill) => (skill.name === from ? { ...skill, name: to } : skill)),
});

describe('a version-1 file (today’s format before this change)', () => {
  it('reads as the current version with every assessment, level and note as it was', () => {
    expect(ASSESSMENT_VERSION).toBe(2);
    const reading = readAssessmentJson(v1Text);
    expect(reading.state).toBe('ok');
    if (reading.state !== 'ok') return;
    expect(reading.migratedFrom).toBe(1);
    expect(reading.file).toMatchObject({ version: 2, docId: 'roles/team-manager', kind: 'role-guide', current: 'me, 2026-Q4' });
    expect(reading.file.assessments).toEqual(v1.assessments.map((assessment) => ({ ...assessment, updated: expect.any(String) })));
    // The browser's validator and the Zod schema agree on the migrated file.
    expect(assessmentSchemas().AssessmentFile.parse(reading.file)).toEqual(reading.file);
  });

  it('loses nothing when the role page keys its entries by catalog skill id, and keeps them through a rename', () => {
    const reading = readAssessmentJson(v1Text);
    if (reading.state !== 'ok') throw new Error(reading.state);
    for (const [i, assessment] of reading.file.assessments.entries()) {
      const entries = keyed(role, assessment.entries as SkillEntry[]);
      const saved = v1.assessments[i]!.entries;
      // Every saved entry is still there, in the guide's order, then the one the guide dropped.
      expect(entries).toHaveLength(saved.length);
      for (const [j, skill] of role.skills.entries()) {
        expect(skill.skillId, skill.name).toMatch(/^skills\//);
        const before = saved.find((entry) => entry.skill === skill.name)!;
        expect(entries[j]).toEqual({ skill: skill.name, skillId: skill.skillId, level: before.level, evidence: before.evidence, required: before.required });
      }
      expect(entries.slice(role.skills.length)).toEqual(saved.filter((entry) => !role.skills.some((skill) => skill.name === entry.skill)));

      // Saved under the new keys, then the guide renames a skill to one of its catalog aliases: nothing is lost.
      const after = keyed(renamed(renamed(role, 'People Management', 'Team Leadership'), 'Collaboration', 'Stakeholder Collaboration'), entries);
      expect(after.map((entry) => [entry.skillId, entry.level, entry.evidence])).toEqual(entries.map((entry) => [entry.skillId, entry.level, entry.evidence]));
      expect(after.map((entry) => entry.skill).slice(0, 6)).toEqual([
        'Team Leadership',
        'Portfolio Management',
        'Operational Excellence',
        'Mentoring/Coaching',
        'Communication',
        'Stakeholder Collaboration',
      ]);
    }
  });

  it('loads from storage, saves back as version 2 keyed by id, and exports and imports as version 2', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(role.id), v1Text);
    const loaded = loadAssessments(storage, role.id, 'role-guide');
    expect(loaded.notice).toBeUndefined();
    expect(loaded.canSave).toBe(true);
    // The island's store normalises each assessment before saving; the same here.
    const file: SkillAssessmentFile = {
      ...(loaded.file as SkillAssessmentFile),
      assessments: (loaded.file.assessments as SkillAssessment[]).map((assessment) => ({ ...assessment, entries: keyed(role, assessment.entries) })),
    };
    expect(saveAssessments(storage, file)).toEqual({ ok: true });
    const stored = JSON.parse(storage.getItem(storageKey(role.id))!);
    expect(stored.version).toBe(2);
    expect(stored.assessments[1].entries[0]).toEqual({
      skill: 'People Management',
      skillId: 'skills/people-management',
      level: 300,
      evidence: 'Led 8 people through a "hard" re-org,\nno one left',
      required: 'L300+',
    });
    expect(loadAssessments(storage, role.id, 'role-guide').file).toEqual(file);
    const imported = parseImport(exportJson(file, ['me, 2026-Q4']), role.id, 'role-guide');
    expect(imported).toEqual({ ok: true, assessments: [file.assessments[1]] });
  });
});

describe('entries keyed by catalog skill id', () => {
  const scale = () => role.levelScale;
  it('finds an entry by its id before any name, so a name taken by another skill does not steal it', () => {
    // The guide renamed Collaboration to "Stakeholder Collaboration" and (say) gave another skill the old name.
    const collaboration = role.skills.find((skill) => skill.name === 'Collaboration')!;
    const skills = [
      { ...role.skills[0]!, name: 'Collaboration', skillId: 'skills/people-management' },
      { ...collaboration, name: 'Stakeholder Collaboration' },
    ];
    const entries: SkillEntry[] = [{ skill: 'Collaboration', skillId: 'skills/collaboration', level: 200, evidence: 'joint plan' }];
    const { rows, removed } = reconcileSkills(scale(), skills, entries);
    expect(rows.map((row) => row.entry)).toEqual([undefined, entries[0]]);
    expect(removed).toEqual([]);
  });

  it('falls back to the name for entries without an id, and for skills without a catalog entry', () => {
    const skills = [{ ...role.skills[0]!, skillId: undefined, name: 'Budget Ownership' }, role.skills[1]!];
    const entries: SkillEntry[] = [
      { skill: 'budget  ownership', level: 300, evidence: 'a' },
      { skill: 'Portfolio Management', level: 200, evidence: 'b' },
    ];
    const keyedEntries = skillEntriesFor(reconcileSkills(scale(), skills, entries));
    expect(keyedEntries).toEqual([
      { skill: 'Budget Ownership', level: 300, evidence: 'a', required: 'L300+' },
      { skill: 'Portfolio Management', skillId: 'skills/portfolio-management', level: 200, evidence: 'b', required: 'L300+' },
    ]);
  });

  it('validates skillId as one line of text, in the browser validator and the schema alike', () => {
    const file = (skillId: unknown) => ({
      format: 'rolebook-assessments',
      version: 2,
      kind: 'role-guide',
      docId: 'roles/team-manager',
      assessments: [{ name: 'x', updated: '2026-01-01T00:00:00Z', entries: [{ skill: 'A', skillId, level: 100, evidence: '' }] }],
    });
    for (const [value, ok] of [['skills/a', true], [' skills/a', false], ['', false], [3, false], ['x'.repeat(501), false]] as const) {
      expect(validateAssessmentFile(file(value)).ok, String(value)).toBe(ok);
      expect(assessmentSchemas().AssessmentFile.safeParse(file(value)).success, String(value)).toBe(ok);
    }
    expect(validateAssessmentFile(file(' skills/a'))).toMatchObject({ error: expect.stringMatching(/^assessments\[0\]\.entries\[0\]\.skillId: /) });
  });
});

describe('what to work on next', () => {
  const people = () => catalog.get('skills/people-management')!;
  const codesOf = (skill: SkillDocument, code: string) => skill.levels.find((level) => level.code === code)!.descriptors;

  it('from L100: what L200 looks like, the L100 to L200 tips and the L200 resources', () => {
    const step = nextStep(role.levelScale, people(), 100)!;
    expect(step.level).toEqual({ code: 'L200', value: 200, name: 'intermediate' });
    expect(step.descriptors).toEqual(codesOf(people(), 'L200'));
    expect(step.descriptors[0]).toMatch(/^Sets clear, written expectations/);
    expect(step.tips).toEqual(people().growth.find((growth) => growth.from === 'L100' && growth.to === 'L200')!.tips);
    expect(step.resources.map((resource) => resource.title)).toEqual(['Area Liaison playbook: working with the field']);
  });

  it('from "not yet": the first level, with any tips that lead to it', () => {
    const step = nextStep(role.levelScale, people(), NOT_YET)!;
    expect(step.level.code).toBe('L100');
    expect(step.descriptors).toEqual(codesOf(people(), 'L100'));
    expect(step.tips).toEqual([]);
    expect(step.resources.map((resource) => resource.level)).toEqual(['L100']);
  });

  it('from a level no longer on the scale (L250): the step above, with the tips from the step below', () => {
    const step = nextStep(role.levelScale, people(), 250)!;
    expect(step.level.code).toBe('L300');
    expect(step.tips).toEqual(people().growth.find((growth) => growth.from === 'L200')!.tips);
  });

  it('nothing above the top of the scale, nor when the catalog says nothing about the step', () => {
    expect(nextStep(role.levelScale, people(), 400)).toBeUndefined();
    expect(nextStep(role.levelScale, { levels: [], growth: [], resources: [] }, 100)).toBeUndefined();
    // Only what the catalog has: tips without descriptors still make a step.
    const tipsOnly = nextStep(role.levelScale, { levels: [], growth: [{ from: 'L100', to: 'L200', tips: ['Practise'] }], resources: [] }, 100);
    expect(tipsOnly).toEqual({ level: role.levelScale[1], descriptors: [], tips: ['Practise'], resources: [] });
  });
});
