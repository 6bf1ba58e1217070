import { describe, expect, it } from 'vitest';
import { deleteAssessment, freeName, mergeAssessments, putAssessment, renameAssessment } from '../../src/model/assessment/collection.ts';
import { ASSESSMENT_VERSION } from '../../src/model/assessment/format.ts';
import { MIGRATIONS, readAssessmentJson } from '../../src/model/assessment/read.ts';
import type { AssessmentFile, SkillAssessment } from '../../src/model/assessment/schemas.ts';
import { emptyFile, loadAssessments, saveAssessments, storageKey } from '../../src/model/assessment/storage.ts';
import { deniedStorage, MemoryStorage } from '../fixtures/assessment/memory-storage.ts';

const docId = 'roles/team-manager';
const key = storageKey(docId);
const q4: SkillAssessment = {
  name: 'me, 2026-Q4',
  updated: '2026-10-01T09:00:00.000Z',
  entries: [
    { skill: 'People Management', level: 300, evidence: 'Led 8 people, "hard" year', required: 'L300+' },
    { skill: 'Technical skills', level: -1, evidence: '', required: 'L50+' },
  ],
};
const withQ4 = (): AssessmentFile => putAssessment(emptyFile(docId, 'role-guide'), q4);

describe('save and load', () => {
  it('round-trips several named assessments per role, under a key per role with the format version', () => {
    const storage = new MemoryStorage();
    const q2 = { ...q4, name: 'me, 2027-Q2', entries: [{ ...q4.entries[0]!, level: 400 }] };
    const file = putAssessment(withQ4(), q2);
    expect(saveAssessments(storage, file)).toEqual({ ok: true });
    expect(JSON.parse(storage.getItem(key)!)).toMatchObject({ format: 'rolebook-assessments', version: ASSESSMENT_VERSION, docId });
    const loaded = loadAssessments(storage, docId, 'role-guide');
    expect(loaded).toEqual({ file, canSave: true });
    expect(loaded.file.assessments.map((a) => a.name)).toEqual(['me, 2026-Q4', 'me, 2027-Q2']);
    expect(loaded.file.current).toBe('me, 2027-Q2');
    // Another role's assessments live under their own key and are not affected.
    expect(loadAssessments(storage, 'roles/other', 'role-guide')).toEqual({ file: emptyFile('roles/other', 'role-guide'), canSave: true });
  });

  it('starts empty when nothing is saved', () => {
    expect(loadAssessments(new MemoryStorage(), docId, 'role-guide')).toEqual({ file: emptyFile(docId, 'role-guide'), canSave: true });
  });
});

describe('corrupt and foreign data', () => {
  for (const [label, raw, reason] of [
    ['text that is not JSON', '{"format":"rolebook-assessments", oops', 'it is not valid JSON'],
    ['another program’s data', '{"theme":"dark"}', 'it is not a Rolebook assessment file'],
    ['our format with a broken field', JSON.stringify({ ...withQ4(), assessments: [{ ...q4, updated: 'last week' }] }), 'assessments[0].updated'],
    ['a prototype-pollution attempt', '{"format":"rolebook-assessments","version":1,"__proto__":{"x":1}}', 'the key "__proto__" is not allowed'],
    ['another page’s assessments', JSON.stringify(emptyFile('roles/other', 'role-guide')), 'it belongs to another page'],
  ] as const) {
    it(`keeps ${label} aside, tells the user, and starts afresh`, () => {
      const storage = new MemoryStorage();
      storage.setItem(key, raw);
      const loaded = loadAssessments(storage, docId, 'role-guide');
      expect(loaded.canSave).toBe(true);
      expect(loaded.file.assessments).toEqual([]);
      expect(loaded.notice?.code).toBe('set-aside');
      expect(loaded.notice?.message).toContain(reason);
      expect(loaded.notice?.message).toContain(loaded.notice!.asideKey!);
      expect(storage.getItem(loaded.notice!.asideKey!)).toBe(raw);
      // Saving now does not touch the data kept aside.
      expect(saveAssessments(storage, withQ4())).toEqual({ ok: true });
      expect(storage.getItem(loaded.notice!.asideKey!)).toBe(raw);
      expect(loadAssessments(storage, docId, 'role-guide').file.assessments).toEqual([q4]);
    });
  }

  it('uses the same aside key for the same data, so reloading does not pile up copies', () => {
    const storage = new MemoryStorage();
    storage.setItem(key, 'garbage');
    const first = loadAssessments(storage, docId, 'role-guide').notice!.asideKey;
    storage.setItem(key, 'garbage');
    expect(loadAssessments(storage, docId, 'role-guide').notice!.asideKey).toBe(first);
    expect(storage.items.size).toBe(1);
  });

  it('refuses to overwrite unreadable data it cannot copy aside, and runs for the session', () => {
    const raw = 'x'.repeat(60);
    const storage = new MemoryStorage(key.length + raw.length + 10);
    storage.setItem(key, raw);
    const loaded = loadAssessments(storage, docId, 'role-guide');
    expect(loaded.canSave).toBe(false);
    expect(loaded.notice?.code).toBe('not-saved');
    expect(loaded.notice?.message).toMatch(/will not overwrite it/);
    expect(storage.getItem(key)).toBe(raw);
  });

  it('moves data that turned corrupt after loading aside before saving over it', () => {
    const storage = new MemoryStorage();
    storage.setItem(key, JSON.stringify(withQ4()));
    loadAssessments(storage, docId, 'role-guide');
    storage.setItem(key, 'written by something else');
    expect(saveAssessments(storage, withQ4())).toEqual({ ok: true });
    expect([...storage.items.values()]).toContain('written by something else');
  });
});

