/**
 * Front matter as authors write it, and its normalisation into `Meta`. The schema is also exported
 * as JSON Schema for editors, so its descriptions are written for content owners.
 */
import { z } from 'zod';
import type { Meta } from './schemas.ts';

const text = z.union([z.string(), z.number(), z.boolean()]);

export const FrontMatterSchema = z
  .object({
    title: z.string().min(1).describe('Page title, e.g. "Role Guide - FastTrack Team Manager (TM)". Required.'),
    description: z.string().optional().describe('One sentence shown on the home page and in search results.'),
    author: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Authors: "A, B and C" or a YAML list.'),
    'ms.author': text.optional().describe('Alias of the Microsoft author.'),
    manager: text.optional().describe('Alias of the manager.'),
    'ms.date': z
      .string()
      .regex(/^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/)
      .optional()
      .describe('Date of the last review, as M/D/YYYY (7/26/2019) or YYYY-MM-DD.'),
    'ms.topic': z
      .string()
      .optional()
      .describe('"role-guide" or "playbook"; tells Rolebook what kind of document this is.'),
    'ms.prod': text.optional(),
    'ms.custom': text.optional(),
    'ft.audience': text.optional().describe('Who the page is for, e.g. "internal".'),
    'ft.owner': text.optional().describe('Alias of the person who keeps the page up to date.'),
    kind: z
      .enum(['role-guide', 'playbook'])
      .optional()
      .describe('Overrides ms.topic when the document kind cannot be told from it.'),
  })
  .catchall(z.union([text, z.array(text)]));

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** `A, B and C` → `['A', 'B', 'C']`. */
export function splitAuthors(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = Array.isArray(value) ? value : value.split(/\s*(?:,|;|&|\band\b)\s*/);
  return parts.map((part) => part.trim()).filter(Boolean);
}

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };

/** M/D/YYYY or YYYY-MM-DD → YYYY-MM-DD; an impossible date (2/30/2019) is refused. */
export function normaliseDate(value: string): DateResult {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  let year: number, month: number, day: number;
  if (us) [year, month, day] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { ok: false, reason: `“${value}” is not a date; write it as M/D/YYYY (7/26/2019) or YYYY-MM-DD` };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: `“${value}” is not a real calendar date (month ${month}, day ${day})` };
  }
  return { ok: true, date: date.toISOString().slice(0, 10) };
}

const NAMED_KEYS = new Set(['title', 'description', 'author', 'ms.date', 'ms.topic', 'ft.audience', 'ft.owner', 'kind']);

/** Flat front-matter values (strings or lists of strings) into the model's `Meta`. */
export function toMeta(data: Record<string, string | string[]>, date: string | undefined): Omit<Meta, 'title'> & { title?: string } {
  const single = (key: string) => {
    const value = data[key];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const extra: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!NAMED_KEYS.has(key)) extra[key] = value;
  }
  return {
    title: single('title'),
    description: single('description'),
    authors: splitAuthors(data.author),
    date,
    topic: single('ms.topic'),
    audience: single('ft.audience'),
    owner: single('ft.owner'),
    extra,
  };
}
