/**
 * The parse cache: one file of JSON lines per pipeline and options, reused only for unchanged
 * documents and includes, replaced whole, and harmless when damaged.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentCache, hashBytes } from '../../src/content/cache.ts';
import type { ParsedFile } from '../../src/model/rendered.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rolebook-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const parsed = (file: string, includes: string[] = []): ParsedFile => ({
  problems: [{ file, line: 1, column: 1, severity: 'warning', message: `note on ${file}`, ruleId: 'x' }],
  includes,
});
const hashes: Record<string, string> = { '/c/includes/a.md': 'inc-1' };
const hashOf = (include: string) => hashes[include];
/** A glossary with no entries. */
const noGlossary = () => null;

describe('DocumentCache', () => {
  it('returns an entry only while the document and its includes are unchanged, in a new process too', async () => {
    const cache = new DocumentCache(root, 'k'.repeat(40));
    const entries = new Map([
      ['/c/one.md', DocumentCache.entry('h1', parsed('/c/one.md', ['/c/includes/a.md']), hashOf)],
      ['/c/two.md', DocumentCache.entry('h2', parsed('/c/two.md'), hashOf)],
    ]);
    await cache.save(entries);
    const reopened = new DocumentCache(root, 'k'.repeat(40));
    expect(reopened.get('/c/two.md', 'h2', hashOf, noGlossary)?.parsed).toEqual(parsed('/c/two.md'));
    expect(reopened.get('/c/two.md', 'changed', hashOf, noGlossary)).toBeUndefined();
    expect(reopened.get('/c/one.md', 'h1', hashOf, noGlossary)?.parsed.includes).toEqual(['/c/includes/a.md']);
    expect(reopened.get('/c/one.md', 'h1', () => 'inc-2', noGlossary)).toBeUndefined();
    expect(reopened.holdsExactly(['/c/one.md', '/c/two.md'])).toBe(true);
    expect(reopened.holdsExactly(['/c/one.md'])).toBe(false);
    const lines = (await readFile(path.join(reopened.folder, 'documents.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as [string])[0])).toEqual(['/c/one.md', '/c/two.md']);
  });

  it('keeps an entry while each word it looked up in the glossary finds the same expansion, or still none', async () => {
    const cache = new DocumentCache(root, 'k'.repeat(40));
    const lookedUp: ParsedFile = { ...parsed('/c/one.md'), glossaryLookups: { TM: 'Team Manager', ATU: null } };
    await cache.save(new Map([['/c/one.md', DocumentCache.entry('h1', lookedUp, hashOf)]]));
    const glossary = (entries: Record<string, string>) => (term: string) => entries[term] ?? null;
    const reopened = new DocumentCache(root, 'k'.repeat(40));
    // Another term added or changed: the document never asked for it.
    expect(reopened.get('/c/one.md', 'h1', hashOf, glossary({ TM: 'Team Manager', CSU: 'Customer Success Unit' }))?.parsed).toEqual(lookedUp);
    expect(reopened.get('/c/one.md', 'h1', hashOf, glossary({ TM: 'Team Mentor' }))).toBeUndefined();
    expect(reopened.get('/c/one.md', 'h1', hashOf, glossary({}))).toBeUndefined();
    // A word it found unknown (and warned about) is in the glossary now.
    expect(reopened.get('/c/one.md', 'h1', hashOf, glossary({ TM: 'Team Manager', ATU: 'Area Technology Unit' }))).toBeUndefined();
  });

  it('treats a damaged file as an empty cache, and a later save replaces it', async () => {
    const cache = new DocumentCache(root, 'k'.repeat(40));
    await cache.save(new Map([['/c/one.md', DocumentCache.entry('h1', parsed('/c/one.md'), hashOf)]]));
    await writeFile(path.join(cache.folder, 'documents.jsonl'), '["/c/one.md", {"hash": "h1", "incl');
    const damaged = new DocumentCache(root, 'k'.repeat(40));
    expect(damaged.get('/c/one.md', 'h1', hashOf, noGlossary)).toBeUndefined();
    await damaged.save(new Map([['/c/one.md', DocumentCache.entry('h1', parsed('/c/one.md'), hashOf)]]));
    expect(new DocumentCache(root, 'k'.repeat(40)).get('/c/one.md', 'h1', hashOf, noGlossary)?.parsed).toEqual(parsed('/c/one.md'));
  });

  describe('a document’s HTML, after its entry on the same line', () => {
    // Tabs, newlines, quotes and non-ASCII inside the HTML: its JSON text escapes them.
    const html = '<p class="x">Tab\there,\nnew line, “quotes” – and \\ a backslash</p>\t';
    const withDocument = (file: string): ParsedFile => ({
      ...parsed(file),
      document: { model: { id: file } as never, html, htmlHash: hashBytes(JSON.stringify(html)), markedTerms: [], headings: [], files: [file], links: [], references: [], missingSections: [], termLookups: [] },
    });
    const save = async () => {
      const cache = new DocumentCache(root, 'k'.repeat(40));
      await cache.save(new Map([
        ['/c/one.md', DocumentCache.entry('h1', withDocument('/c/one.md'), hashOf)],
        ['/c/two.md', DocumentCache.entry('h2', withDocument('/c/two.md'), hashOf)],
      ]));
      return path.join(cache.folder, 'documents.jsonl');
    };

    it('is given back as it was, decoded only when read', async () => {
      await save();
      const document = new DocumentCache(root, 'k'.repeat(40)).get('/c/one.md', 'h1', hashOf, noGlossary)!.parsed.document!;
      expect(Object.getOwnPropertyDescriptor(document, 'html')?.get).toBeTypeOf('function');
      expect(document.html).toBe(html);
      expect(document).toEqual(withDocument('/c/one.md').document);
    });

    it('is a miss for that document alone when its bytes were damaged', async () => {
      const file = await save();
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('Tab', 'Tub'));
      const reopened = new DocumentCache(root, 'k'.repeat(40));
      expect(reopened.get('/c/one.md', 'h1', hashOf, noGlossary)).toBeUndefined();
      expect(reopened.get('/c/two.md', 'h2', hashOf, noGlossary)?.parsed.document?.html).toBe(html);
      // Cut off after the tab: a miss too.
      await writeFile(file, text.split('\n')[0]!.slice(0, text.indexOf('\t') + 1));
      expect(new DocumentCache(root, 'k'.repeat(40)).get('/c/one.md', 'h1', hashOf, noGlossary)).toBeUndefined();
    });
  });

  it('writes more entries than one chunk holds, each on its own line', async () => {
    const cache = new DocumentCache(root, 'k'.repeat(40));
    const entries = new Map(Array.from({ length: 600 }, (_, i) => [`/c/${i}.md`, DocumentCache.entry(`h${i}`, parsed(`/c/${i}.md`), hashOf)] as const));
    await cache.save(entries);
    const reopened = new DocumentCache(root, 'k'.repeat(40));
    expect(reopened.holdsExactly([...entries.keys()])).toBe(true);
    expect(reopened.get('/c/599.md', 'h599', hashOf, noGlossary)?.parsed).toEqual(parsed('/c/599.md'));
  });

  it('writes the entries it reused back as they were read, and the new ones as they are now, save after save', async () => {
    const file = (cache: DocumentCache) => path.join(cache.folder, 'documents.jsonl');
    const first = new DocumentCache(root, 'k'.repeat(40));
    await first.save(new Map([
      ['/c/one.md', DocumentCache.entry('h1', parsed('/c/one.md'), hashOf)],
      ['/c/two.md', DocumentCache.entry('h2', parsed('/c/two.md'), hashOf)],
    ]));
    const [oneLine] = (await readFile(file(first), 'utf8')).split('\n');

    const cache = new DocumentCache(root, 'k'.repeat(40));
    const one = cache.get('/c/one.md', 'h1', hashOf, noGlossary)!;
    await cache.save(new Map([
      ['/c/one.md', one],
      ['/c/two.md', DocumentCache.entry('h2b', parsed('/c/two.md', ['/c/includes/a.md']), hashOf)],
      ['/c/three.md', DocumentCache.entry('h3', parsed('/c/three.md'), hashOf)],
    ]));
    expect((await readFile(file(cache), 'utf8')).split('\n')[0]).toBe(oneLine);
    // The same cache saves again: the entry written new last time is serialised, not taken from the old file.
    await cache.save(new Map([
      ['/c/two.md', cache.get('/c/two.md', 'h2b', hashOf, noGlossary)!],
      ['/c/three.md', cache.get('/c/three.md', 'h3', hashOf, noGlossary)!],
    ]));
    const reopened = new DocumentCache(root, 'k'.repeat(40));
    expect(reopened.holdsExactly(['/c/two.md', '/c/three.md'])).toBe(true);
    expect(reopened.get('/c/two.md', 'h2b', hashOf, noGlossary)?.parsed).toEqual(parsed('/c/two.md', ['/c/includes/a.md']));
    expect(reopened.get('/c/three.md', 'h3', hashOf, noGlossary)?.parsed).toEqual(parsed('/c/three.md'));
  });
});

describe('loading from a warm cache', () => {
  // Astro's process loads the content from the cache the check filled: its start should not pay for
  // a markdown parser it never uses. Each load runs in a process of its own, which lists the
  // modules it loaded.
  const projectRoot = path.resolve(import.meta.dirname, '../..');
  const PIPELINE_MODULES = /\/node_modules\/(micromark-extension-gfm[^/]*|mdast-util-to-hast|remark-rehype|rehype-[^/]+|hast-util-to-html)\//;
  const PARSER_MODULES = /\/node_modules\/(micromark[^/]*|remark-parse|yaml|gray-matter)\//;
  const LOADERS = {
    loadContent: path.join(projectRoot, 'src/content/load.ts'),
    loadFromCache: path.join(projectRoot, 'src/content/load-from-cache.ts'),
  };
  interface Loaded {
    parsed: number;
    cached: number;
    /** Documents whose HTML the load left undecoded in the cache file (src/content/cache.ts). */
    htmlUndecoded: number;
    pipelineModules: string[];
    parserModules: string[];
    /** What the pages are given: ids, glossary and problems. */
    content: string;
  }
  async function loadInNewProcess(loader: keyof typeof LOADERS, content: string, cacheDir: string): Promise<Loaded> {
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = [];
      registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
      const { ${loader} } = await import(${JSON.stringify(LOADERS[loader])});
      const { stats, documents, glossary, problems } = await ${loader}(${JSON.stringify(content)}, { cacheDir: ${JSON.stringify(cacheDir)} });
      const htmlUndecoded = documents.filter((document) => Object.getOwnPropertyDescriptor(document, 'html').get).length;
      const shown = JSON.stringify({ documents: documents.map((document) => [document.model.id, document.html.length]), glossary, problems });
      console.log(JSON.stringify({ parsed: stats.parsed, cached: stats.cached, htmlUndecoded, loaded, content: shown }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot });
    const result = JSON.parse(stdout) as Omit<Loaded, 'pipelineModules' | 'parserModules'> & { loaded: string[] };
    return {
      parsed: result.parsed,
      cached: result.cached,
      htmlUndecoded: result.htmlUndecoded,
      pipelineModules: result.loaded.filter((url) => PIPELINE_MODULES.test(url)),
      parserModules: result.loaded.filter((url) => PARSER_MODULES.test(url)),
      content: result.content,
    };
  }
  let content: string;
  let cacheDir: string;
  beforeEach(async () => {
    content = path.join(root, 'content');
    await cp(path.join(projectRoot, 'content'), content, { recursive: true });
    cacheDir = path.join(root, 'cache');
  });
  const editGuide = async () => {
    const guide = path.join(content, 'roles', 'fasttrack-architect.md');
    await writeFile(guide, `${await readFile(guide, 'utf8')}\nOne more sentence.\n`);
  };

  it('loads none of the document pipeline; after an edit, the pipeline again', async () => {
    const cold = await loadInNewProcess('loadContent', content, cacheDir);
    expect(cold.parsed).toBeGreaterThan(0);
    expect(cold.pipelineModules).not.toEqual([]);

    const warm = await loadInNewProcess('loadContent', content, cacheDir);
    expect(warm).toMatchObject({ parsed: 0, cached: cold.parsed, pipelineModules: [], content: cold.content });
    // Role guides too, which the catalog step gives a new model: `rolebook check` decodes no page's HTML.
    expect(cold.htmlUndecoded).toBe(0);
    expect(warm.htmlUndecoded).toBe(JSON.parse(warm.content).documents.length);

    await editGuide();
    const edited = await loadInNewProcess('loadContent', content, cacheDir);
    expect(edited.parsed).toBe(1);
    expect(edited.pipelineModules).not.toEqual([]);
  }, 60_000);

  it('loads no markdown parser for Astro when the check filled the cache, and what it gives is the same', async () => {
    const checked = await loadInNewProcess('loadContent', content, cacheDir);
    const astro = await loadInNewProcess('loadFromCache', content, cacheDir);
    expect(checked.parserModules).not.toEqual([]);
    expect(astro).toMatchObject({ parsed: 0, cached: checked.parsed, pipelineModules: [], parserModules: [], content: checked.content });
  }, 60_000);

  it('is what Astro’s process starts with: the integrations import no markdown parser', async () => {
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = [];
      registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
      await import(${JSON.stringify(path.join(projectRoot, 'src/integrations/index.ts'))});
      console.log(JSON.stringify(loaded));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot });
    const loaded = JSON.parse(stdout) as string[];
    expect(loaded.some((url) => url.endsWith('/src/content/load-from-cache.ts'))).toBe(true);
    expect(loaded.filter((url) => PARSER_MODULES.test(url) || PIPELINE_MODULES.test(url))).toEqual([]);
  });

  it('gives the check the glossary it kept while the glossary’s files are unchanged, and reads them again once one changed', async () => {
    await loadInNewProcess('loadContent', content, cacheDir);
    // What was kept is changed behind the cache's back, its files' hashes left as they were: a load
    // that shows the change took the kept glossary instead of parsing the files.
    const [keptFile] = (await readdir(cacheDir, { recursive: true })).filter((file) => file.endsWith('glossary.json'));
    const keptPath = path.join(cacheDir, keptFile!);
    const kept = JSON.parse(await readFile(keptPath, 'utf8')) as { entries: { term: string; expansion: string }[] };
    const [first] = kept.entries;
    await writeFile(keptPath, JSON.stringify({ ...kept, entries: [{ ...first, expansion: 'As kept' }, ...kept.entries.slice(1)] }));
    const fromKept = await loadInNewProcess('loadContent', content, cacheDir);
    expect(JSON.parse(fromKept.content).glossary).toContainEqual({ ...first, expansion: 'As kept' });

    const glossaryFile = path.join(content, 'glossary', 'glossary.md');
    await writeFile(glossaryFile, `${await readFile(glossaryFile, 'utf8')}\n- **ZQX** – Zebra Quality Index\n`);
    const afterEdit = JSON.parse((await loadInNewProcess('loadContent', content, cacheDir)).content) as { glossary: unknown[] };
    expect(afterEdit.glossary).toContainEqual(first);
    expect(afterEdit.glossary).toContainEqual({ term: 'ZQX', expansion: 'Zebra Quality Index' });
  }, 60_000);

  it('reads the glossary from its files again once one changed, and parses an edited document', async () => {
    await loadInNewProcess('loadContent', content, cacheDir);
    const glossaryFile = path.join(content, 'glossary', 'glossary.md');
    await writeFile(glossaryFile, `${await readFile(glossaryFile, 'utf8')}\n- **ZQX** – Zebra Quality Index\n`);
    const afterGlossaryEdit = await loadInNewProcess('loadFromCache', content, cacheDir);
    expect(afterGlossaryEdit.parserModules).not.toEqual([]);
    expect(JSON.parse(afterGlossaryEdit.content).glossary).toContainEqual({ term: 'ZQX', expansion: 'Zebra Quality Index' });
    // That load kept the new glossary: the next one needs no parser again and gives the same.
    const again = await loadInNewProcess('loadFromCache', content, cacheDir);
    expect(again).toMatchObject({ parsed: 0, parserModules: [], content: afterGlossaryEdit.content });

    await editGuide();
    const afterDocumentEdit = await loadInNewProcess('loadFromCache', content, cacheDir);
    expect(afterDocumentEdit.parsed).toBe(1);
    expect(afterDocumentEdit.pipelineModules).not.toEqual([]);
  }, 60_000);
});

