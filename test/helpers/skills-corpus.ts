/**
 * A generated content folder for the skills matrix at scale: `roles` role guides and `skills`
 * skills, every skill but the last `uncatalogued` with a catalog document. Deterministic, so the
 * site and browser tests see the same matrix. Role r needs skill s unless (r + s) is a multiple of 3;
 * the level cycles through L100–L400 with r + s.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './site.ts';

export interface CorpusShape {
  roles: number;
  skills: number;
  uncatalogued: number;
}

const WORDS = ['Planning', 'Negotiation', 'Forecasting', 'Facilitation', 'Analysis', 'Design', 'Budgeting', 'Hiring', 'Storytelling', 'Security'];
const pad = (n: number) => String(n).padStart(2, '0');

export const skillName = (s: number) => `${WORDS[s % WORDS.length]} ${pad(s)}`;
export const roleTitle = (r: number) => `Generated Role ${pad(r)}`;
export const needs = (r: number, s: number) => (r + s) % 3 !== 0;
export const levelOf = (r: number, s: number) => 100 * (((r + s) % 4) + 1);

function skillDocument(s: number): string {
  const levels = [100, 200, 300, 400].map((value) => `### L${value}\n- ${skillName(s)}: what someone at L${value} does, step ${value / 100}.\n`);
  return `---\ntitle: ${skillName(s)}\nms.topic: skill\n---\n# ${skillName(s)}\n\nWhat ${skillName(s)} is.\n\n## Levels\n\n${levels.join('\n')}`;
}

function roleDocument(r: number, shape: CorpusShape): string {
  const skills: string[] = [];
  for (let s = 1; s <= shape.skills; s++) if (needs(r, s)) skills.push(`- ${skillName(s)} – L${levelOf(r, s)}`);
  return [
    '---',
    `title: ${roleTitle(r)}`,
    'ms.topic: role-guide',
    '---',
    `# ${roleTitle(r)}`,
    '',
    '## Role Description',
    '',
    `Role ${r} does generated work.`,
    '',
    '## Required Capabilities',
    '',
    '- Generated capability.',
    '',
    '## Skills',
    '',
    ...skills,
    '',
    '## Key Stakeholders',
    '',
    '- Teams to agree plans',
    '',
    '## Role Profile',
    '',
    '|Success Factors|Success Indicators|Success Metrics|',
    '|---|---|---|',
    '|**Delivery**:<br>Deliver.|Work is delivered.|**Quantitative**: Delivered work.|',
    '',
  ].join('\n');
}

/** Writes the corpus to test/.output/<name>/content and returns that folder. */
export async function writeSkillsCorpus(name: string, shape: CorpusShape): Promise<string> {
  const root = path.join(projectRoot, 'test/.output', name, 'content');
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, 'roles'), { recursive: true });
  await mkdir(path.join(root, 'skills'), { recursive: true });
  for (let s = 1; s <= shape.skills - shape.uncatalogued; s++) {
    await writeFile(path.join(root, 'skills', `skill-${pad(s)}.md`), skillDocument(s));
  }
  for (let r = 1; r <= shape.roles; r++) await writeFile(path.join(root, 'roles', `role-${pad(r)}.md`), roleDocument(r, shape));
  return root;
}
