/**
 * The Rolebook model: one Zod schema per concept. Every type in the project is inferred from
 * these schemas (`z.infer`), so the pages, the CLI and the JSON export cannot drift apart.
 */
import { z } from 'zod';

/** A calendar date normalised to `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** One step of a level scale, e.g. `{code: 'L300', value: 300, name: 'advanced'}`. */
export const ScaleLevelSchema = z.object({
  code: z.string().regex(/^L\d+$/),
  value: z.number().int().nonnegative(),
  name: z.string().min(1),
});

/** The levels a guide uses, lowest first. Defaults to L100–L400 essentials … expert. */
export const LevelScaleSchema = z
  .array(ScaleLevelSchema)
  .min(1)
  .refine((levels) => levels.every((level, i) => i === 0 || level.value > levels[i - 1]!.value), {
    message: 'levels must be in ascending order',
  });

/** A level a skill requires: `L300+` is `{code: 'L300', value: 300, orAbove: true}`. */
export const RequiredLevelSchema = z.object({
  code: z.string().regex(/^L\d+$/),
  value: z.number().int().nonnegative(),
  orAbove: z.boolean(),
});

/** `- People Management – L300+`, or `- Technical skills – L50+ across M365 Suite` (qualifier). */
export const SkillSchema = z.object({
  name: z.string().min(1),
  level: RequiredLevelSchema,
  qualifier: z.string().min(1).optional(),
  /** The id of the catalog skill (`skills/people-management`) whose title or alias this name matches. */
  skillId: z.string().min(1).optional(),
});

/** `- CXP PMs to drive priority area results` → group `CXP PMs`, purpose `drive priority area results`. */
export const StakeholderSchema = z.object({
  text: z.string().min(1),
  group: z.string().min(1).optional(),
  purpose: z.string().min(1).optional(),
});

/** `**Quantitative**: Customer Health.` in a Role Profile cell; `(Future)` becomes `future: true`. */
export const MetricSchema = z.object({
  kind: z.enum(['quantitative', 'qualitative']),
  name: z.string().min(1),
  future: z.boolean(),
});

/** One row of the Role Profile table. */
export const SuccessFactorSchema = z.object({
  name: z.string().min(1),
  summary: z.string(),
  indicators: z.array(z.string().min(1)),
  metrics: z.array(MetricSchema),
});

