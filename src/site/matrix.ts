/**
 * The skills matrix: every skill across every role, so a reader sees where roles differ. Rows come
 * from the catalog (a role skill with a `skillId` is that catalog skill's row, under the catalog's
 * title, linked to its page); role skills without a catalog entry are matched across roles by name
 * (compared as src/model/skill-names.ts compares them) and still get a row. Catalog skills no role
 * needs come last.
 */
import type { RenderedDocument } from '../model/rendered.ts';
import type { LevelScale, RequiredLevel, RoleGuide, Skill, SkillDocument } from '../model/schemas.ts';
import { skillNameKey } from '../model/skill-names.ts';
import { levelDescription, requiredCode } from '../model/levels.ts';
import { documentHref } from './urls.ts';

export interface MatrixCell {
  level: RequiredLevel;
  /** The role's own scale, which names the level. */
  scale: LevelScale;
  code: string;
  description: string;
  value: number;
  qualifier?: string;
}

export interface MatrixRow {
  skill: string;
  /** The catalog skill's id and page, when the row is a catalog skill. */
  skillId?: string;
  href?: string;
  cells: (MatrixCell | undefined)[];
  /** Roles ask for different levels, or only some roles need the skill. */
  differs: boolean;
}

export interface SkillsMatrix {
  roles: RoleGuide[];
  rows: MatrixRow[];
}

type Draft = Omit<MatrixRow, 'differs'>;

export function skillsMatrix(documents: RenderedDocument[], catalog: readonly SkillDocument[] = []): SkillsMatrix {
  const roles = documents.map((document) => document.model).filter((model): model is RoleGuide => model.kind === 'role-guide');
  const rows = new Map<string, Draft>();
  for (const skill of catalog) {
    rows.set(skill.id, { skill: skill.title, skillId: skill.id, href: documentHref(skill.id), cells: roles.map(() => undefined) });
  }
  roles.forEach((role, column) => {
    for (const skill of role.skills) {
      const key = skill.skillId && rows.has(skill.skillId) ? skill.skillId : `name:${skillNameKey(skill.name)}`;
      let row = rows.get(key);
      if (!row) {
        row = { skill: skill.name, cells: roles.map(() => undefined) };
        rows.set(key, row);
      }
      row.cells[column] ??= cellFor(role, skill);
    }
  });
  return {
    roles,
    rows: [...rows.values()]
      .map((row) => {
        const present = row.cells.filter((cell): cell is MatrixCell => !!cell);
        const differs = present.length > 0 && (present.length < row.cells.length || new Set(present.map((cell) => cell.code)).size > 1);
        return { ...row, differs };
      })
      // Skills most roles share first, then by name.
      .sort((a, b) => count(b) - count(a) || a.skill.localeCompare(b.skill)),
  };
}

function count(row: { cells: (MatrixCell | undefined)[] }): number {
  return row.cells.filter(Boolean).length;
}

function cellFor(role: RoleGuide, skill: Skill): MatrixCell {
  return {
    level: skill.level,
    scale: role.levelScale,
    code: requiredCode(skill.level),
    description: levelDescription(role.levelScale, skill.level),
    value: skill.level.value,
    ...(skill.qualifier ? { qualifier: skill.qualifier } : {}),
  };
}
