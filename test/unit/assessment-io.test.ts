import { describe, expect, it } from 'vitest';
import { putAssessment } from '../../src/model/assessment/collection.ts';
import { keyResultsCsv } from '../../src/model/assessment/csv-key-results.ts';
import { skillsCsv } from '../../src/model/assessment/csv-skills.ts';
import { csvField } from '../../src/model/assessment/csv.ts';
import { exportJson, parseImport } from '../../src/model/assessment/exchange.ts';
import { importRefusal, type ImportProblem } from '../../src/model/assessment/messages.ts';
import { ASSESSMENT_VERSION } from '../../src/model/assessment/format.ts';
import type { KeyResultTracking, SkillAssessment } from '../../src/model/assessment/schemas.ts';
import { readShareFragment, shareFragment } from '../../src/model/assessment/share.ts';
import { emptyFile } from '../../src/model/assessment/storage.ts';
import { areaLiaison, teamManager } from '../fixtures/assessment/models.ts';

const docId = teamManager.id;
const q4: SkillAssessment = {
  name: 'me, 2026-Q4',
  updated: '2026-10-01T09:00:00.000Z',
  entries: [
    { skill: 'People Management', level: 300, evidence: 'Led 8 people,\r\nincluding a "hard" re-org', required: 'L300+' },
    { skill: 'Communication', level: 200, evidence: '=HYPERLINK("http://evil")', required: 'L400' },
    { skill: 'Technical skills', level: -1, evidence: '', required: 'L50+' },
    { skill: 'Budgeting', level: 100, evidence: 'old skill', required: 'L200' },
  ],
};
const file = putAssessment(putAssessment(emptyFile(docId, 'role-guide'), q4), { ...q4, name: 'manager view', entries: [] });

describe('JSON export and import', () => {
  it('round-trips the chosen assessment', () => {
    const text = exportJson(file, ['me, 2026-Q4']);
    expect(JSON.parse(text)).toMatchObject({ format: 'rolebook-assessments', version: ASSESSMENT_VERSION, docId, current: 'me, 2026-Q4' });
    expect(parseImport(text, docId, 'role-guide')).toEqual({ ok: true, assessments: [q4] });
  });

  const rejects: [string, string, RegExp][] = [
    ['not JSON', '{"format": ', /cannot be imported because it is not valid JSON\. Nothing was changed\.$/],
    ['someone else’s JSON', '{"name":"x"}', /not a Rolebook assessment export/],
    ['a __proto__ key', exportJson(file, ['me, 2026-Q4']).replace('"name"', '"__proto__": {"isAdmin": true}, "name"'), /the key "__proto__" is not allowed/],
    ['a constructor key', exportJson(file, ['me, 2026-Q4']).replace('"skill"', '"constructor": {"prototype": {}}, "skill"'), /the key "(constructor|prototype)" is not allowed/],
    ['a newer version', exportJson({ ...file, version: 7 } as never, ['me, 2026-Q4']), /newer version of this site \(format 7\), which this page cannot read/],
    ['an unsupported older version', exportJson({ ...file, version: 0 } as never, ['me, 2026-Q4']), /format version 0 can no longer be read/],
    ['another role', exportJson({ ...file, docId: 'roles/architect' }, ['me, 2026-Q4']), /for “roles\/architect”, not for this page \(“roles\/team-manager”\)/],
    ['a playbook tracking', exportJson(emptyFile('playbooks/area-liaison', 'playbook'), []), /holds key results for “playbooks\/area-liaison”/],
    ['no assessments', exportJson(file, []), /holds no assessments/],
    ['a level that is text', exportJson(file, ['me, 2026-Q4']).replace('"level": 300', '"level": "300"'), /assessments\[0\]\.entries\[0\]\.level: expected a level value or null/],
    ['an oversize file', `{"format":"rolebook-assessments","pad":"${'x'.repeat(600_000)}"}`, /too large to be an assessment export \(larger than 512 KB\)/],
  ];
  for (const [label, text, message] of rejects) {
    it(`rejects ${label} with a clear message`, () => {
      const result = parseImport(text, docId, 'role-guide');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(message);
      expect(!result.ok && result.message).toMatch(/Nothing was changed\.$/);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }
});

describe('CSV export (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, doubles quotes, and ends lines with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('')).toBe('');
  });

  it('neutralises spreadsheet formulas in text people typed, and only there', () => {
    expect(csvField('=1+2', true)).toBe("'=1+2");
    expect(csvField('@SUM(A1)', true)).toBe("'@SUM(A1)");
    expect(csvField('-3', true)).toBe("'-3");
    expect(csvField('=1+2', false)).toBe('=1+2');
  });

  it('writes one row per skill with required level, chosen level, result and evidence, removed skills last', () => {
    const csv = skillsCsv(teamManager.levelScale, teamManager.skills, [q4]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Assessment,Skill,Required,Your level,Result,Evidence');
    expect(lines[1]).toBe('"me, 2026-Q4",People Management,L300+,L300 advanced,meets,"Led 8 people,');
    expect(lines[2]).toBe('including a ""hard"" re-org"');
    expect(lines[3]).toBe('"me, 2026-Q4",Portfolio Management,L300+,not assessed,not assessed,');
    expect(csv).toContain('\r\n"me, 2026-Q4",Communication,L400,L200 intermediate,below by 2 levels,"\'=HYPERLINK(""http://evil"")"\r\n');
    expect(csv).toContain('\r\n"me, 2026-Q4",Technical skills,L50+ across M365 Suite,not yet,below by 1 level,\r\n');
    expect(csv.endsWith('\r\n"me, 2026-Q4",Budgeting,L200,L100 essentials,no longer in this role,old skill\r\n')).toBe(true);
    // 1 header + 7 skills + 1 removed, and the embedded CRLF in the evidence.
    expect(csv.match(/\r\n/g)).toHaveLength(10);
  });

  it('writes key results with area, future mark, status and note', () => {
    const tracking: KeyResultTracking = {
      name: 'FY27',
      updated: '2026-10-01T09:00:00Z',
      entries: [{ area: 'FastTrack Readiness', keyResult: 'FT Essentials completion and score for the Area', status: 'in-progress', note: 'pilot, then all' }],
    };
    const csv = keyResultsCsv(areaLiaison.okrs, [tracking]);
    expect(csv.split('\r\n')[0]).toBe('Tracking,Area,Key result,Future,Status,Note');
    expect(csv).toContain('\r\nFY27,FastTrack Readiness,FT Essentials completion and score for the Area,yes,in progress,"pilot, then all"\r\n');
    expect(csv).toContain('\r\nFY27,Business Performance,"Agreement on RFA, Targeting and Health customers",no,not tracked,\r\n');
  });
});