/** Normalised front matter. Keys other than the named ones are kept, flat, under `extra`. */
export const MetaSchema = z.object({
  title: z.string().min(1),
  description: z.string().optional(),
  /** `author: A, B and C` becomes `['A', 'B', 'C']`. */
  authors: z.array(z.string().min(1)),
  /** `ms.date`, normalised from M/D/YYYY or ISO to YYYY-MM-DD. */
  date: IsoDateSchema.optional(),
  /** `ms.topic`. */
  topic: z.string().optional(),
  /** `ft.audience`. */
  audience: z.string().optional(),
  /** `ft.owner`. */
  owner: z.string().optional(),
  /** Every other key (`manager`, `ms.author`, `ms.prod`, …), as strings or lists of strings. */
  extra: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

export const DocumentKindSchema = z.enum(['role-guide', 'playbook', 'skill']);

const documentBase = {
  /** Stable id: the path below the content root without extension, e.g. `roles/team-manager`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9/_-]*$/, 'ids are lower-case letters, digits, -, _ and /'),
  /** Path of the source file relative to the content root, with `/` separators. */
  source: z.string().min(1),
  meta: MetaSchema,
  /** The H1 of the document (falls back to the front matter title). */
  title: z.string().min(1),
  /** Include files this document pulled in, relative to the content root. */
  includes: z.array(z.string()),
};

export const RoleGuideSchema = z.object({
  ...documentBase,
  kind: z.literal('role-guide'),
  /** The Role Description paragraph(s). */
  summary: z.string(),
  /** The Role Description bullets. */
  responsibilities: z.array(z.string().min(1)),
  /** The Required Capabilities bullets. */
  capabilities: z.array(z.string().min(1)),
  levelScale: LevelScaleSchema,
  skills: z.array(SkillSchema),
  stakeholders: z.array(StakeholderSchema),
  successFactors: z.array(SuccessFactorSchema),
});

/** A bullet of the Definitions section, with its nested bullets. */
export type DefinitionNode = { text: string; children: DefinitionNode[] };
export const DefinitionNodeSchema: z.ZodType<DefinitionNode> = z.lazy(() =>
  z.object({ text: z.string(), children: z.array(DefinitionNodeSchema) }),
);

export const KeyResultSchema = z.object({ text: z.string().min(1), future: z.boolean() });

/** `### area` with its `#### Objectives` and `#### Key results` lists. */
export const OkrAreaSchema = z.object({
  area: z.string().min(1),
  objectives: z.array(z.string().min(1)),
  keyResults: z.array(KeyResultSchema),
});

/** A bold pseudo-heading such as **ROB** whose bullets are placeholders still to be written. */
export const DraftSchema = z.object({ title: z.string().min(1), items: z.array(z.string()) });

export const PlaybookSchema = z.object({
  ...documentBase,
  kind: z.literal('playbook'),
  /** Paragraphs and bullets of the Overview section, as plain text, in order. */
  overview: z.array(z.string()),
  /** Paragraphs and bullets of the Objectives section, as plain text, in order. */
  objectives: z.array(z.string()),
  definitions: z.array(DefinitionNodeSchema),
  okrs: z.array(OkrAreaSchema),
  drafts: z.array(DraftSchema),
});

/** `### L300 – Advanced` in a catalog skill's Levels section, with its bullets: what the level looks like. */
export const CatalogLevelSchema = z.object({
  code: z.string().regex(/^L\d+$/),
  value: z.number().int().nonnegative(),
  /** The name written after the dash, if any (the scale's name for the level). */
  name: z.string().min(1).optional(),
  descriptors: z.array(z.string().min(1)),
});

/** `### L200 to L300` in the Growing section: what to do to move from one level to the next. */
export const GrowthStepSchema = z.object({
  from: z.string().regex(/^L\d+$/),
  to: z.string().regex(/^L\d+$/),
  tips: z.array(z.string().min(1)),
});

/** `- [Title](https://…) (L200)` in the Resources section. */
export const SkillResourceSchema = z.object({
  title: z.string().min(1),
  url: z.string().min(1),
  /** The level the resource suits, as its code (`L200`). */
  level: z.string().regex(/^L\d+$/).optional(),
});

/** A catalog document (`content/skills/*.md`, `ms.topic: skill`): what each level of one skill looks like. */
export const SkillDocumentSchema = z.object({
  ...documentBase,
  kind: z.literal('skill'),
  /** The paragraph(s) between the title and the first section. */
  summary: z.string(),
  /** Other names role guides use for this skill (`aliases:` in the front matter). */
  aliases: z.array(z.string().min(1)),
  levelScale: LevelScaleSchema,
  /** Described levels, in scale order. */
  levels: z.array(CatalogLevelSchema),
  growth: z.array(GrowthStepSchema),
  resources: z.array(SkillResourceSchema),
});

export const RolebookDocumentSchema = z.discriminatedUnion('kind', [RoleGuideSchema, PlaybookSchema, SkillDocumentSchema]);

/** A problem found in the content, positioned in the file the author edits. */
export const ProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  ruleId: z.string(),
});

/** A glossary entry: `TM` → `Team Manager`, with an optional longer explanation. */
export const GlossaryEntrySchema = z.object({
  term: z.string().min(1),
  expansion: z.string().min(1),
  description: z.string().optional(),
});

export type IsoDate = z.infer<typeof IsoDateSchema>;
export type ScaleLevel = z.infer<typeof ScaleLevelSchema>;
export type LevelScale = z.infer<typeof LevelScaleSchema>;
export type RequiredLevel = z.infer<typeof RequiredLevelSchema>;
export type Skill = z.infer<typeof SkillSchema>;
export type Stakeholder = z.infer<typeof StakeholderSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type SuccessFactor = z.infer<typeof SuccessFactorSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type RoleGuide = z.infer<typeof RoleGuideSchema>;
export type KeyResult = z.infer<typeof KeyResultSchema>;
export type OkrArea = z.infer<typeof OkrAreaSchema>;
export type Draft = z.infer<typeof DraftSchema>;
export type Playbook = z.infer<typeof PlaybookSchema>;
export type CatalogLevel = z.infer<typeof CatalogLevelSchema>;
export type GrowthStep = z.infer<typeof GrowthStepSchema>;
export type SkillResource = z.infer<typeof SkillResourceSchema>;
export type SkillDocument = z.infer<typeof SkillDocumentSchema>;
export type RolebookDocument = z.infer<typeof RolebookDocumentSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