describe('versions', () => {
  const newer = JSON.stringify({ ...withQ4(), version: ASSESSMENT_VERSION + 1, somethingNew: true });

  it('never overwrites a save made by a newer version of the site', () => {
    const storage = new MemoryStorage();
    storage.setItem(key, newer);
    const loaded = loadAssessments(storage, docId, 'role-guide');
    expect(loaded.canSave).toBe(false);
    expect(loaded.notice?.code).toBe('newer');
    expect(loaded.notice?.message).toMatch(`newer version of this site (format ${ASSESSMENT_VERSION + 1}). This page will not change them`);
    expect(saveAssessments(storage, withQ4())).toMatchObject({ ok: false, notice: { code: 'newer' } });
    expect(storage.getItem(key)).toBe(newer);
    expect(storage.items.size).toBe(1);
  });

  it('does not overwrite a newer save another tab made after this page loaded', () => {
    const storage = new MemoryStorage();
    expect(loadAssessments(storage, docId, 'role-guide').canSave).toBe(true);
    storage.setItem(key, newer);
    expect(saveAssessments(storage, withQ4())).toMatchObject({ ok: false, notice: { code: 'newer' } });
    expect(storage.getItem(key)).toBe(newer);
  });

  it('migrates an older version through the migration chain and validates the result', () => {
    // This imagines a version 0 before the first shipped format, run through an invented 0 → 1 step
    // and the real 1 → 2 step, to prove the chain runs in order and its output is checked.
    const v0 = JSON.stringify({ format: 'rolebook-assessments', version: 0, kind: 'role-guide', docId, saved: [{ title: 'old', levels: { Communication: 300 } }] });
    const migrations = {
      ...MIGRATIONS,
      0: (file: Record<string, unknown>) => ({
        format: file.format,
        version: 1,
        kind: file.kind,
        docId: file.docId,
        assessments: (file.saved as { title: string; levels: Record<string, number> }[]).map((old) => ({
          name: old.title,
          updated: '2020-01-01T00:00:00Z',
          entries: Object.entries(old.levels).map(([skill, level]) => ({ skill, level, evidence: '' })),
        })),
      }),
    };
    const reading = readAssessmentJson(v0, migrations);
    expect(reading).toEqual({
      state: 'ok',
      migratedFrom: 0,
      file: { format: 'rolebook-assessments', version: ASSESSMENT_VERSION, kind: 'role-guide', docId, assessments: [{ name: 'old', updated: '2020-01-01T00:00:00Z', entries: [{ skill: 'Communication', level: 300, evidence: '' }] }] },
    });
    // A migration that produces an invalid file is caught by the validator.
    expect(readAssessmentJson(v0, { ...MIGRATIONS, 0: (file) => ({ ...file, version: 1 }) })).toMatchObject({ state: 'corrupt' });
    // A migration that throws is reported, not thrown.
    expect(readAssessmentJson(v0, { 0: () => { throw new Error('bug'); } })).toEqual({ state: 'corrupt', error: 'it could not be converted from format version 0' });
    // Without a migration for that version, the file is unreadable (and so kept aside on load).
    expect(readAssessmentJson(v0)).toEqual({ state: 'corrupt', error: 'format version 0 can no longer be read' });
  });

  it('rejects a missing or nonsensical version', () => {
    const file = withQ4() as unknown as Record<string, unknown>;
    for (const version of [undefined, '1', 1.5, -1, null]) {
      expect(readAssessmentJson(JSON.stringify({ ...file, version }))).toEqual({ state: 'corrupt', error: 'it has no valid format version' });
    }
  });

  it('refuses oversize text before parsing it', () => {
    expect(readAssessmentJson(`"${'x'.repeat(600 * 1024)}"`)).toMatchObject({ state: 'too-large' });
  });
});

