import { describe, expect, it } from 'vitest';
import { forgetTeam, loadTeam, saveTeam, TEAM_KEY, TEAM_VERSION } from '../../src/model/team-storage.ts';
import { addPeople, emptyTeam, type Person } from '../../src/model/team.ts';
import { deniedStorage, MemoryStorage } from '../fixtures/assessment/memory-storage.ts';

const person = (name: string, updated: string, source: string): Person => ({
  name,
  updated,
  docId: 'roles/team-manager',
  source,
  entries: [{ skill: 'People Management', level: 300, evidence: 'runs the weekly 1:1s', required: 'L300+' }],
});
const team = addPeople(emptyTeam(), [person('Alex', '2026-01-01T00:00:00Z', 'a.json'), person('Sam', '2026-01-01T00:00:00Z', 's.json'), person('Alex', '2026-02-01T00:00:00Z', 'a2.json')]);

describe('keeping a team in this browser', () => {
  it('keeps nothing until asked, then round-trips people and replaced assessments; forget removes it', () => {
    const storage = new MemoryStorage();
    expect(loadTeam(storage)).toEqual({ team: emptyTeam(), kept: false, canSave: true });
    expect(saveTeam(storage, team)).toEqual({ ok: true });
    const loaded = loadTeam(storage);
    expect(loaded.kept).toBe(true);
    expect(loaded.team.people).toEqual(team.people);
    expect(loaded.team.replaced).toEqual(team.replaced);
    expect(forgetTeam(storage)).toEqual({ ok: true });
    expect(storage.getItem(TEAM_KEY)).toBeNull();
  });

  it('copies a corrupt team aside, unchanged, and starts afresh', () => {
    const storage = new MemoryStorage();
    storage.setItem(TEAM_KEY, '{"format":"rolebook-team","version":1,"people":[');
    const loaded = loadTeam(storage);
    expect(loaded.notice?.code).toBe('set-aside');
    expect(loaded.canSave).toBe(true);
    const aside = [...storage.items.keys()].find((key) => key.startsWith(`${TEAM_KEY}:unreadable:`))!;
    expect(storage.getItem(aside)).toBe('{"format":"rolebook-team","version":1,"people":[');
    expect(storage.getItem(TEAM_KEY)).toBeNull();
  });

  it('leaves out a kept person it cannot read, and says so', () => {
    const storage = new MemoryStorage();
    saveTeam(storage, team);
    const stored = JSON.parse(storage.getItem(TEAM_KEY)!);
    stored.people[0].file.assessments[0].entries[0].level = 'high';
    storage.setItem(TEAM_KEY, JSON.stringify(stored));
    const loaded = loadTeam(storage);
    expect(loaded.team.people.map((p) => p.name)).toEqual(['Sam']);
    expect(loaded.notice?.code).toBe('dropped');
  });

  it('leaves a team saved by a newer version alone', () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ format: 'rolebook-team', version: TEAM_VERSION + 1, people: [] });
    storage.setItem(TEAM_KEY, newer);
    expect(loadTeam(storage)).toMatchObject({ kept: false, canSave: false, notice: { code: 'newer' } });
    expect(saveTeam(storage, team)).toMatchObject({ ok: false, notice: { code: 'newer' } });
    expect(storage.getItem(TEAM_KEY)).toBe(newer);
  });

  it('reports a full storage and a disabled one without throwing', () => {
    expect(saveTeam(new MemoryStorage(200), team)).toMatchObject({ ok: false, notice: { code: 'quota' } });
    expect(loadTeam(deniedStorage)).toMatchObject({ canSave: false, notice: { code: 'unavailable' } });
    expect(saveTeam(deniedStorage, team)).toMatchObject({ ok: false, notice: { code: 'unavailable' } });
    expect(forgetTeam(null)).toMatchObject({ ok: false, notice: { code: 'unavailable' } });
  });

  it('refuses prototype keys in the kept team', () => {
    const storage = new MemoryStorage();
    storage.setItem(TEAM_KEY, '{"format":"rolebook-team","version":1,"people":[],"__proto__":{"x":1}}');
    expect(loadTeam(storage).notice?.code).toBe('set-aside');
  });
});
