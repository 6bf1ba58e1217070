/**
 * A rebuild that reuses the last build's work gives the same site, byte for byte, as a clean build
 * of the same content. One site is built and then changed step by step (each kind of input a page
 * shows), rebuilt with its caches after every step, and each rebuild is compared file by file with
 * a clean build (empty cache, new output folder) of the same state. The build's stats file shows
 * the rebuild really reused work, so the comparison is not between two full builds.
 *
 * The content is a small generated corpus (bench/generate.ts: includes, glossary, more documents
 * of each kind than the sidebar lists, so it shows a window and an "All N" count) in its own git
 * repository, so pages show "Last updated" and history from commits at fixed dates.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { readBuildStats, type BuildStats } from '../../src/build/stats.ts';
import { isSearchable, searchParts } from '../../src/site/search-index.ts';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';
import { projectRoot, run } from '../helpers/site.ts';

const OUTPUT = path.join(projectRoot, 'test/.output', `incremental-${process.env.ROLEBOOK_TEST_RUN ?? process.pid}`);
/** 13 role guides and 13 playbooks: more than the sidebar lists in full (12). */
const DOCUMENTS = 26;

interface Built {
  dist: string;
  stats: BuildStats;
  /** What the build printed (stdout and stderr). */
  output: string;
}

let repo: FixtureRepo;
let content: string;
let configFile: string;
let cleanBuilds = 0;

let builds = 0;

/** `npm run build` of the repository's content into `folder` (dist/ and cache/ inside), whatever its outcome. */
function runBuildInto(folder: string): ReturnType<typeof run> {
  // Vitest sets Vite's BASE_URL/MODE/… in process.env; passed on, they would override the build's base.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const env = {
    ...inherited,
    ROLEBOOK_CONTENT: content,
    ROLEBOOK_CONFIG: configFile,
    ROLEBOOK_OUT_DIR: path.join(folder, 'dist'),
    ROLEBOOK_CACHE_DIR: path.join(folder, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    // The search index in parts, as a large site's is (src/site/search-index.ts): a rebuild indexes
    // again only the parts whose pages changed, and still equals a clean build.
    ROLEBOOK_SEARCH_PART_SIZE: '8',
    // Each build from a different "shell": the environment a build starts from (here `_`, the
    // shell's last command) must not change Astro's key for the pages, or nothing is reused.
    _: `/usr/bin/rolebook-build-${++builds}`,
  };
  // `run` resolves once every process holding the build's output streams has ended: a step left
  // running (Astro started beside the check and never stopped) would hold it.
  return run('npm', ['run', '--silent', 'build'], { cwd: projectRoot, env });
}

const statsOf = (folder: string) => readBuildStats(path.join(folder, 'cache', 'build-stats.json'));

/** A successful build into `folder`. */
async function buildInto(folder: string): Promise<Built> {
  const result = await runBuildInto(folder);
  expect(result.exitCode, result.output).toBe(0);
  const stats = statsOf(folder);
  expect(stats, 'the build writes its stats file').toBeDefined();
  return { dist: path.join(folder, 'dist'), stats: stats!, output: result.output };
}

const incremental = path.join(OUTPUT, 'incremental');

/**
 * Rebuilds the incremental site and builds a clean one of the same content (side by side: they
 * share nothing but the content, which neither writes); returns the rebuild's stats.
 */
async function rebuildAndCompare(): Promise<BuildStats> {
  const cleanFolder = path.join(OUTPUT, `clean-${++cleanBuilds}`);
  rmSync(cleanFolder, { recursive: true, force: true });
  const [rebuilt, clean] = await Promise.all([buildInto(incremental), buildInto(cleanFolder)]);
  expect(clean.stats.steps.astro?.reused, 'the clean build reuses nothing').toBe(0);
  expect(differences(rebuilt.dist, clean.dist)).toEqual([]);
  rmSync(cleanFolder, { recursive: true, force: true });
  return rebuilt.stats;
}

