/**
 * The skills catalog meets the role guides: once every document is parsed (or read from the
 * cache), each role skill whose name matches a catalog skill's title or alias gains its `skillId`,
 * and what can only be seen across documents is reported where the author wrote it. Without
 * catalog documents nothing changes and nothing is reported.
 */
import path from 'node:path';
import type { Problem, RoleGuide, Skill, SkillDocument } from '../model/schemas.ts';
import { closestSkillName, skillNameKey } from '../model/skill-names.ts';
import type { RenderedDocument, SourcePlace } from '../model/rendered.ts';

import type { RuleId } from '../model/rules.ts';

/** The problems this step finds across documents: a document parsed on its own never has them. */
export const CROSS_DOCUMENT_RULES = [
  'skill-catalog-duplicate',
  'skill-folder-kind',
  'skill-level-not-described',
  'skill-name-duplicate',
  'skill-not-in-catalog',
  'skill-outside-catalog',
] as const satisfies readonly RuleId[];

/** The folder catalog documents live in, below the content root; their pages are /skills/<name>/. */
export const CATALOG_FOLDER = 'skills';

export interface CatalogLink {
  documents: RenderedDocument[];
  problems: Problem[];
}

interface NameOwner {
  skill: SkillDocument;
  /** The name as written (title or alias). */
  name: string;
}

type Problems = Problem[];

export function linkCatalog(documents: RenderedDocument[], contentRoot: string): CatalogLink {
  const problems: Problems = [];
  const at = (document: RenderedDocument, place: SourcePlace | undefined) => ({
    file: place?.file ?? path.join(contentRoot, document.model.source),
    line: place?.line ?? 1,
    column: place?.column ?? 1,
  });
  checkFolders(documents, at, problems);
  const skills = documents.filter((document): document is RenderedDocument & { model: SkillDocument } => document.model.kind === 'skill');
  if (skills.length === 0) return { documents, problems };
  const names = nameIndex(skills, at, problems);
  const linked = documents.map((document) =>
    document.model.kind === 'role-guide' ? linkRole(document as RenderedDocument & { model: RoleGuide }, names, at, problems) : document,
  );
  return { documents: linked, problems };
}

type At = (document: RenderedDocument, place: SourcePlace | undefined) => Pick<Problem, 'file' | 'line' | 'column'>;

/** Catalog documents live in skills/, and skills/ holds only catalog documents: their pages are /skills/<name>/. */
function checkFolders(documents: RenderedDocument[], at: At, problems: Problems): void {
  for (const document of documents) {
    const inCatalog = document.model.id.split('/')[0] === CATALOG_FOLDER;
    if (document.model.kind === 'skill' && !inCatalog) {
      problems.push({
        ...at(document, undefined),
        severity: 'error',
        message: `This is a catalog skill (ms.topic: skill), but it is not in the ${CATALOG_FOLDER}/ folder. Move it to ${CATALOG_FOLDER}/.`,
        ruleId: 'skill-outside-catalog',
      });
    } else if (document.model.kind !== 'skill' && inCatalog) {
      problems.push({
        ...at(document, undefined),
        severity: 'error',
        message: `The ${CATALOG_FOLDER}/ folder holds catalog skills only, and this document is not one. Add “ms.topic: skill”, or move it out of ${CATALOG_FOLDER}/.`,
        ruleId: 'skill-folder-kind',
      });
    }
  }
}

/** Every title and alias of the catalog, by its compared form; a name two skills claim is an error. */
function nameIndex(skills: (RenderedDocument & { model: SkillDocument })[], at: At, problems: Problems): Map<string, NameOwner> {
  const names = new Map<string, NameOwner>();
  for (const document of skills) {
    const skill = document.model;
    const claims = [
      { name: skill.title, what: 'title', place: document.places?.title },
      ...skill.aliases.map((alias) => ({ name: alias, what: 'alias', place: document.places?.aliases ?? document.places?.title })),
    ];
    for (const claim of claims) {
      const key = skillNameKey(claim.name);
      const owner = names.get(key);
      if (owner && owner.skill.id !== skill.id) {
        problems.push({
          ...at(document, claim.place),
          severity: 'error',
          message: `The ${claim.what} “${claim.name}” is already a name of the skill “${owner.skill.title}” (${owner.skill.source}${owner.name === owner.skill.title ? '' : `, alias “${owner.name}”`}). A name can belong to one skill only.`,
          ruleId: 'skill-name-duplicate',
        });
      } else if (!owner) {
        names.set(key, { skill, name: claim.name });
      }
    }
  }
  return names;
}

function linkRole(document: RenderedDocument & { model: RoleGuide }, names: Map<string, NameOwner>, at: At, problems: Problems): RenderedDocument {
  const role = document.model;
  const known = [...new Set([...names.values()].map((owner) => owner.name))];
  const taken = new Map<string, Skill>();
  const skills = role.skills.map((skill, index): Skill => {
    const place = document.places?.skills?.[index];
    const owner = names.get(skillNameKey(skill.name));
    const earlier = owner && taken.get(owner.skill.id);
    if (owner && earlier) {
      // Saved assessments are keyed by the catalog skill: two rows for one skill would share a key.
      problems.push({
        ...at(document, place),
        severity: 'error',
        message: `“${skill.name}” is the catalog skill “${owner.skill.title}”, which this guide already lists as “${earlier.name}”. List it once.`,
        ruleId: 'skill-catalog-duplicate',
      });
      return skill;
    }
    if (owner) taken.set(owner.skill.id, skill);
    if (!owner) {
      const close = closestSkillName(skill.name, known);
      problems.push({
        ...at(document, place),
        severity: 'warning',
        message: `No catalog skill is called “${skill.name}”${close ? `; did you mean “${close}”?` : `. Add a document for it to ${CATALOG_FOLDER}/, or add this name to the aliases of the catalog skill it is.`}`,
        ruleId: 'skill-not-in-catalog',
      });
      return skill;
    }
    checkDescribed(skill, owner.skill, () => at(document, place), problems);
    return { ...skill, skillId: owner.skill.id };
  });
  return withModel(document, { ...role, skills });
}

/**
 * `document` with another model and every other field as it is: copied by descriptor, not spread,
 * so an HTML the parse cache has not decoded yet stays undecoded (src/content/cache.ts).
 */
function withModel(document: RenderedDocument, model: RoleGuide): RenderedDocument {
  return Object.defineProperties({} as RenderedDocument, { ...Object.getOwnPropertyDescriptors(document), model: { value: model, enumerable: true, writable: true, configurable: true } });
}

/** The level a role requires should be one the catalog says something about (levels below the scale, like L50, have nothing to describe). */
function checkDescribed(skill: Skill, catalog: SkillDocument, where: () => Pick<Problem, 'file' | 'line' | 'column'>, problems: Problems): void {
  const lowest = catalog.levelScale[0]!.value;
  if (skill.level.value < lowest || catalog.levels.some((level) => level.value === skill.level.value)) return;
  problems.push({
    ...where(),
    severity: 'warning',
    message: `“${skill.name}” requires ${skill.level.code}, but the catalog skill “${catalog.title}” (${catalog.source}) does not describe ${skill.level.code}. Add a “### ${skill.level.code}” to its Levels.`,
    ruleId: 'skill-level-not-described',
  });
}
