/**
 * The built site, read as a reader without JavaScript gets it: every assertion is on the real HTML
 * (and JSON) that `npm run build` writes for the project's own content.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../src/model/rules.ts';
import { RolebookDocumentSchema } from '../../src/model/schemas.ts';
import { BASE_PATH_BUILD, buildSite, projectRoot, run, siteContent, type BuildResult } from '../helpers/site.ts';
import { gzippedSize, staticClosure } from '../helpers/bundle.ts';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

// ——— a few DOM helpers over parse5, enough to read the pages like a test would in a browser ———

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  const own = 'childNodes' in node ? (node.childNodes as Node[]) : [];
  const template = isElement(node) && node.tagName === 'template' ? ((node as unknown as { content: Node }).content ? [(node as unknown as { content: Node }).content] : []) : [];
  return [...own, ...template];
}

function all(root: Node, predicate: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && predicate(node)) found.push(node);
    for (const child of childrenOf(node)) walk(child);
  };
  walk(root);
  return found;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

function byClass(root: Node, name: string): Element[] {
  return all(root, (element) => hasClass(element, name));
}

function byTag(root: Node, tag: string): Element[] {
  return all(root, (element) => element.tagName === tag);
}

const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'aside', 'br', 'table', 'caption', 'header', 'nav']);

/** Text as a reader sees it: block elements are separated, inline ones run together. */
function text(node: Node, options: { skipSearchIgnored?: boolean } = {}): string {
  if ('value' in node && node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (options.skipSearchIgnored && isElement(node) && attr(node, 'data-pagefind-ignore') !== undefined) return '';
  const inner = childrenOf(node).map((child) => text(child, options)).join('');
  return isElement(node) && BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
}

function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function one(elements: Element[], what: string): Element {
  expect(elements, what).toHaveLength(1);
  return elements[0]!;
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// ——— the build ———

let build: BuildResult;
const pages = new Map<string, DefaultTreeAdapterMap['document']>();

function page(route: string): DefaultTreeAdapterMap['document'] {
  let document = pages.get(route);
  if (!document) {
    const file = route.endsWith('.html') ? path.join(build.outDir, route) : path.join(build.outDir, route, 'index.html');
    // As a browser with JavaScript off parses it (so <noscript> content is markup).
    document = parse(readFileSync(file, 'utf8'), { scriptingEnabled: false });
    pages.set(route, document);
  }
  return document;
}

const ROUTES = ['', 'roles', 'playbooks', 'roles/team-manager', 'playbooks/area-liaison', 'skills', 'skills/people-management', 'glossary', 'search', 'contributing/rules', '404.html'];

beforeAll(async () => {
  build = await buildSite();
  if (build.exitCode !== 0) throw new Error(`the build failed:\n${build.output}`);
});

describe('every page', () => {
  it.each(ROUTES)('/%s has one h1, the landmarks, a skip link, a search box and the site navigation', (route) => {
    const document = page(route);
    expect(byTag(document, 'h1'), 'one h1').toHaveLength(1);
    expect(byTag(document, 'main')).toHaveLength(1);
    expect(byTag(document, 'header').some((header) => hasClass(header, 'site-header'))).toBe(true);
    expect(byTag(document, 'footer')).toHaveLength(1);
    const skip = byClass(document, 'skip-link')[0]!;
    expect(attr(skip, 'href')).toBe('#main');
    expect(attr(one(byTag(document, 'main'), 'main'), 'id')).toBe('main');
    // The search box: a link to the search page (works without JavaScript), opened by `/` with it.
    const trigger = one(all(document, (element) => attr(element, 'data-search-open') !== undefined && hasClass(element, 'search-trigger')), 'search box');
    expect(attr(trigger, 'href')).toBe('/search/');
    expect(attr(trigger, 'aria-keyshortcuts')).toBe('/');
    // The dialog is made by the page's script when search is first opened (it could not open
    // without JavaScript), so no page carries its markup or the list of filter values.
    expect(byTag(document, 'dialog')).toHaveLength(0);
    expect(byTag(document, 'script').some((script) => attr(script, 'type') === 'module' && /^\/_astro\/.+\.js$/.test(attr(script, 'src') ?? ''))).toBe(true);
    expect(attr(one(byTag(document, 'html'), 'html'), 'lang')).toBe('en');
    const navLabels = byTag(document, 'nav').map((nav) => attr(nav, 'aria-label') ?? attr(nav, 'aria-labelledby'));
    expect(navLabels).toContain('Main');
    if (route !== '404.html') expect(navLabels).toContain('Site');
  });

  it.each(ROUTES)('/%s keeps markup CSP-safe: no inline event handlers, style attributes or unprocessed inline scripts', (route) => {
    const document = page(route);
    const elements = all(document, () => true);
    for (const element of elements) {
      for (const attribute of element.attrs) {
        expect(attribute.name, `${element.tagName} on /${route}`).not.toMatch(/^on/);
      }
      expect(attr(element, 'style'), `${element.tagName} style on /${route}`).toBeUndefined();
    }
    for (const script of byTag(document, 'script')) {
      const type = attr(script, 'type');
      expect(type === 'module' ? attr(script, 'src') : type, `script on /${route}`).toMatch(/^(\/_astro\/.+\.js|application\/json)$/);
    }
  });
});

describe('the home page', () => {
  it('lists each role and playbook with description, owner, last-updated date and what it contains', () => {
    const cards = byClass(page(''), 'doc-card');
    expect(cards.map((card) => squash(text(byClass(card, 'doc-card-title')[0]!)))).toEqual([
      'FastTrack Architect (FTA)',
      'FastTrack Team Manager (TM)',
      'FastTrack Area Liaison',
    ]);
    const [, role, playbook] = cards.map((card) => squash(text(card)));
    expect(role).toContain('What a FastTrack Team Manager does, the skills the role needs and how its success is measured.');
    expect(role).toContain('7 skills');
    expect(role).toContain('5 success factors');
    expect(role).toContain('Owner jimmuir');
    expect(playbook).toContain('4 OKR areas');
    expect(playbook).toContain('10 key results');
    expect(playbook).toContain('3 unfinished sections');
    expect(playbook).toContain('Owner mareich');
    for (const card of cards) {
      const time = one(byTag(card, 'time'), 'updated date');
      expect(attr(time, 'datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const links = cards.map((card) => attr(byTag(byClass(card, 'doc-card-title')[0]!, 'a')[0]!, 'href'));
    expect(links).toEqual(['/roles/fasttrack-architect/', '/roles/team-manager/', '/playbooks/area-liaison/']);
  });

  it('is not itself a search result (it only repeats other pages)', () => {
    expect(all(page(''), (element) => attr(element, 'data-pagefind-body') !== undefined)).toHaveLength(0);
  });
});

describe('the Team Manager role page', () => {
  const role = () => page('roles/team-manager');

  it('shows the title, description and metadata panel (owner, authors, manager, audience, date)', () => {
    expect(squash(text(one(byTag(role(), 'h1'), 'h1')))).toBe('FastTrack Team Manager (TM)');
    const panel = squash(text(one(byClass(role(), 'meta-panel'), 'meta panel')));
    expect(panel).toContain('Owner jimmuir');
    expect(panel).toContain('Authors Stephen Sorenson, Matt Whitten');
    expect(panel).toContain('Manager jimmuir');
    expect(panel).toContain('Audience internal');
    expect(panel).toContain('Reviewed July 26, 2019');
  });

  it('has the 7 skills, each level named from the legend, "+" read as "or above", and L50+ shown as below the scale', () => {
    const rows = byClass(role(), 'skill');
    const read = rows.map((row) => ({
      skill: squash(text(byClass(row, 'skill-name')[0]!)),
      code: squash(text(byClass(row, 'level-code')[0]!)),
      name: squash(text(byClass(row, 'level-name')[0]!)),
    }));
    expect(read).toEqual([
      { skill: 'People Management', code: 'L300+', name: 'advanced or above' },
      { skill: 'Portfolio Management', code: 'L300+', name: 'advanced or above' },
      { skill: 'Operational Excellence', code: 'L300+', name: 'advanced or above' },
      { skill: 'Mentoring/Coaching', code: 'L300+', name: 'advanced or above' },
      { skill: 'Communication', code: 'L400', name: 'expert' },
      { skill: 'Collaboration', code: 'L400', name: 'expert' },
      { skill: 'Technical skills', code: 'L50+', name: 'below essentials (L100), or above' },
    ]);
    const technical = rows[6]!;
    expect(squash(text(byClass(technical, 'skill-qualifier')[0]!))).toBe('across M365 Suite');
    // The visual, one empty element per row drawn by CSS from its classes: how many steps of the
    // four are required (r…), "+" (higher steps hatched as welcome) and L50 as a mark below the
    // scale, with nothing on the scale claimed as required.
    const bar = (row: Element) => one(byClass(row, 'lv'), 'level bar');
    expect(attr(bar(technical), 'class')).toBe('lv plus below');
    expect(attr(bar(rows[4]!), 'class')).toBe('lv r4');
    expect(attr(bar(rows[0]!), 'class')).toBe('lv r3 plus');
    expect(rows.map((row) => bar(row).childNodes)).toEqual(rows.map(() => []));
    // The scale's codes are written once, above the bars.
    const ticks = one(byClass(role(), 'lv-ticks'), 'scale ticks');
    expect(ticks.childNodes.filter(isElement).map((tick) => text(tick))).toEqual(['L100', 'L200', 'L300', 'L400']);
    const legend = squash(text(one(byClass(role(), 'scale-legend'), 'legend')));
    expect(legend).toBe('L100 essentials L200 intermediate L300 advanced L400 expert + that level or above');
  });

  it('has 5 success-factor cards with 3, 6, 2, 4 and 2 metrics, grouped quantitative / qualitative', () => {
    const cards = byClass(role(), 'factor-card');
    expect(cards.map((card) => squash(text(byTag(card, 'h3')[0]!)))).toEqual([
      'Business/Portfolio Management',
      'Delivery Management & Excellence',
      'Customer Stakeholder Collaboration',
      'People Management',
      'Invest in your role',
    ]);
    // A metric is an item of its kind's group; the group says the kind once, in words and as data-kind.
    const metrics = (card: Element) => byClass(card, 'metric-group').flatMap((group) => byTag(group, 'li'));
    expect(cards.map((card) => metrics(card).length)).toEqual([3, 6, 2, 4, 2]);
    const delivery = cards[1]!;
    const groups = byClass(delivery, 'metric-group').map((group) => ({
      kind: squash(text(byClass(group, 'metric-kind')[0]!)),
      data: attr(group, 'data-kind'),
      metrics: byTag(group, 'li').map((metric) => squash(text(metric))),
    }));
    expect(groups).toEqual([
      { kind: 'Quantitative', data: 'quantitative', metrics: ['Regional Health Metrics', 'Playbook Compliance', 'Budget/Capacity Health', 'CPE & NPS', 'Utilization'] },
      { kind: 'Qualitative', data: 'qualitative', metrics: ['Quality Insights'] },
    ]);
    expect(byClass(delivery, 'indicator-list')[0]!.childNodes.filter(isElement)).toHaveLength(7);
  });

  it('lists the stakeholders by group and purpose', () => {
    const items = byTag(one(byClass(role(), 'stakeholder-list'), 'stakeholders'), 'li').map((item) => squash(text(item)));
    expect(items).toEqual([
      'CXP LT Drive business results',
      'CXP PMs Drive priority area results',
      'ATU/STU/CSU Managers and FTAs Drive intent',
      'Partners, Enterprise Services Augmented onboarding and adoption services beyond the scope of FastTrack',
    ]);
  });

  it('renders the guide faithfully: include inlined, callouts, <br> in table cells as real line breaks', () => {
    const prose = one(byClass(role(), 'prose'), 'prose');
    const tip = byTag(prose, 'aside').find((aside) => hasClass(aside, 'callout-tip'));
    expect(squash(text(tip!))).toContain('Use the self-assessment on this page');
    const note = byTag(prose, 'aside').find((aside) => hasClass(aside, 'callout-note'));
    expect(squash(text(note!))).toContain('The levels are minimums for the role');
    const firstCell = byTag(byTag(prose, 'tbody')[0]!, 'td')[0]!;
    expect(byTag(firstCell, 'br')).toHaveLength(1);
    expect(squash(text(firstCell))).toMatch(/^Business\/Portfolio Management:\s?Move the business forward/);
    // The body nests under "The guide in full" (h2), so its own sections are h3.
    expect(byTag(prose, 'h2')).toHaveLength(0);
    expect(byTag(prose, 'h3').map((heading) => attr(heading, 'id'))).toEqual([
      'role-description',
      'required-capabilities',
      'skills',
      'key-stakeholders',
      'role-profile',
    ]);
  });

  it('marks glossary terms as <abbr> with their expansion, the first use linking to the glossary entry', () => {
    const prose = one(byClass(role(), 'prose'), 'prose');
    const abbrs = byTag(prose, 'abbr');
    const m365 = abbrs.filter((abbr) => text(abbr) === 'M365');
    expect(m365.length).toBeGreaterThan(1);
    expect(m365.every((abbr) => attr(abbr, 'title') === 'Microsoft 365')).toBe(true);
    const linked = byTag(prose, 'a').filter((anchor) => byTag(anchor, 'abbr').length > 0);
    const targets = linked.map((anchor) => attr(anchor, 'href'));
    expect(targets).toContain('/glossary/#term-m365');
    expect(new Set(targets).size).toBe(targets.length); // each term linked once
    // Structured parts mark terms too.
    const stakeholder = byClass(role(), 'stakeholder-group')[0]!;
    expect(byTag(stakeholder, 'abbr').map((abbr) => [text(abbr), attr(abbr, 'title')])).toEqual([
      ['CXP', 'Customer Experience'],
      ['LT', 'Leadership Team'],
    ]);
  });

  it('has the self-assessment after the skills table, readable without JavaScript', () => {
    const main = one(byTag(role(), 'main'), 'main');
    const order = all(main, (element) => ['skills-and-levels', 'self-assessment', 'success-factors'].includes(attr(element, 'id') ?? '')).map((element) => attr(element, 'id'));
    expect(order).toEqual(['skills-and-levels', 'self-assessment', 'success-factors']);
    // Without JavaScript: a note that points at the required levels in the table above. The form
    // itself is built by the island from the model (no disabled copy of it in the page).
    const island = one(all(main, (element) => attr(element, 'data-rb-assessment') === 'role-guide'), 'assessment');
    expect(squash(text(one(byClass(island, 'rb-nojs'), 'note')))).toBe(
      'The interactive self-assessment needs JavaScript. The level this role requires for each skill is in the table above.',
    );
    expect(byTag(island, 'input')).toHaveLength(0);
    const model = JSON.parse(text(one(all(island, (element) => attr(element, 'data-rb-model') !== undefined), 'model'))) as { skills: { name: string }[] };
    expect(model.skills.map((skill) => skill.name)).toEqual(byClass(role(), 'skill-name').map((name) => text(name)));
  });

  it('has a table of contents whose every link lands on an element of the page', () => {
    const toc = one(byClass(role(), 'toc'), 'toc');
    const ids = new Set(all(role(), (element) => !!attr(element, 'id')).map((element) => attr(element, 'id')));
    const targets = byTag(toc, 'a').map((anchor) => attr(anchor, 'href')!.slice(1));
    expect(targets).toEqual([
      'main',
      'skills-and-levels',
      'self-assessment',
      'success-factors',
      'who-you-work-with',
      'full-text',
      'role-description',
      'required-capabilities',
      'skills',
      'key-stakeholders',
      'role-profile',
    ]);
    for (const target of targets) expect(ids.has(target), target).toBe(true);
  });

  it('has breadcrumbs Home / Role guides / title and marks itself current in the sidebar', () => {
    const crumbs = byTag(one(byClass(role(), 'breadcrumbs'), 'breadcrumbs'), 'a').map((anchor) => [squash(text(anchor)), attr(anchor, 'href')]);
    expect(crumbs).toEqual([
      ['Home', '/'],
      ['Role guides', '/roles/'],
      ['FastTrack Team Manager (TM)', '/roles/team-manager/'],
    ]);
    const sidebar = one(byClass(role(), 'sidebar'), 'sidebar');
    const current = all(sidebar, (element) => attr(element, 'aria-current') === 'page');
    expect(current.map((element) => attr(element, 'href'))).toEqual(['/roles/team-manager/']);
    const hrefs = byTag(sidebar, 'a').map((anchor) => attr(anchor, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/roles/', '/playbooks/', '/skills/', '/glossary/', '/health/', '/contributing/']));
  });

  it('is indexed for search with its kind, audience and owner as filters, and its skills and levels as text', () => {
    const body = one(all(role(), (element) => attr(element, 'data-pagefind-body') !== undefined), 'search body');
    const filters = all(body, (element) => attr(element, 'data-pagefind-filter') !== undefined).map((element) => [attr(element, 'data-pagefind-filter'), squash(text(element))]);
    expect(filters).toEqual([
      ['kind', 'Role guide'],
      ['owner', 'jimmuir'],
      ['audience', 'internal'],
    ]);
    // Words stay words: "Communication" and "L400" are separate, not "L400expert".
    const communication = byClass(body, 'skill').find((row) => text(byClass(row, 'skill-name')[0]!) === 'Communication')!;
    expect(squash(text(communication, { skipSearchIgnored: true }))).toBe('Communication L400 expert');
    // The inline parts of a level are separated in the HTML itself, which is what the index reads.
    expect(readFileSync(path.join(build.outDir, 'roles/team-manager/index.html'), 'utf8')).toMatch(/>L400<\/strong> <span class="level-name">expert</);
  });

  it('indexes the stakeholders once, in the full text', () => {
    const body = one(all(role(), (element) => attr(element, 'data-pagefind-body') !== undefined), 'search body');
    const indexed = squash(text(body, { skipSearchIgnored: true }));
    const section = one(all(body, (element) => attr(element, 'aria-labelledby') === 'who-you-work-with'), 'stakeholders');
    expect(attr(section, 'data-pagefind-ignore')).toBeDefined();
    const groups = byClass(section, 'stakeholder-group');
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(indexed).toContain(squash(text(group)));
  });
});

describe('the Area Liaison playbook page', () => {
  const playbook = () => page('playbooks/area-liaison');

  it('shows each OKR area with its objectives beside its key results (6/2/2/2 and 5/2/1/2)', () => {
    const areas = byClass(playbook(), 'okr-area');
    expect(areas.map((area) => squash(text(byTag(area, 'h3')[0]!)))).toEqual([
      'Business Performance',
      'FastTrack Readiness',
      'FastTrack Escalation',
      'FastTrack Feedback',
    ]);
    expect(areas.map((area) => byTag(byClass(area, 'objective-list')[0]!, 'li').length)).toEqual([6, 2, 2, 2]);
    expect(areas.map((area) => byTag(byClass(area, 'key-result-list')[0]!, 'li').length)).toEqual([5, 2, 1, 2]);
  });

  it('indexes its objectives and key results once, in the full text', () => {
    const body = one(all(playbook(), (element) => attr(element, 'data-pagefind-body') !== undefined), 'search body');
    const indexed = squash(text(body, { skipSearchIgnored: true }));
    const section = one(all(body, (element) => attr(element, 'aria-labelledby') === 'objectives-and-key-results'), 'OKR section');
    expect(attr(section, 'data-pagefind-ignore')).toBeDefined();
    const objectives = byClass(section, 'objective-list').flatMap((list) => byTag(list, 'li'));
    expect(objectives).toHaveLength(12);
    for (const item of objectives) expect(indexed).toContain(squash(text(item)));
  });

  it('marks exactly the two future key results', () => {
    const future = byClass(playbook(), 'key-result-list')
      .flatMap((list) => byTag(list, 'li'))
      .filter((result) => attr(result, 'data-future') === 'true');
    expect(future.map((result) => squash(text(result)))).toEqual([
      'FT Essentials completion and score for the Area Future',
      'Field satisfaction on whether FT is listening Future',
    ]);
  });

  it('flags the draft sections as unfinished, at the top and where they are', () => {
    const notice = one(byClass(playbook(), 'draft-notice'), 'notice');
    expect(squash(text(notice))).toBe('This playbook is not finished 3 sections are placeholders still to be written: ROB, Outcomes, Reporting.');
    const cards = byClass(playbook(), 'draft-card');
    expect(cards.map((card) => squash(text(byTag(card, 'h3')[0]!)))).toEqual(['ROB Unfinished', 'Outcomes Unfinished', 'Reporting Unfinished']);
    expect(byTag(cards[0]!, 'li').map((item) => squash(text(item)))).toEqual([
      'Define ROB',
      'Frequency',
      'Participants',
      'Standard agenda',
      'Where notes are stored (URL)',
    ]);
    // Every link in the notice lands on its card.
    const ids = new Set(cards.map((card) => attr(byTag(card, 'h3')[0]!, 'id')));
    for (const anchor of byTag(notice, 'a')) expect(ids.has(attr(anchor, 'href')!.slice(1))).toBe(true);
  });

  it('keeps the overview and definitions of the playbook in the page', () => {
    const prose = squash(text(one(byClass(playbook(), 'prose'), 'prose')));
    expect(prose).toContain('FastTrack (FT) Area Liaison gives each Area one or more FastTrack people');
    expect(prose).toContain('A single FastTrack point of contact for the company at the Business Area level');
    expect(prose).toContain('Questions about this playbook, or ideas to improve it?');
  });

  it('has the key-result tracker and the kind filter "Playbook"', () => {
    expect(all(playbook(), (element) => attr(element, 'id') === 'track-key-results')).toHaveLength(1);
    const tracker = one(all(playbook(), (element) => attr(element, 'data-rb-assessment') === 'playbook'), 'tracker');
    expect(squash(text(one(byClass(tracker, 'rb-nojs'), 'note')))).toBe(
      'Tracking key results needs JavaScript. The key results are listed by area above; future ones are marked.',
    );
    const kind = all(playbook(), (element) => attr(element, 'data-pagefind-filter') === 'kind');
    expect(kind.map((element) => squash(text(element)))).toEqual(['Playbook']);
  });
});

describe('the skills matrix', () => {
  it('has every skill of every role with its level, and links to each role', () => {
    const matrix = page('skills');
    const header = byTag(byTag(matrix, 'thead')[0]!, 'a').map((anchor) => [squash(text(anchor)), attr(anchor, 'href')]);
    expect(header).toEqual([
      ['FastTrack Architect (FTA)', '/roles/fasttrack-architect/'],
      ['FastTrack Team Manager (TM)', '/roles/team-manager/'],
    ]);
    // The Team Manager's column (the second): rows are the catalog's skills, under the catalog's titles.
    const rows = byTag(byTag(matrix, 'tbody')[0]!, 'tr').map((row) => {
      const cell = byTag(row, 'td')[1]!;
      return [attr(row, 'data-skill'), squash(text(byClass(cell, 'level-code')[0]!)), squash(text(byClass(cell, 'level-name')[0]!))];
    });
    expect(rows).toHaveLength(7);
    expect(rows).toContainEqual(['Communication', 'L400', 'expert']);
    expect(rows).toContainEqual(['Technical Skills', 'L50+', 'below essentials (L100), or above']);
  });
});

describe('the glossary', () => {
  it('has an entry, with an anchor, for every term the pages link to', () => {
    const glossary = page('glossary');
    const anchors = new Set(byClass(glossary, 'glossary-entry').map((entry) => attr(entry, 'id')));
    expect(anchors.size).toBeGreaterThanOrEqual(25);
    for (const route of ['roles/team-manager', 'playbooks/area-liaison']) {
      const links = byTag(page(route), 'a').map((anchor) => attr(anchor, 'href') ?? '').filter((href) => href.startsWith('/glossary/#'));
      expect(links.length, route).toBeGreaterThan(5);
      for (const link of links) expect(anchors.has(link.slice('/glossary/#'.length)), link).toBe(true);
    }
  });

  it('explains TM and says where it is used', () => {
    const entry = all(page('glossary'), (element) => attr(element, 'id') === 'term-tm')[0]!;
    expect(squash(text(entry))).toBe(
      'TM Team Manager Leads a FastTrack delivery team; see the Team Manager role guide. Used in FastTrack Area Liaison',
    );
  });
});

describe('rubric.json', () => {
  it('is every model, in exactly the shape `rolebook parse` prints', async () => {
    const rubric: unknown = JSON.parse(readFileSync(path.join(build.outDir, 'rubric.json'), 'utf8'));
    expect(Array.isArray(rubric)).toBe(true);
    const models = (rubric as unknown[]).map((model) => RolebookDocumentSchema.parse(model));
    expect(models.map((model) => model.id)).toEqual([
      'playbooks/area-liaison',
      'roles/fasttrack-architect',
      'roles/team-manager',
      ...['collaboration', 'communication', 'mentoring-coaching', 'operational-excellence', 'people-management', 'portfolio-management', 'technical-skills'].map((name) => `skills/${name}`),
    ]);
    const parsed = await run(
      'npx',
      ['rolebook', 'parse', ...models.map((model) => path.join(siteContent, model.source)), '--content-root', siteContent],
      { cwd: projectRoot },
    );
    expect(parsed.exitCode, parsed.stderr).toBe(0);
    expect(rubric).toEqual(JSON.parse(parsed.stdout));
  });
});

describe('search index and the other pages', () => {
  it('builds the Pagefind index with the site, from the pages that mark content as searchable', () => {
    const bundle = path.join(build.outDir, 'pagefind');
    expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    const searchable = (route: string) => all(page(route), (element) => attr(element, 'data-pagefind-body') !== undefined).length === 1;
    // Documents and reference pages are found; pages that only list or point to others are not.
    expect(['roles/team-manager', 'playbooks/area-liaison', 'skills', 'glossary'].filter(searchable)).toHaveLength(4);
    expect(['', 'roles', 'playbooks', 'search', '404.html'].filter(searchable)).toEqual([]);
    const indexed = htmlFiles(build.outDir).filter((file) => readFileSync(file, 'utf8').includes('data-pagefind-body')).length;
    expect(entry.languages['en']!.page_count).toBe(indexed);
    expect(readdirSync(path.join(bundle, 'filter')).length).toBeGreaterThan(0);
    expect(build.output).toMatch(new RegExp(`Search index built: ${indexed} pages indexed \\(of \\d+ HTML files\\) in [\\d.]+ s\\.`));
  });

  it("indexes a role guide's skills and success factors once, where the page shows them structured", () => {
    // What Pagefind stored for the page: its fragment holds the text it indexed, as readers' results quote it.
    const fragments = path.join(build.outDir, 'pagefind/fragment');
    const stored = readdirSync(fragments)
      .map((file) => JSON.parse(gunzipSync(readFileSync(path.join(fragments, file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string })
      .find((fragment) => fragment.url === '/roles/team-manager/')!;
    const occurrences = (needle: string) => stored.content.split(needle).length - 1;
    const rubric = JSON.parse(readFileSync(path.join(build.outDir, 'rubric.json'), 'utf8')) as unknown[];
    const role = rubric.map((model) => RolebookDocumentSchema.parse(model)).find((model) => model.id === 'roles/team-manager');
    if (role?.kind !== 'role-guide') throw new Error('roles/team-manager is not a role guide in rubric.json');
    // Once each, in the factor cards, not again from the full text's Role Profile table.
    for (const factor of role.successFactors) expect(occurrences(factor.indicators[0]!), factor.name).toBe(1);
    // The full text's skill lines are left to the skills table, which says the same.
    const skillLines = all(page('roles/team-manager'), (element) => attr(element, 'data-structured') === 'skills').map((item) => squash(text(item)));
    expect(skillLines).toHaveLength(role.skills.length);
    for (const line of skillLines) expect(occurrences(line), line).toBe(0);
    for (const skill of role.skills) expect(occurrences(skill.name), skill.name).toBeGreaterThan(0);
    // The rest of the full text is still indexed: the stakeholders are only there.
    expect(occurrences(role.stakeholders[0]!.text)).toBeGreaterThan(0);
    // The Role Profile table is still in the page for readers, marked as shown above.
    const tables = all(page('roles/team-manager'), (element) => attr(element, 'data-structured') === 'success-factors');
    expect(tables.map((table) => table.tagName)).toEqual(['table']);
    // In its scrolling frame, like every table of the full text.
    expect(attr(tables[0]!.parentNode as Element, 'class')).toBe('table-wrap');
  });

  it('has a 404 page that leads back into the site', () => {
    const notFound = page('404.html');
    expect(squash(text(byTag(notFound, 'h1')[0]!))).toBe('Page not found');
    const hrefs = byTag(one(byTag(notFound, 'main'), 'main'), 'a').map((anchor) => attr(anchor, 'href'));
    expect(hrefs).toEqual(['/', '/search/', '/glossary/']);
  });

  it('has a search page that says, without JavaScript, where else to look', () => {
    const search = page('search');
    const noscript = one(byTag(one(byTag(search, 'main'), 'main'), 'noscript'), 'noscript');
    expect(squash(text(noscript))).toContain('Search needs JavaScript');
  });

  it('lists every document of a kind on its index page', () => {
    const roles = byClass(page('roles'), 'doc-card').map((card) => squash(text(byTag(card, 'h2')[0]!)));
    const playbooks = byClass(page('playbooks'), 'doc-card').map((card) => squash(text(byTag(card, 'h2')[0]!)));
    expect(roles).toEqual(['FastTrack Architect (FTA)', 'FastTrack Team Manager (TM)']);
    expect(playbooks).toEqual(['FastTrack Area Liaison']);
  });
});

describe('the guide for content owners', () => {
  it('has a rule reference with an anchor, the severity, explanation, fix and example of every registered rule', () => {
    const rules = page('contributing/rules');
    const sections = byClass(rules, 'rule');
    expect(sections.map((section) => attr(byTag(section, 'h2')[0]!, 'id'))).toEqual(RULE_IDS);
    for (const [index, id] of RULE_IDS.entries()) {
      const words = squash(text(sections[index]!));
      expect(words).toContain(`${RULES[id].severity === 'error' ? 'Error' : 'Warning'}. ${squash(RULES[id].summary)}`);
      expect(words).toContain(`How to fix: ${squash(RULES[id].fix)}`);
      expect(text(byTag(sections[index]!, 'pre')[0]!)).toBe(RULES[id].example);
    }
    // The index at the top links to each entry.
    const index = byClass(rules, 'rule-index')[0]!;
    expect(byTag(index, 'a').map((anchor) => attr(anchor, 'href'))).toEqual(RULE_IDS.map((id) => `#${id}`));
  });

  it('shows how each spelling of a level is read or refused, linking to the rules it gives', () => {
    const guide = page('contributing');
    const table = byTag(guide, 'table').find((candidate) => squash(text(candidate)).includes('What check does'))!;
    const rows = byTag(table, 'tr').slice(1).map((row) => byTag(row, 'td').map((cell) => squash(text(cell))));
    const outcome = (written: string) => rows.find((row) => row[0] === `- ${written}`)?.[1];
    expect(outcome('People Management – L300+')).toBe('Read');
    expect(outcome('SQL – Level 300')).toBe('Read, with a warning (skill-level-notation)');
    expect(outcome('Communication – L200-L300')).toBe('Error (skill-level-range)');
    expect(outcome('Planning – L200, Budgeting – L300')).toBe('Error (skill-level-multiple)');
    expect(outcome('L300+')).toBe('Error (skill-name-missing)');
    const links = byTag(table, 'a').map((anchor) => attr(anchor, 'href'));
    expect(links).toContain('/contributing/rules/#skill-level-range');
    expect(byTag(guide, 'a').map((anchor) => attr(anchor, 'href'))).toContain('/contributing/rules/');
  });
});

describe('a site built under a base path', () => {
  let based: BuildResult;

  beforeAll(async () => {
    based = await buildSite(BASE_PATH_BUILD);
    if (based.exitCode !== 0) throw new Error(`the build failed:\n${based.output}`);
  });

  it('links, loads and marks glossary terms only below the base', () => {
    for (const route of ['', 'roles/team-manager', 'playbooks/area-liaison', 'skills', 'glossary', '404.html', 'search']) {
      const file = route.endsWith('.html') ? path.join(based.outDir, route) : path.join(based.outDir, route, 'index.html');
      const document = parse(readFileSync(file, 'utf8'));
      const urls = all(document, (element) => ['a', 'link', 'script'].includes(element.tagName))
        .map((element) => attr(element, 'href') ?? attr(element, 'src'))
        .filter((url): url is string => !!url && url.startsWith('/'));
      expect(urls.length, route).toBeGreaterThan(5);
      for (const url of urls) expect(url, `${url} on /${route}`).toMatch(/^\/playbook\//);
    }
    const role = readFileSync(path.join(based.outDir, 'roles/team-manager/index.html'), 'utf8');
    expect(role).toContain('href="/playbook/glossary/#term-m365"');
    const search = readFileSync(path.join(based.outDir, 'search/index.html'), 'utf8');
    expect(search).toContain('data-base="/playbook/"');
  });
});

describe('page weight', () => {
  const gzipped = (url: string) => gzippedSize(build.outDir, url);

  it('keeps a role page within 16 KB of JavaScript and 10 KB of CSS (gzip) before search is opened', () => {
    const role = page('roles/team-manager');
    const scripts = new Set<string>();
    for (const script of byTag(role, 'script').filter((element) => attr(element, 'type') === 'module')) {
      for (const url of staticClosure(build.outDir, attr(script, 'src')!)) scripts.add(url);
    }
    const styles = byTag(role, 'link').filter((link) => attr(link, 'rel') === 'stylesheet').map((link) => attr(link, 'href')!);
    const js = [...scripts].reduce((total, url) => total + gzipped(url), 0);
    const css = styles.reduce((total, url) => total + gzipped(url), 0);
    expect([...scripts].some((url) => /search-ui|pagefind/.test(url)), [...scripts].join(' ')).toBe(false);
    expect(js, [...scripts].join(' ')).toBeLessThanOrEqual(16 * 1024);
    expect(css, styles.join(' ')).toBeLessThanOrEqual(10 * 1024);
    // The search UI exists, as its own file, for when it is needed.
    expect(readdirSync(path.join(build.outDir, '_astro')).some((file) => /^search-ui\.[\w-]+\.js$/.test(file))).toBe(true);
  });

  it('spends at most 2 % of any page on the attributes of scoped styles, which Astro repeats on every element', () => {
    // The content health page's table had them on some twenty elements a document: a third of the
    // page at 1,000 documents, which every commit changes and the build renders and checks again.
    const shares = htmlFiles(build.outDir).map((file) => {
      const html = readFileSync(file, 'utf8');
      const scoped = (html.match(/ data-astro-cid-[a-z0-9]+/g) ?? []).join('').length;
      return { page: path.relative(build.outDir, file), share: scoped / html.length };
    });
    expect(shares.length).toBeGreaterThan(10);
    expect(shares.filter(({ share }) => share > 0.02)).toEqual([]);
  });
});

describe('site logic that the pages rely on', () => {
  it('links each document to the previous and next of its kind, in title order', async () => {
    const { pagerFor } = await import('../../src/site/navigation.ts');
    const roles = ['Analyst', 'Team Manager', 'Zeta'].map((title) => ({ model: { kind: 'role-guide', id: `roles/${title.toLowerCase().replace(' ', '-')}`, title } }));
    const content = { roles, playbooks: [], documents: roles } as never;
    expect(pagerFor(content, roles[1] as never)).toEqual({
      previous: { label: 'Analyst', href: '/roles/analyst/' },
      next: { label: 'Zeta', href: '/roles/zeta/' },
    });
    expect(pagerFor(content, roles[0] as never)).toEqual({ previous: undefined, next: { label: 'Team Manager', href: '/roles/team-manager/' } });
  });

  it('refuses to build pages from content with errors, listing every error with file, line and column', async () => {
    const { loadSiteContent, ContentError } = await import('../../src/site/content.ts');
    const { loadContent } = await import('../../src/content/load.ts');
    const contentDir = path.join(projectRoot, 'test/fixtures/glossary/bad');
    const error = await loadSiteContent(contentDir, '/', (folder, base) => loadContent(folder, { base })).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContentError);
    // Astro's overlay opens the first problem's file.
    expect((error as InstanceType<typeof ContentError>).loc).toEqual({ file: path.join(contentDir, 'glossary/one.md'), line: 5, column: 1 });
    const message = (error as Error).message;
    expect(message).toMatch(/^The content has 5 error\(s\); the site was not built:\n/);
    expect(message).toContain(`${path.relative(process.cwd(), path.join(contentDir, 'glossary/one.md'))}:5:1: error: “TM – no bold term” does not start with a term in bold.`);
    expect(message).toContain(`${path.relative(process.cwd(), path.join(contentDir, 'glossary/two.md'))}:4:1: error: “TM” is already in the glossary (one.md, line 4). Keep one entry per term. [glossary-duplicate-term]`);
  });

  it('keeps the sidebar small with thousands of documents: a window around the current page and a link to all', async () => {
    const { sidebarGroups, WINDOW_SIZE } = await import('../../src/site/navigation.ts');
    const roles = Array.from({ length: 2500 }, (_, i) => ({
      model: { kind: 'role-guide', id: `roles/role-${String(i).padStart(4, '0')}`, title: `Role ${String(i).padStart(4, '0')}` },
    }));
    const content = { roles, playbooks: [], documents: roles } as never;
    const groups = sidebarGroups(content, '/roles/role-1234/');
    const roleGroup = groups[0]!;
    expect(roleGroup.links).toHaveLength(WINDOW_SIZE);
    expect(roleGroup.links.find((link) => link.current)?.href).toBe('/roles/role-1234/');
    expect(roleGroup.links[0]!.label).toBe('Role 1230');
    expect(roleGroup.more).toEqual({ label: 'All role guides', href: '/roles/', current: false });
    const total = groups.reduce((count, group) => count + group.links.length + (group.more ? 1 : 0), 0);
    expect(total).toBeLessThan(20);
    // Away from the roles, the group shows only its first few and the link to all.
    expect(sidebarGroups(content, '/glossary/')[0]!.links).toHaveLength(5);
  });

  it('refuses a document whose page would replace one of the site’s own pages', async () => {
    const { assertNoRouteClash } = await import('../../src/site/routes.ts');
    const document = (id: string, source: string) => ({ model: { id, source } }) as never;
    expect(() => assertNoRouteClash([document('roles/team-manager', 'roles/team-manager.md'), document('playbooks/area/x', 'playbooks/area/x.md')])).not.toThrow();
    expect(() => assertNoRouteClash([document('glossary/extra', 'glossary/extra.md'), document('roles', 'roles.md')])).toThrow(
      'Some documents would replace pages of the site:\n  glossary/extra.md: its page would be /glossary/extra/, which the site itself uses. Rename or move the file.\n  roles.md: its page would be /roles/, which the site itself uses. Rename or move the file.',
    );
  });
});