function filesBelow(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Files only in one folder, or with different bytes. */
function differences(a: string, b: string): string[] {
  const filesA = filesBelow(a);
  const filesB = new Set(filesBelow(b));
  const found: string[] = [];
  for (const file of filesA) {
    if (!filesB.has(file)) found.push(`only in the rebuild: ${file}`);
    else if (!readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) found.push(`differs: ${file}`);
    filesB.delete(file);
  }
  for (const file of filesB) found.push(`only in the clean build: ${file}`);
  return found;
}

/** Pages and data files Astro wrote or reused. */
const astroStep = (stats: BuildStats) => stats.steps.astro!;
/**
 * Role guides in the content now: each has a requirements JSON with its own cacheKey (the JSON
 * itself), reused whenever the role's skills are unchanged — by every step below.
 */
const documentCount = (kind: 'roles' | 'playbooks') => readdirSync(path.join(content, kind)).filter((file) => file.endsWith('.md')).length;
const roleCount = () => documentCount('roles');

/** The document pages of the built site, as `roles/<id>` and `playbooks/<id>` (the folders' other files left out). */
function documentPages(dist: string, kinds: readonly ('roles' | 'playbooks')[] = ['roles', 'playbooks']): string[] {
  return kinds.flatMap((kind) =>
    readdirSync(path.join(dist, kind))
      .filter((id) => existsSync(path.join(dist, kind, id, 'index.html')))
      .map((id) => `${kind}/${id}`),
  );
}

/**
 * The site's own pages and data files with a cacheKey (src/pages/<folder>/[...<folder>].astro, the skills
 * matrix, rubric.json, roles/index.json). Each is rendered again only when what it shows changed.
 */
const KEYED_SITE_FILES = [
  'roles/index.html',
  'playbooks/index.html',
  'skills/index.html',
  'glossary/index.html',
  'health/index.html',
  'team/index.html',
  'compare/index.html',
  'search/index.html',
  'contributing/index.html',
  'rubric.json',
  'roles/index.json',
];

const siteFiles = (dist: string) => new Map(KEYED_SITE_FILES.map((file) => [file, readFileSync(path.join(dist, file))]));

/** Those of the site's keyed files that a rebuild left byte for byte as `before` had them. */
function unchangedSiteFiles(before: Map<string, Buffer>, dist: string): string[] {
  return KEYED_SITE_FILES.filter((file) => before.get(file)!.equals(readFileSync(path.join(dist, file))));
}

function edit(relative: string, change: (text: string) => string): void {
  const file = path.join(content, relative);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** The document's title is its first `# ` heading after the front matter (whose `# comments` are not). */
function retitle(text: string, title: string): string {
  const bodyStart = text.indexOf('\n---', text.indexOf('---') + 3) + 4;
  const heading = text.indexOf('\n# ', bodyStart) + 1;
  const end = text.indexOf('\n', heading);
  return `${text.slice(0, heading)}# ${title}${text.slice(end)}`;
}

function titleOf(text: string): string {
  const bodyStart = text.indexOf('\n---', text.indexOf('---') + 3) + 4;
  const heading = text.indexOf('\n# ', bodyStart) + 3;
  return text.slice(heading, text.indexOf('\n', heading)).trim();
}

function commit(message: string, date: string): void {
  repo.commit({ files: {}, message, author: 'Ed Editor', date });
}

function page(dist: string, id: string): string {
  return readFileSync(path.join(dist, id, 'index.html'), 'utf8');
}

// Each test builds twice (the rebuild and a clean build); on a busy 2-core machine one build can take minutes.
describe('an incremental rebuild equals a clean build', { timeout: 900_000 }, () => {
  let first: Built;

  beforeAll(async () => {
    rmSync(OUTPUT, { recursive: true, force: true });
    repo = new FixtureRepo('rolebook-incremental-');
    content = path.join(repo.root, 'content');
    generateCorpus({ docs: DOCUMENTS, outDir: content, seed: 'incremental-test', glossaryFrom: path.join(projectRoot, 'test/fixtures/site/content/glossary') });
    configFile = path.join(repo.root, 'rolebook.config.json');
    writeFileSync(configFile, JSON.stringify({ title: 'Playbook', repository: { url: 'https://github.com/contoso/playbook' } }));
    commit('Add the guides and playbooks', '2024-03-01T09:00:00Z');
    first = await buildInto(incremental);
  }, 900_000);

  afterAll(() => {
    repo?.remove();
    rmSync(OUTPUT, { recursive: true, force: true });
  });

  it('prints one line per step, none of Astro’s own', () => {
    const lines = first.output.split('\n').map((line) => line.trim()).filter(Boolean);
    const steps = [/^✔ \d+ documents checked/, /^Content checked: /, /^Pages built: /, /^Output checked: /, /^Search index built: /, /^Built in /];
    expect(lines.filter((line) => !steps.some((step) => step.test(line)))).toEqual([]);
    for (const step of steps) expect(lines.filter((line) => step.test(line)), String(step)).toHaveLength(1);
  });

  it('reuses every page when nothing changed', async () => {
    expect(first.stats.steps.astro?.reused).toBe(0);
    expect(first.stats.steps.gitHistory?.reuse).toBe('read');
    const stats = await rebuildAndCompare();
    // The same commit checked out: the last build's history, without running git log.
    expect(stats.steps.gitHistory?.reuse).toBe('same-commit');
    expect(stats.steps.check).toMatchObject({ parsed: 0, reused: DOCUMENTS });
    // Nothing Astro reads changed: it does not run at all, and every page and data file is kept.
    expect(astroStep(stats)).toMatchObject({ skipped: true, rendered: 0 });
    expect(astroStep(stats).reused).toBe(astroStep(first.stats).pages);
    expect(stats.steps.outputCheck?.scanned).toBe(0);
    expect(stats.steps.searchIndex?.reused).toBe(true);
    expect(first.stats.steps.searchIndex?.parts).toBeGreaterThan(2);
    expect(stats.steps.searchIndex?.partsReused).toBe(first.stats.steps.searchIndex?.parts);
    expect(first.stats.steps.searchIndex?.pagesIndexed).toBe(first.stats.steps.searchIndex?.pages);
    expect(stats.steps.searchIndex?.pagesIndexed).toBe(0);
  });

  it('runs Astro again when a file of the output folder was removed since the last build', async () => {
    rmSync(path.join(first.dist, 'roles/role-0004/index.html'));
    const stats = await rebuildAndCompare();
    expect(astroStep(stats).skipped).toBeUndefined();
    // Not as the last build left it: set aside, with the pages Astro reuses linked in its place.
    expect(astroStep(stats).output).toBe('linked');
    expect(existsSync(path.join(first.dist, 'roles/role-0004/index.html'))).toBe(true);
  });

  it('after a change to one document, renders that page only', async () => {
    edit('roles/role-0003.md', (text) => `${text.replace(/\n*$/, '\n')}\nA sentence added in the rebuild test.\n`);
    const stats = await rebuildAndCompare();
    expect(stats.steps.check).toMatchObject({ parsed: 1, reused: DOCUMENTS - 1 });
    // Started beside the check (a rebuild with something changed), and let go on once it passed.
    expect(stats.steps.astroEarlyStart).toBe('released');
    expect(astroStep(stats).startWaitMs).toBeGreaterThanOrEqual(0);
    // The output folder was as the last build left it: Astro built into it in place.
    expect(astroStep(stats).output).toBe('kept');
    // A sentence in the body shows on no index, matrix or list: all the site's keyed pages are reused.
    expect(astroStep(stats).reused).toBe(DOCUMENTS - 1 + roleCount() + KEYED_SITE_FILES.length);
    // Only the changed page's part of the search index is indexed again, and only its pages.
    expect(stats.steps.searchIndex).toMatchObject({ reused: false, partsReused: stats.steps.searchIndex!.parts - 1 });
    const searchable = filesBelow(first.dist).filter((file) => file.endsWith('.html') && isSearchable(readFileSync(path.join(first.dist, file))));
    const changedPart = searchParts(searchable, 8).find((part) => part.files.includes('roles/role-0003/index.html'))!;
    expect(stats.steps.searchIndex?.pagesIndexed).toBe(changedPart.files.length);
    // That part was read while Astro rendered, from the last build's pages, and the page Astro wrote
    // read again: the search index still equals a clean build's (rebuildAndCompare).
    expect(stats.steps.searchIndex?.partsReadEarly).toBe(1);
    expect(page(first.dist, 'roles/role-0003')).toContain('A sentence added in the rebuild test.');
  });

  it('after a commit that only changes "last updated", renders the committed page', async () => {
    // The change above is committed later than everything else: only that page's history changes.
    commit('Add a sentence', '2025-06-10T12:00:00Z');
    const before = siteFiles(first.dist);
    const stats = await rebuildAndCompare();
    // The last build's history with the one commit since: still what the clean build read whole.
    expect(stats.steps.gitHistory?.reuse).toBe('extended');
    expect(stats.steps.check?.parsed).toBe(0);
    // The role index's card and the health page's "last commit" show the date; nothing else does.
    const unchanged = unchangedSiteFiles(before, first.dist);
    expect(KEYED_SITE_FILES.filter((file) => !unchanged.includes(file))).toEqual(['roles/index.html', 'health/index.html']);
    expect(astroStep(stats).reused).toBe(DOCUMENTS - 1 + roleCount() + unchanged.length);
    expect(page(first.dist, 'roles/role-0003')).toContain('datetime="2025-06-10"');
  });

  it('after a change to an include, renders the pages that include it', async () => {
    const includers = readdirSync(path.join(content, 'roles')).filter(
      (file) => file.endsWith('.md') && readFileSync(path.join(content, 'roles', file), 'utf8').includes('includes/level-guidance.md'),
    );
    expect(includers.length).toBeGreaterThan(0);
    edit('roles/includes/level-guidance.md', (text) => `${text}\nIncluded sentence added in the rebuild test.\n`);
    const before = siteFiles(first.dist);
    const stats = await rebuildAndCompare();
    // Those pages (and any that pull it in through another include); the playbooks never do.
    expect(astroStep(stats).reused).toBeLessThanOrEqual(DOCUMENTS - includers.length + roleCount() + unchangedSiteFiles(before, first.dist).length);
    expect(astroStep(stats).reused).toBeGreaterThanOrEqual(DOCUMENTS / 2);
  });

  it('after a change to a title, renders the neighbours that show it', async () => {
    const file = 'playbooks/playbook-0005.md';
    const title = titleOf(readFileSync(path.join(content, file), 'utf8'));
    // The page itself and every page whose sidebar window or prev/next link names it; the new title
    // keeps its place in the title order, so no other page's window moves.
    const showing = documentPages(first.dist).filter((id) => page(first.dist, id).includes(title));
    expect(showing.length).toBeGreaterThan(1);
    edit(file, (text) => retitle(text, `${title} (revised)`));
    const before = siteFiles(first.dist);
    const stats = await rebuildAndCompare();
    // Every page of the site's own names it in its sidebar, and rubric.json has the playbook's model:
    // only the role listing's JSON is kept.
    const unchanged = unchangedSiteFiles(before, first.dist);
    expect(unchanged).toEqual(['roles/index.json']);
    expect(astroStep(stats).reused).toBe(DOCUMENTS - showing.length + roleCount() + unchanged.length);
  });

  it('after a new document and after a deleted one, matches a clean build', async () => {
    const source = path.join(content, 'roles/role-0002.md');
    // Last in title order: the role pages whose sidebar window reaches the end of the list show it.
    writeFileSync(path.join(content, 'roles/role-new.md'), retitle(readFileSync(source, 'utf8'), 'Zeta, a New Role'));
    const before = siteFiles(first.dist);
    const added = await rebuildAndCompare();
    expect(added.steps.check?.parsed).toBe(1);
    expect(page(first.dist, 'roles/role-new')).toContain('Zeta, a New Role');
    // The other roles' requirements JSON are reused, and so is every playbook page: a playbook's
    // sidebar lists the first few role guides, and the link to all of them gives no count that
    // the new one would change. So are the site's pages that name no role guide.
    const playbooks = documentCount('playbooks');
    const unchanged = unchangedSiteFiles(before, first.dist);
    for (const file of ['playbooks/index.html', 'search/index.html', 'contributing/index.html']) expect(unchanged).toContain(file);
    for (const file of ['roles/index.html', 'rubric.json', 'roles/index.json']) expect(unchanged).not.toContain(file);
    expect(astroStep(added).reused).toBeGreaterThanOrEqual(roleCount() - 1 + playbooks + 3);

    rmSync(path.join(content, 'roles/role-0007.md'));
    const deleted = await rebuildAndCompare();
    expect(existsSync(path.join(first.dist, 'roles/role-0007'))).toBe(false);
    expect(astroStep(deleted).reused).toBeGreaterThan(roleCount());
  });

  it("after a change to a role's skill level, renders the pages that show it", async () => {
    const file = 'roles/role-0002.md';
    const text = readFileSync(path.join(content, file), 'utf8');
    // A skill line (`- Cloud Fundamentals – L300`), its level moved one step.
    const skillLine = /^([-*] .+? [–—-] L)([1-4])00/m.exec(text);
    expect(skillLine, 'the generated role has a skill line').not.toBeNull();
    const level = Number(skillLine![2]);
    edit(file, (body) => body.replace(skillLine![0], `${skillLine![1]}${level === 4 ? 3 : level + 1}00`));
    const before = siteFiles(first.dist);
    const stats = await rebuildAndCompare();
    // The skills matrix, team view and rubric.json show the level; the indexes and the glossary do not.
    const unchanged = unchangedSiteFiles(before, first.dist);
    for (const file of ['skills/index.html', 'team/index.html', 'rubric.json']) expect(unchanged).not.toContain(file);
    for (const file of ['roles/index.html', 'playbooks/index.html', 'glossary/index.html', 'contributing/index.html']) expect(unchanged).toContain(file);
    // The role's page and its requirements JSON; the roles that list it among their nearest.
    expect(astroStep(stats).reused).toBeLessThanOrEqual(DOCUMENTS - 1 + roleCount() - 1 + unchanged.length);
  });

  it('after a picture or a linked file is replaced under the same name, renders the page that shows it', async () => {
    // A picture through Astro's image pipeline (its optimised copies are named by the bytes) and a
    // file published as it is, both beside the role guide that uses them.
    const pictures = path.join(projectRoot, 'test/fixtures/site/content');
    const media = path.join(content, 'roles/media');
    mkdirSync(media, { recursive: true });
    copyFileSync(path.join(pictures, 'roles/media/team-manager-stakeholders.png'), path.join(media, 'org.png'));
    writeFileSync(path.join(media, 'checklist.txt'), 'The first checklist.\n');
    const file = 'roles/role-0004.md';
    edit(file, (text) => `${text.replace(/\n*$/, '\n')}\n![How the team is organised](media/org.png)\n\nSee [the checklist](media/checklist.txt).\n`);
    // The page that uses them, and no other (a page's code hash leaves the content's files out).
    const thatPageOnly = (stats: BuildStats) => stats.steps.check!.documents - 1 + roleCount() + KEYED_SITE_FILES.length;
    const added = await rebuildAndCompare();
    expect(astroStep(added).reused).toBe(thatPageOnly(added));
    const before = page(first.dist, 'roles/role-0004');
    // The picture's AVIF and WebP and the file (the page's own scripts and styles are in _astro/ too).
    const published = (html: string) => [...html.matchAll(/(?:src|srcset|href)="([^"]*\/_astro\/(?:org|checklist)\.[^"]*)"/g)].map((match) => match[1]!);
    expect(published(before)).toHaveLength(3);

    // Another picture's bytes under the same name, and the file's text changed.
    copyFileSync(path.join(pictures, 'playbooks/media/area-liaison-contacts.png'), path.join(media, 'org.png'));
    writeFileSync(path.join(media, 'checklist.txt'), 'The second checklist.\n');
    const stats = await rebuildAndCompare();
    expect(stats.steps.check).toMatchObject({ parsed: 1 });
    expect(astroStep(stats).reused).toBe(thatPageOnly(stats));
    const after = page(first.dist, 'roles/role-0004');
    expect(published(after)).toHaveLength(3);
    for (const address of published(after)) expect(published(before)).not.toContain(address);
    const checklist = published(after).find((address) => address.includes('checklist'))!;
    expect(readFileSync(path.join(first.dist, checklist.replace(/^\//, '')), 'utf8')).toBe('The second checklist.\n');
  });

  it('after a change to a glossary term, renders the pages that show the term', async () => {
    const pages = documentPages(first.dist);
    // A term some of the generated documents use and others do not.
    const terms: [string, string][] = [['PM', 'Program Manager'], ['LT', 'Leadership Team'], ['URL', 'Uniform Resource Locator'], ['MS', 'Microsoft']];
    const showingOf = (expansion: string) => pages.filter((id) => page(first.dist, id).includes(`title="${expansion}"`));
    const chosen = terms.find(([, expansion]) => showingOf(expansion).length > 0 && showingOf(expansion).length < pages.length);
    expect(chosen, 'a glossary term some pages show').toBeDefined();
    const [term, expansion] = chosen!;
    const showing = showingOf(expansion);
    edit('glossary/glossary.md', (text) => text.replace(`- **${term}** – ${expansion}:`, `- **${term}** – ${expansion} (revised):`));
    const stats = await rebuildAndCompare();
    for (const id of showing) expect(page(first.dist, id)).toContain(`title="${expansion} (revised)"`);
    // Only the documents whose prose uses the term are parsed again; only the pages that show it
    // are rendered again (and the site's own pages, which show the whole glossary's terms).
    expect(stats.steps.check!.parsed).toBeLessThan(stats.steps.check!.documents);
    expect(astroStep(stats).reused).toBeGreaterThanOrEqual(pages.length - showing.length + roleCount());
  });

  it('after a change to the config, matches a clean build', async () => {
    writeFileSync(configFile, JSON.stringify({ title: 'Team playbook', repository: { url: 'https://github.com/contoso/playbook' }, staleAfterMonths: 6 }));
    const stats = await rebuildAndCompare();
    // The data files do not show the config: each role's requirements, rubric.json and the role listing.
    expect(astroStep(stats).reused).toBe(roleCount() + 2);
  });

  it('after a content error, stops at the check and leaves the last site as it was', async () => {
    const lastSite = path.join(OUTPUT, 'last-site');
    cpSync(first.dist, lastSite, { recursive: true, preserveTimestamps: true });
    const file = 'roles/role-0005.md';
    const text = readFileSync(path.join(content, file), 'utf8');
    edit(file, (body) => `${body.replace(/\n*$/, '\n')}\n[!INCLUDE [Missing](includes/no-such-file.md)]\n`);
    const failed = await runBuildInto(incremental);
    expect(failed.exitCode, failed.output).toBe(1);
    expect(failed.output).toMatch(/roles\/role-0005\.md:\d+:\d+/);
    const stats = statsOf(incremental)!;
    expect(stats.ok).toBe(false);
    // A rebuild starts Astro beside the check; the failed check stopped it before it wrote anything.
    expect(stats.steps.astroEarlyStart).toBe('stopped');
    expect(stats.steps.astro).toBeUndefined();
    expect(differences(first.dist, lastSite)).toEqual([]);

    writeFileSync(path.join(content, file), text);
    const again = await rebuildAndCompare();
    // Back to what the last site was built from: nothing Astro reads changed since.
    expect(astroStep(again).skipped).toBe(true);
    rmSync(lastSite, { recursive: true, force: true });
  });

  it('after a change to one skill of the catalog, renders its page and the role pages that use it', async () => {
    // The site fixture's catalog (skills/*.md); the generated role guides name the same skills.
    // Its links to the fixture's own guides are left out: those guides are not in this content.
    const catalog = path.join(projectRoot, 'test/fixtures/site/content/skills');
    mkdirSync(path.join(content, 'skills'));
    for (const file of readdirSync(catalog)) {
      const text = readFileSync(path.join(catalog, file), 'utf8');
      writeFileSync(path.join(content, 'skills', file), text.replace(/^- \[[^\]]*\]\(\.\.\/.*\n/gm, ''));
    }
    await rebuildAndCompare();

    // A skill some role guides use and others do not.
    const roles = documentPages(first.dist, ['roles']);
    const usersOf = (skill: string) => roles.filter((id) => page(first.dist, id).includes(`href="/skills/${skill}/"`));
    const skill = ['communication', 'collaboration', 'people-management', 'portfolio-management', 'operational-excellence'].find(
      (name) => usersOf(name).length > 0 && usersOf(name).length < roles.length,
    );
    expect(skill, 'a catalog skill used by some of the role guides').toBeDefined();
    const users = usersOf(skill!);
    edit(`skills/${skill}.md`, (text) => text.replace(/^(### L200 – Intermediate\n)/m, '$1- Writes the level descriptor the rebuild test added.\n'));
    const before = siteFiles(first.dist);
    const stats = await rebuildAndCompare();
    expect(page(first.dist, `skills/${skill}`)).toContain('Writes the level descriptor the rebuild test added.');
    expect(page(first.dist, users[0]!)).toContain('Writes the level descriptor the rebuild test added.');
    // Every playbook page and every role page that does not use the skill is reused, and so are
    // those roles' requirements JSON and the site's pages that show nothing of the catalog.
    const playbooks = documentCount('playbooks');
    const unchanged = unchangedSiteFiles(before, first.dist);
    for (const file of ['playbooks/index.html', 'glossary/index.html']) expect(unchanged).toContain(file);
    expect(astroStep(stats).reused).toBeGreaterThanOrEqual(playbooks + 2 * (roles.length - users.length) + 2);
  });
});
