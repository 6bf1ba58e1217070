import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, frontMatterJsonSchema, schemaFiles } from '../../src/model/frontmatter-json-schema.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('committed JSON Schemas', () => {
  it.each(Object.entries(schemaFiles()))('%s is up to date with the Zod schema (run `npm run schemas`)', (file, text) => {
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(text);
  });

  it('rolebook.config.json points editors at its schema', () => {
    const config = JSON.parse(readFileSync(path.join(root, 'rolebook.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toBe('./schemas/rolebook.config.schema.json');
  });
});

describe('front matter schema', () => {
  const schema = frontMatterJsonSchema() as {
    properties: Record<string, { pattern?: string; enum?: string[]; anyOf?: Array<{ enum?: string[] }>; description?: string }>;
    required: string[];
    additionalProperties: unknown;
  };

  it('requires a title and describes the Microsoft-docs keys for completion', () => {
    expect(schema.required).toEqual(['title']);
    for (const key of ['title', 'description', 'author', 'ms.date', 'ms.topic', 'ft.owner', 'ft.audience']) {
      expect(schema.properties[key], key).toBeDefined();
    }
    expect(schema.properties['ms.date']?.description).toMatch(/M\/D\/YYYY/);
    // The kinds editors offer; other letter cases and "role" are accepted too (front-matter-variants.test.ts).
    const offered = (key: string) => (schema.properties[key]?.anyOf ?? []).flatMap((branch) => branch.enum ?? []);
    expect(offered('kind')).toEqual(['role-guide', 'playbook', 'skill']);
    expect(offered('ms.topic')).toEqual(['role-guide', 'playbook', 'skill']);
  });

  it('accepts the date formats check accepts and rejects others', () => {
    const pattern = new RegExp(schema.properties['ms.date']!.pattern!);
    expect(['7/26/2019', '2/18/2019', '2019-07-26'].every((date) => pattern.test(date))).toBe(true);
    expect(['July 26, 2019', '26.07.2019', '2019/07/26'].some((date) => pattern.test(date))).toBe(false);
  });

  it('keeps other keys allowed, as the model keeps them under extra', () => {
    expect(schema.additionalProperties).not.toBe(false);
  });
});

describe('config schema', () => {
  it('does not make defaulted fields required and explains each field', () => {
    const schema = configJsonSchema() as { required?: string[]; properties: Record<string, { description?: string }> };
    expect(schema.required ?? []).toEqual([]);
    for (const key of ['contentDir', 'base', 'repository', 'staleAfterMonths']) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});