describe('share links', () => {
  it('round-trips the levels through the URL fragment, leaving out evidence', () => {
    const fragment = shareFragment(file, q4);
    expect(fragment).toMatch(/^#assessment=[A-Za-z0-9_-]+$/);
    expect(fragment).not.toContain('Led');
    const shared = readShareFragment(fragment, docId, 'role-guide');
    expect(shared).toEqual({ ok: true, assessment: { ...q4, entries: q4.entries.map((e) => ({ ...e, evidence: '' })) } });
  });

  it('round-trips non-ASCII names', () => {
    const named = { ...q4, name: 'Zoë – 2026 “Q4” 🚀' };
    const shared = readShareFragment(shareFragment(file, named), docId, 'role-guide');
    expect(shared?.ok && shared.assessment.name).toBe('Zoë – 2026 “Q4” 🚀');
  });

  it('round-trips key-result statuses without notes', () => {
    const tracking: KeyResultTracking = {
      name: 'FY27',
      updated: '2026-10-01T09:00:00Z',
      entries: [{ area: 'FastTrack Feedback', keyResult: 'Insights raised through the feedback process', status: 'met', note: 'private' }],
    };
    const playbookFile = putAssessment(emptyFile(areaLiaison.id, 'playbook'), tracking);
    const shared = readShareFragment(shareFragment(playbookFile, tracking), areaLiaison.id, 'playbook');
    expect(shared).toEqual({ ok: true, assessment: { ...tracking, entries: [{ ...tracking.entries[0]!, note: '' }] } });
  });

  it('ignores other fragments and reports damaged or foreign links', () => {
    expect(readShareFragment('#skills', docId, 'role-guide')).toBeNull();
    expect(readShareFragment('', docId, 'role-guide')).toBeNull();
    const fragment = shareFragment(file, q4);
    expect(readShareFragment(fragment.slice(0, -7), docId, 'role-guide')).toMatchObject({ ok: false, message: expect.stringMatching(/damaged|cannot be imported/) });
    expect(readShareFragment('#assessment=%%%', docId, 'role-guide')).toEqual({ ok: false, message: 'This share link is damaged (perhaps cut short when it was copied).' });
    expect(readShareFragment(fragment, 'roles/architect', 'role-guide')).toMatchObject({ ok: false, message: expect.stringMatching(/^This share link holds assessments for “roles\/team-manager”/) });
  });
});

describe('refusal wording', () => {
  it('words every import problem once, naming the file or the share link it came from', () => {
    const problems: ImportProblem[] = [
      { code: 'too-large' },
      { code: 'foreign' },
      { code: 'corrupt', reason: 'it is not valid JSON' },
      { code: 'newer', version: 3 },
      { code: 'other-document', docId: 'roles/architect', here: docId, keyResults: false },
      { code: 'empty' },
    ];
    for (const problem of problems) {
      const file = importRefusal(problem, 'file');
      const link = importRefusal(problem, 'link');
      expect(file).toMatch(/^This file .*\. Nothing was changed\.$/);
      // The same sentence with the link as its subject, made from the problem, not by rewriting the file's sentence.
      expect(link).toBe(file.replace(/^This file/, 'This share link'));
    }
    expect(importRefusal({ code: 'newer', version: 3 }, 'link')).toBe(
      'This share link was exported by a newer version of this site (format 3), which this page cannot read. Nothing was changed.',
    );
    expect(importRefusal({ code: 'link-damaged' }, 'link')).toBe('This share link is damaged (perhaps cut short when it was copied).');
  });
});
