import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocument } from '../../src/cli/new.ts';
import { loadContent } from '../../src/content/load.ts';

let contentRoot: string;
const today = new Date(2025, 2, 7); // 7 March 2025, local time as the author sees it

beforeEach(() => {
  contentRoot = mkdtempSync(path.join(os.tmpdir(), 'rolebook-new-'));
});
afterEach(() => rmSync(contentRoot, { recursive: true, force: true }));

describe('createDocument', () => {
  it('writes a role guide that check accepts without errors or warnings, dated today', async () => {
    const { path: file } = await createDocument('role-guide', 'Data Analyst', { contentRoot, today });
    expect(file).toBe(path.join(contentRoot, 'roles', 'data-analyst.md'));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\n# required metadata\ntitle: Role Guide - Data Analyst\n/);
    expect(text).toContain('\nms.date: 3/7/2025\n');
    expect(text).toContain('\nms.topic: role-guide\n');

    const result = await loadContent(contentRoot, { render: false });
    expect(result.problems).toEqual([]);
    const [document] = result.documents;
    expect(document?.model.kind).toBe('role-guide');
    if (document?.model.kind !== 'role-guide') return;
    expect(document.model).toMatchObject({ id: 'roles/data-analyst', title: 'Data Analyst' });
    expect(document.model.meta.date).toBe('2025-03-07');
    expect(document.model.skills.map((skill) => skill.level.code)).toEqual(['L200', 'L300']);
    expect(document.model.successFactors).toHaveLength(1);
  });

  it('writes a playbook that check accepts without errors or warnings', async () => {
    const { path: file } = await createDocument('playbook', 'Area Liaison', { contentRoot, today, author: 'Ann Author' });
    expect(file).toBe(path.join(contentRoot, 'playbooks', 'area-liaison.md'));
    expect(readFileSync(file, 'utf8')).toContain('\nauthor: Ann Author\n');
    const result = await loadContent(contentRoot, { render: false });
    expect(result.problems).toEqual([]);
    const [document] = result.documents;
    expect(document?.model.kind).toBe('playbook');
    if (document?.model.kind !== 'playbook') return;
    expect(document.model.meta.authors).toEqual(['Ann Author']);
    expect(document.model.okrs).toEqual([
      {
        area: 'First area',
        objectives: ['An objective for this area.'],
        keyResults: [
          { text: 'A result you can measure.', future: false },
          { text: 'A result you will measure later', future: true },
        ],
      },
    ]);
  });

  it('refuses to overwrite an existing document and leaves it untouched', async () => {
    mkdirSync(path.join(contentRoot, 'roles'));
    const existing = path.join(contentRoot, 'roles', 'data-analyst.md');
    writeFileSync(existing, 'my work\n');
    await expect(createDocument('role-guide', 'Data Analyst', { contentRoot, today })).rejects.toThrow(
      /^.*roles\/data-analyst\.md already exists; edit it, or choose another name\.$/,
    );
    expect(readFileSync(existing, 'utf8')).toBe('my work\n');
  });

  it('refuses a second document whose name makes the same file', async () => {
    await createDocument('playbook', 'Area Liaison', { contentRoot, today });
    await expect(createDocument('playbook', '  area   LIAISON ', { contentRoot, today })).rejects.toThrow(/already exists/);
  });

  it('quotes names YAML would misread, and they round-trip', async () => {
    await createDocument('role-guide', 'Lead: Ops #2', { contentRoot, today });
    const result = await loadContent(contentRoot, { render: false });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.documents[0]?.model.meta.title).toBe('Role Guide - Lead: Ops #2');
    expect(result.documents[0]?.model.id).toBe('roles/lead-ops-2');
  });

  it.each([
    ['', /Give the new document a name/],
    ['   ', /Give the new document a name/],
    ['***', /no letters or digits/],
    ['Two\nlines', /one line/],
    ['<script>', /may not contain/],
    ['x'.repeat(200), /keep it under 120/],
  ])('rejects the name %j with a one-line message', async (name, message) => {
    const error = await createDocument('role-guide', name, { contentRoot, today }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
