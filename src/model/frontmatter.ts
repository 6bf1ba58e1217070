/**
 * Front matter: the one rule set. `FrontMatterSchema` validates and normalises the YAML block of
 * every document (plugins/remark-yaml-meta.ts runs it on what the block holds), and `npm run
 * schemas` exports the same schema as the editor's JSON Schema, so the editor and `rolebook check`
 * accept and refuse the same front matter. Descriptions are written for content owners: editors
 * show them on hover.
 */
import { z } from 'zod';
import { FORBIDDEN_KEYS } from './forbidden-keys.ts';
import type { RuleId } from './rules.ts';

/** What `kind:` and `ms.topic:` may say, in any letter case, and the kind each name means. */
const KIND_NAMES = {
  'role-guide': 'role-guide',
  roleguide: 'role-guide',
  role: 'role-guide',
  playbook: 'playbook',
  skill: 'skill',
} as const;

/** Role guides, playbooks and skill catalog entries (issue 13). */
export const FRONT_MATTER_KINDS = ['role-guide', 'playbook', 'skill'] as const;
export type FrontMatterKind = (typeof FRONT_MATTER_KINDS)[number];

/** `Playbook`, `ROLE` → the kind the name means; undefined for any other text. */
export function kindNamed(name: string): FrontMatterKind | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(KIND_NAMES, key) ? KIND_NAMES[key as keyof typeof KIND_NAMES] : undefined;
}

/** `role` → `[Rr][Oo][Ll][Ee]`: JSON Schema patterns have no case-insensitive flag, so each letter says it. */
function anyCase(word: string): string {
  return [...word].map((char) => (char.toLowerCase() === char.toUpperCase() ? char : `[${char.toUpperCase()}${char.toLowerCase()}]`)).join('');
}
const KIND_PATTERN = new RegExp(`^(?:${Object.keys(KIND_NAMES).map(anyCase).join('|')})$`);

// Month 1–12 and day 1–31 are in the pattern, so the editor refuses 13/45/2020 as check does. Whether
// the day exists in that month (2/30/2020) a pattern cannot say; the refinement below does.
const US_DATE = String.raw`(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/\d{4}`;
const ISO_DATE = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`;
const ISO_TIME = String.raw`[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?`;
const MS_DATE = new RegExp(`^(?:${US_DATE}|${ISO_DATE}(?:${ISO_TIME})?)$`);

/** Year, month and day as written in M/D/YYYY or YYYY-MM-DD(Thh:mm…); undefined for other shapes. */
function dateParts(value: string): { year: number; month: number; day: number } | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (us) return { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)/.exec(value);
  return iso ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : undefined;
}

function isCalendarDate({ year, month, day }: { year: number; month: number; day: number }): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** `7/26/2019` or `2019-07-26T10:00Z` → `2019-07-26`: the day as written, whatever the time zone. */
function toIsoDay(value: string): string {
  const { year, month, day } = dateParts(value)!;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** `2019-07-26` → `7/26/2019`, the way authors write `ms.date`. */
export function toMsDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${month}/${date}/${year}`;
}

/**
 * YAML reads `2025` as a number and `true` as a boolean. A content owner who writes `title: 2025`
 * means the text “2025”, so numbers and booleans are taken as text rather than refused.
 */
const Text = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value).trim());
/** Keys that may hold several values take text or a YAML list of text. */
const TextOrList = z.union([Text, z.array(Text)]);

const Title = z
  .union([z.string().regex(/\S/), z.number(), z.boolean()])
  .transform((value) => String(value).trim())
  .describe('Page title, e.g. "Role Guide - FastTrack Team Manager (TM)". Required.');

const MsDate = z
  .string()
  .regex(MS_DATE)
  // Zod runs this even when the pattern failed, so it must not assume the shape.
  .refine((value) => {
    const parts = dateParts(value);
    return parts !== undefined && isCalendarDate(parts);
  })
  .transform(toIsoDay)
  .describe(
    'Date of the last review, as M/D/YYYY (7/26/2019) or YYYY-MM-DD (2019-07-26); an ISO date and time (2019-07-26T10:00Z) counts as its day. The date must exist: 2/30/2019 is refused.',
  );