describe('the glossary kept beside the entries', () => {
  const glossary = {
    files: { '/c/glossary/glossary.md': 'g-1' },
    entries: [{ term: 'TM', expansion: 'Team Manager' }],
    problems: [{ file: '/c/glossary/glossary.md', line: 3, column: 1, severity: 'warning' as const, message: 'note', ruleId: 'x' }],
  };

  it('is given back only while its files are the same, and is none when damaged', async () => {
    const cache = new DocumentCache(root, 'k'.repeat(40));
    expect(cache.keptGlossary(glossary.files)).toBeUndefined();
    cache.keepGlossary(glossary);
    expect(cache.keptGlossary({ '/c/glossary/glossary.md': 'g-1' })).toEqual({ entries: glossary.entries, problems: glossary.problems });
    expect(cache.keptGlossary({ '/c/glossary/glossary.md': 'g-2' })).toBeUndefined();
    expect(cache.keptGlossary({ '/c/glossary/glossary.md': 'g-1', '/c/glossary/more.md': 'm-1' })).toBeUndefined();
    expect(cache.keptGlossary({})).toBeUndefined();

    const file = path.join(cache.folder, 'glossary.json');
    for (const damaged of ['{"files":', 'null', JSON.stringify({ ...glossary, entries: [{ term: 'TM' }] }), JSON.stringify({ ...glossary, problems: [{ file: 'x' }] })]) {
      await writeFile(file, damaged);
      expect(cache.keptGlossary(glossary.files)).toBeUndefined();
    }
  });
});
