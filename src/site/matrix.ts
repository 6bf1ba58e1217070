/**
 * The skills matrix: every skill across every role, so a reader sees where roles differ.
 * Skills are matched across roles by name, ignoring case and spacing.
 */
import type { RenderedDocument } from '../model/rendered.ts';
import type { LevelScale, RequiredLevel, RoleGuide, Skill } from '../model/schemas.ts';
import { levelDescription, requiredCode } from '../model/levels.ts';

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
  cells: (MatrixCell | undefined)[];
  /** Roles ask for different levels, or only some roles need the skill. */
  differs: boolean;
}

export interface SkillsMatrix {
  roles: RoleGuide[];
  rows: MatrixRow[];
}

const keyOf = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

export function skillsMatrix(documents: RenderedDocument[]): SkillsMatrix {
  const roles = documents.map((document) => document.model).filter((model): model is RoleGuide => model.kind === 'role-guide');
  const rows = new Map<string, { skill: string; cells: (MatrixCell | undefined)[] }>();
  roles.forEach((role, column) => {
    for (const skill of role.skills) {
      const key = keyOf(skill.name);
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
        const differs = present.length < row.cells.length || new Set(present.map((cell) => cell.code)).size > 1;
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
