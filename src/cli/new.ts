/**
 * `rolebook new role|playbook|skill "Name"`: writes a correctly shaped document, dated today, that
 * `rolebook check` accepts, so a content owner starts from the format instead of from memory.
 * It never overwrites: the file is created exclusively, and an existing one is an error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { idForPath, toPosix } from '../../plugins/lib/ids.ts';
import { toMsDate } from '../model/frontmatter.ts';
import { KIND_FOLDER } from '../site/urls.ts';

export type NewDocumentKind = 'role-guide' | 'playbook' | 'skill';

export interface CreateDocumentOptions {
  contentRoot: string;
  /** The date written as ms.date; default now. */
  today?: Date;
  /** Written as `author:`; left as a comment to fill in when not given. */
  author?: string;
}

/** Longest name accepted: titles longer than this are sentences, not names. */
const MAX_NAME_LENGTH = 120;

export async function createDocument(
  kind: NewDocumentKind,
  name: string,
  options: CreateDocumentOptions,
): Promise<{ path: string }> {
  const title = checkName(name);
  const slug = idForPath(title);
  if (!/^[a-z0-9]/.test(slug)) {
    throw new Error(`“${title}” has no letters or digits to make a file name from; use a name such as “Data Analyst”.`);
  }
  const folder = path.join(path.resolve(options.contentRoot), KIND_FOLDER[kind]);
  const file = path.join(folder, `${slug}.md`);
  const text = TEMPLATES[kind](title, options);
  await mkdir(folder, { recursive: true });
  try {
    // `wx`: create or fail, atomically, so two runs (or an existing page) can never be overwritten.
    await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const shown = toPosix(path.relative(process.cwd(), file)) || file;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${shown} already exists; edit it, or choose another name.`, { cause: error });
    }
    throw new Error(`Could not write ${shown}: ${(error as Error).message}`, { cause: error });
  }
  return { path: file };
}

function checkName(name: string): string {
  const title = name.trim().replace(/\s+/g, ' ');
  if (!title) throw new Error('Give the new document a name, e.g. rolebook new role "Data Analyst".');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name.trim())) throw new Error('The name must be one line of plain text.');
  if (title.length > MAX_NAME_LENGTH) throw new Error(`The name is ${title.length} characters long; keep it under ${MAX_NAME_LENGTH}.`);
  if (/^#|[<>`[\]]/.test(title)) throw new Error(`The name “${title}” may not contain <, >, \`, [ or ], or start with #.`);
  return title;
}

/** A YAML scalar: plain when that is unambiguous, otherwise double-quoted (JSON strings are valid YAML). */
function yamlValue(value: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 ()’'&/.,-]*$/.test(value) && !/ $/.test(value);
  // M/D/YYYY is a string to YAML, and authors write ms.date unquoted.
  const date = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value);
  return plain || date ? value : JSON.stringify(value);
}

/** Today as the author sees it (local time), written as ms.date. */
function msDate(date: Date): string {
  return toMsDate(`${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`);
}

function frontMatter(fields: Array<[string, string | undefined]>, comments: string[]): string {
  const lines = ['---', '# required metadata'];
  for (const [key, value] of fields) if (value !== undefined) lines.push(`${key}: ${yamlValue(value)}`);
  lines.push(...comments, '---');
  return lines.join('\n');
}

function roleGuideTemplate(name: string, options: CreateDocumentOptions): string {
  const head = frontMatter(
    [
      ['title', `Role Guide - ${name}`],
      ['description', `What a ${name} does, the skills the role needs and how its success is measured.`],
      ['author', options.author],
      ['ms.date', msDate(options.today ?? new Date())],
      ['ms.topic', 'role-guide'],
      ['ft.audience', 'internal'],
    ],
    [
      ...(options.author ? [] : ['# author: your name (several: A, B and C)']),
      '# ft.owner: alias of the person who keeps this guide up to date',
      '# ms.author: your alias',
      '# manager: your manager’s alias',
    ],
  );
  return `${head}
# ${name}

## Role Description

Say in one or two sentences why this role exists and what difference it makes.

- A main responsibility of the role.

- Another responsibility.

## Required Capabilities

- Something a person in this role must be able to do.

- Another capability.

## Skills

- First skill – L200

- Second skill – L300+

L100 – L400 (essentials/intermediate/advanced/expert)

> [!NOTE]
> Each skill ends with the level the role needs. A "+" means that level or above.

## Key Stakeholders

- The people this role works with, and why

## Role Profile

|Success Factors   |Success Indicators  |Success Metrics  |
|---------|---------|---------|
|**First success factor**:<br>What success looks like in this area.   |What a person in this role does to get there.  |**Quantitative**: A number you track.<br>**Qualitative**: Feedback you collect.  |
`;
}

/** A catalog skill: every level of the default scale described, growth steps and a resource. */
function skillTemplate(name: string, options: CreateDocumentOptions): string {
  const head = frontMatter(
    [
      ['title', name],
      ['description', `What ${name} is, and what each level of it looks like.`],
      ['author', options.author],
      ['ms.date', msDate(options.today ?? new Date())],
      ['ms.topic', 'skill'],
    ],
    [
      ...(options.author ? [] : ['# author: your name (several: A, B and C)']),
      '# aliases: other names role guides use for this skill, e.g. "Name One, Name Two"',
      '# ft.owner: alias of the person who keeps this skill up to date',
    ],
  );
  return `${head}
# ${name}

Say in a paragraph what ${name} is and why it matters.

## Levels

### L100 – Essentials
- Something a person at this level does, that others can see.

### L200 – Intermediate
- Something a person at this level does, that others can see.

### L300 – Advanced
- Something a person at this level does, that others can see.

### L400 – Expert
- Something a person at this level does, that others can see.

## Growing

### L100 to L200
- A concrete step from L100 to L200.

### L200 to L300
- A concrete step from L200 to L300.

### L300 to L400
- A concrete step from L300 to L400.

## Resources
- [A course, a book or a page to learn from](https://learn.microsoft.com/training/) (L100)
`;
}

function playbookTemplate(name: string, options: CreateDocumentOptions): string {
  const head = frontMatter(
    [
      ['title', `Playbook - ${name}`],
      ['description', `How the ${name} works: its objectives and how results are measured.`],
      ['author', options.author],
      ['ms.date', msDate(options.today ?? new Date())],
      ['ms.topic', 'playbook'],
      ['ft.audience', 'internal'],
    ],
    [
      ...(options.author ? [] : ['# author: your name (several: A, B and C)']),
      '# ft.owner: alias of the person who keeps this playbook up to date',
      '# ms.author: your alias',
      '# manager: your manager’s alias',
    ],
  );
  return `${head}
# ${name}

## Overview

Say what this playbook is for and who it helps.

- A first point of the overview.

## Objectives

Say what the people following this playbook set out to achieve.

## Definitions

- A term used in this playbook, and what it means here

## ${name} -- Objectives and Key Results

### First area

#### Objectives

- An objective for this area.

#### Key results

- A result you can measure.

- A result you will measure later (Future)
`;
}

const TEMPLATES: Record<NewDocumentKind, (name: string, options: CreateDocumentOptions) => string> = {
  'role-guide': roleGuideTemplate,
  playbook: playbookTemplate,
  skill: skillTemplate,
};
