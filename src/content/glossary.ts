/**
 * Reads the glossary: every `*.md` file in `<content>/glossary/`, one entry per top-level bullet,
 *
 *   - **TM** – Team Manager: leads a FastTrack delivery team.
 *
 * i.e. the term in bold, a dash (-, – or —), the expansion, and optionally `: ` and a longer
 * explanation. Anything that is not a bullet (headings, paragraphs, comments) is free text for
 * people editing the file. Problems (a bullet in another shape, a term twice) are reported with
 * file, line and column like every other content problem.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { DASH, phrasingText, squash } from '../../plugins/lib/text.ts';
import remarkComplexityGuard from '../../plugins/remark-complexity-guard.ts';
import remarkYamlMeta from '../../plugins/remark-yaml-meta.ts';
import { GlossaryEntrySchema, type GlossaryEntry, type Problem } from '../model/schemas.ts';
import { glossaryFiles } from './glossary-files.ts';

/** A glossary term is written as it appears in the text: a capital letter or digit, then no spaces. */
const TERM = /^[A-Z0-9][A-Za-z0-9&+./-]*$/;
/** The dash between term and expansion: hyphen, en dash, em dash or minus sign. */
const SEPARATOR = new RegExp(`^\\s*${DASH}\\s*`);

const FORMAT_HINT = 'Write glossary entries as “- **TERM** – Expansion: optional explanation”.';

export async function loadGlossary(contentRoot: string): Promise<{ entries: GlossaryEntry[]; problems: Problem[] }> {
  const entries: GlossaryEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, { file: string; line: number }>();
  for (const file of await glossaryFiles(contentRoot)) {
    const parsed = parseGlossary(await readFile(file, 'utf8'), file);
    problems.push(...parsed.problems);
    for (const { entry, line, column } of parsed.entries) {
      const first = seen.get(entry.term);
      if (first) {
        problems.push({
          file,
          line,
          column,
          severity: 'error',
          ruleId: 'glossary-duplicate-term',
          message: `“${entry.term}” is already in the glossary (${path.basename(first.file)}, line ${first.line}). Keep one entry per term.`,
        });
        continue;
      }
      seen.set(entry.term, { file, line });
      entries.push(entry);
    }
  }
  entries.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }) || a.term.localeCompare(b.term));
  return { entries, problems };
}

interface PlacedEntry {
  entry: GlossaryEntry;
  line: number;
  column: number;
}

/** Parses one glossary file. Exported for tests; `file` is only used in problems. */
export function parseGlossary(source: string, file: string): { entries: PlacedEntry[]; problems: Problem[] } {
  const vfile = new VFile({ path: file, value: source });
  // The same guard as documents: a glossary nested thousands deep is refused with one message.
  const processor = unified().use(remarkParse).use(remarkYamlMeta).use(remarkComplexityGuard);
  let tree: Root;
  try {
    tree = processor.parse(vfile) as Root;
  } catch (error) {
    if (!vfile.messages.includes(error as never)) throw error;
    tree = { type: 'root', children: [] };
  }
  const problems: Problem[] = vfile.messages.map((message) => ({
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal === true ? 'error' : 'warning',
    message: message.reason,
    ruleId: message.ruleId ?? 'internal-error',
  }));
  const entries: PlacedEntry[] = [];
  for (const list of tree.children.filter((node): node is List => node.type === 'list')) {
    for (const item of list.children) {
      const result = readEntry(item);
      const line = item.position?.start.line ?? 1;
      const column = item.position?.start.column ?? 1;
      if (typeof result === 'string') {
        problems.push({ file, line, column, severity: 'error', ruleId: 'glossary-entry-format', message: result });
      } else {
        entries.push({ entry: result, line, column });
      }
    }
  }
  return { entries, problems };
}

/** One bullet → an entry, or the reason it is not one, in words for the person editing it. */
function readEntry(item: ListItem): GlossaryEntry | string {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return `This bullet has no text. ${FORMAT_HINT}`;
  const [lead, ...after] = (first as Paragraph).children;
  const text = squash(toString(first));
  if (lead?.type !== 'strong') return `“${clip(text)}” does not start with a term in bold. ${FORMAT_HINT}`;
  const term = squash(toString(lead));
  if (!TERM.test(term)) {
    return `“${term}” is not a glossary term: start with a capital letter or digit and use no spaces. ${FORMAT_HINT}`;
  }
  const remainder = phrasingText(after);
  const separator = SEPARATOR.exec(remainder);
  if (!separator) return `“${term}” needs a dash and its expansion after it, e.g. “- **${term}** – …”.`;
  const body = remainder.slice(separator[0].length);
  const colon = body.search(/:\s/);
  const expansion = (colon === -1 ? body : body.slice(0, colon)).trim().replace(/:$/, '');
  const explanation = [colon === -1 ? '' : body.slice(colon + 1), ...rest.map((node: RootContent) => toString(node))]
    .map(squash)
    .filter(Boolean)
    .join(' ');
  if (!expansion) return `“${term}” has no expansion after the dash. ${FORMAT_HINT}`;
  const parsed = GlossaryEntrySchema.safeParse({ term, expansion, ...(explanation ? { description: explanation } : {}) });
  return parsed.success ? parsed.data : `“${term}”: ${parsed.error.issues[0]?.message ?? 'not a valid entry'}.`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