// The enum is there for editors to offer the kinds; any other topic is allowed (the kind then comes
// from the document's sections), as Microsoft-docs front matter uses ms.topic for other things too.
const Topic = z
  .union([z.enum(FRONT_MATTER_KINDS), Text])
  .describe('"role-guide", "playbook" or "skill" tells Rolebook what kind of document this is (any letter case; "role" means role-guide).');

// Case-insensitive on purpose: an owner who writes `kind: Playbook` or `kind: role` means a kind
// Rolebook knows, and refusing it would only teach them our spelling. Anything else is refused.
const Kind = z
  .union([z.enum(FRONT_MATTER_KINDS), z.string().regex(KIND_PATTERN)])
  .transform((name) => kindNamed(name)!)
  .describe('Overrides ms.topic: role-guide, playbook or skill (any letter case; "role" means role-guide).');

/**
 * Each key as authors write it. title, description, ms.date, ms.topic and kind are one line; every
 * other key may also be a YAML list (`ft.audience: [internal, partners]` is two audiences, as check
 * always read it). `key:` with nothing after it (YAML null) is the same as leaving the key out.
 */
const FrontMatterFields = z
  .object({
    title: Title,
    description: Text.nullish().describe('One sentence shown on the home page and in search results.'),
    author: TextOrList.nullish().describe('Authors: "A, B and C" (or with & or ;) or a YAML list.'),
    'ms.author': TextOrList.nullish().describe('Alias of the Microsoft author.'),
    manager: TextOrList.nullish().describe('Alias of the manager.'),
    'ms.date': MsDate.nullish(),
    'ms.topic': Topic.nullish(),
    'ms.prod': TextOrList.nullish(),
    'ms.custom': TextOrList.nullish(),
    'ft.audience': TextOrList.nullish().describe('Who the page is for, e.g. "internal", or a list of audiences.'),
    'ft.owner': TextOrList.nullish().describe('Alias of the person who keeps the page up to date.'),
    aliases: TextOrList.nullish().describe('Skill catalog entries: other names for the skill, as a comma list or a YAML list.'),
    kind: Kind.nullish(),
  })
  .catchall(TextOrList.nullable())
  // The reader refuses these keys before any object is built (plugins/remark-yaml-meta.ts), so the
  // rule is stated here for the editor only.
  .meta({ propertyNames: { not: { enum: [...FORBIDDEN_KEYS] } } });

type Fields = z.output<typeof FrontMatterFields>;
type FieldValue = string | string[] | null | undefined;

/** `A, B and C`, `A & B`, `A; B` or a YAML list → `['A', 'B', 'C']`. */
function splitAuthors(value: FieldValue): string[] {
  if (value === undefined || value === null) return [];
  const parts = Array.isArray(value) ? value : value.split(/\s*(?:,|;|&|\band\b)\s*/);
  return parts.map((part) => part.trim()).filter(Boolean);
}

const present = (value: string | null | undefined) => (value ? value : undefined);
const joined = (value: FieldValue) => present(Array.isArray(value) ? value.filter(Boolean).join(', ') : value);

/** The validated fields in the model's `Meta` shape (plus the kind they declare). */
function toMeta({ title, description, author, 'ms.date': date, 'ms.topic': topic, 'ft.audience': audience, 'ft.owner': owner, kind, ...rest }: Partial<Fields>) {
  const extra: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== null && value !== undefined && value !== '') extra[key] = value;
  return {
    title: present(title),
    description: present(description),
    authors: splitAuthors(author),
    date: date ?? undefined,
    topic: present(topic),
    audience: joined(audience),
    owner: joined(owner),
    extra,
    kind: kind ?? (topic ? kindNamed(topic) : undefined),
  };
}

/** Validates and normalises front matter as YAML reads it; the output is the model's `Meta` plus `kind`. */
export const FrontMatterSchema = FrontMatterFields.transform((fields) => ({ ...toMeta(fields), title: fields.title }));
/** The same rules with the title optional, to keep what is valid when some keys are not. */
const LenientSchema = FrontMatterFields.partial({ title: true }).transform(toMeta);

export type FrontMatter = z.output<typeof FrontMatterSchema>;
export type FrontMatterMeta = z.output<typeof LenientSchema>;