describe('storage failures never throw', () => {
  it('reports a full quota and keeps the previous save', () => {
    const storage = new MemoryStorage(2000);
    expect(saveAssessments(storage, withQ4())).toEqual({ ok: true });
    const before = storage.getItem(key);
    const big = putAssessment(withQ4(), { ...q4, name: 'long', entries: [{ ...q4.entries[0]!, evidence: 'e'.repeat(3000) }] });
    const saved = saveAssessments(storage, big);
    expect(saved).toMatchObject({ ok: false, notice: { code: 'quota' } });
    expect(!saved.ok && saved.notice.message).toMatch(/storage is full/);
    expect(storage.getItem(key)).toBe(before);
  });

  it('reports disabled storage (null, or throwing on access) and still hands back an empty file', () => {
    for (const storage of [null, deniedStorage]) {
      const loaded = loadAssessments(storage, docId, 'role-guide');
      expect(loaded).toMatchObject({ canSave: false, notice: { code: 'unavailable' } });
      expect(loaded.file).toEqual(emptyFile(docId, 'role-guide'));
      expect(saveAssessments(storage, withQ4())).toMatchObject({ ok: false, notice: { code: 'unavailable' } });
    }
  });

  it('refuses to save more than the size limit', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...q4, name: `a${i}`, entries: Array.from({ length: 10 }, () => ({ ...q4.entries[0]!, evidence: 'e'.repeat(1500) })) }));
    const file = many.reduce<AssessmentFile>((acc, a) => putAssessment(acc, a), emptyFile(docId, 'role-guide'));
    expect(saveAssessments(new MemoryStorage(), file)).toMatchObject({ ok: false, notice: { code: 'not-saved' } });
  });
});

describe('named assessments', () => {
  it('finds free names, renames, deletes and merges without losing any', () => {
    const file = withQ4();
    expect(freeName(file, 'me, 2026-Q4')).toBe('me, 2026-Q4 (2)');
    expect(freeName(file, '  new\tone ')).toBe('new one');
    const renamed = renameAssessment(file, 'me, 2026-Q4', 'me, Q4');
    expect(renamed.assessments.map((a) => a.name)).toEqual(['me, Q4']);
    expect(renamed.current).toBe('me, Q4');
    const merged = mergeAssessments(renamed, [q4, { ...q4, name: 'me, Q4', entries: [] }]);
    expect(merged.added).toEqual(['me, 2026-Q4', 'me, Q4 (2)']);
    expect(merged.file.assessments).toHaveLength(3);
    const deleted = deleteAssessment(merged.file, merged.file.current!);
    expect(deleted.assessments.map((a) => a.name)).toEqual(['me, Q4', 'me, 2026-Q4']);
    expect(deleted.current).toBe('me, Q4');
  });

  it('does not duplicate an identical import, and refuses to go past the limit', () => {
    const file = withQ4();
    expect(mergeAssessments(file, [q4])).toEqual({ file, added: [] });
    const full = Array.from({ length: 50 }, (_, i) => ({ ...q4, name: `a${i}` })).reduce<AssessmentFile>((acc, a) => putAssessment(acc, a), emptyFile(docId, 'role-guide'));
    expect(mergeAssessments(full, [{ ...q4, name: 'one more' }])).toEqual({ file: full, added: [], full: true });
  });

  it('replaces an assessment of the same name in place', () => {
    const file = putAssessment(putAssessment(withQ4(), { ...q4, name: 'b' }), { ...q4, entries: [] });
    expect(file.assessments.map((a) => [a.name, a.entries.length])).toEqual([['me, 2026-Q4', 0], ['b', 2]]);
  });
});