/** The metadata of a document whose front matter could not be read. */
export const emptyMeta = (): FrontMatterMeta => toMeta({});

/** One Zod issue in the words a content owner gets, on the key (or list item) it is about. */
export interface FrontMatterProblem {
  /** The key the problem is about; undefined when the key is missing (placed at the block's start). */
  key?: string;
  /** Index of the list item the problem is about. */
  item?: number;
  ruleId: RuleId;
  message: string;
}

export interface FrontMatterReading {
  meta: FrontMatterMeta;
  problems: FrontMatterProblem[];
  /** Keys refused, so nothing later reads them. */
  refused: string[];
}

/**
 * Runs the schema over the keys as YAML read them. When some keys are refused, the others are still
 * read (with the same rules), so the document's kind and sections are still checked.
 */
export function readFrontMatterValues(values: Readonly<Record<string, unknown>>): FrontMatterReading {
  const parsed = FrontMatterSchema.safeParse(values);
  if (parsed.success) return { meta: parsed.data, problems: [], refused: [] };
  const problems: FrontMatterProblem[] = [];
  const refused: string[] = [];
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (refused.includes(key)) continue;
    refused.push(key);
    problems.push(explainIssue(key, values[key]));
  }
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => !refused.includes(key)));
  const lenient = LenientSchema.safeParse(rest);
  return { meta: lenient.success ? lenient.data : emptyMeta(), problems, refused };
}

const show = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
const isBlock = (value: unknown) => typeof value === 'object' && value !== null;

function explainIssue(key: string, value: unknown): FrontMatterProblem {
  if (key === 'title') return explainTitle(value);
  if (key === 'ms.date') return { key, ruleId: 'front-matter-date', message: `ms.date: ${dateReason(value)}.` };
  if (key === 'kind' && !isBlock(value)) {
    return { key, ruleId: 'kind-unknown', message: `kind: “${show(value)}” is not a kind Rolebook knows. Use role-guide, playbook or skill.` };
  }
  return explainShape(key, value, key === 'kind' ? 'kind-unknown' : undefined);
}

function explainTitle(value: unknown): FrontMatterProblem {
  if (value === undefined) {
    return { ruleId: 'front-matter-title', message: 'The front matter has no “title:”. Add one, e.g. “title: Role Guide - Team Manager”.' };
  }
  if (!isBlock(value)) {
    return { key: 'title', ruleId: 'front-matter-title', message: '“title:” is empty. Write the page title after it, e.g. “title: Role Guide - Team Manager”.' };
  }
  return explainShape('title', value, 'front-matter-title');
}

function dateReason(value: unknown): string {
  if (isBlock(value)) return 'write one date, such as 7/26/2019, not a list or a nested block';
  const text = String(value);
  const parts = typeof value === 'string' ? dateParts(value) : undefined;
  if (parts && !isCalendarDate(parts)) return `“${text}” is not a real calendar date (month ${parts.month}, day ${parts.day})`;
  return `“${text}” is not a date; write it as M/D/YYYY (7/26/2019) or YYYY-MM-DD`;
}

/** A value of the wrong shape: a nested block, a list where one line is expected, an empty list item. */
function explainShape(key: string, value: unknown, ruleId?: RuleId): FrontMatterProblem {
  if (Array.isArray(value)) {
    const empty = value.findIndex((item) => item === null);
    if (empty !== -1) {
      return { key, item: empty, ruleId: ruleId ?? 'front-matter-list', message: `“${key}” has an empty item in its list. Write text after the “-” or remove the line.` };
    }
    const nested = value.findIndex(isBlock);
    if (nested === -1) return { key, ruleId: ruleId ?? 'front-matter-list', message: `“${key}” must be one line of text, not a list.` };
    return { key, item: nested, ruleId: ruleId ?? 'front-matter-nested', message: `“${key}” must be text or a list of text, not a nested block.` };
  }
  if (isBlock(value)) return { key, ruleId: ruleId ?? 'front-matter-nested', message: `“${key}” must be text or a list of text, not a nested block.` };
  // Every scalar YAML gives is text to the schema; this is here so a new rule can never go unexplained.
  return { key, ruleId: ruleId ?? 'front-matter-value', message: `“${key}: ${show(value)}” is not a value Rolebook can use here.` };
}
