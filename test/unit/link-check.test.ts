/**
 * The output link check. On a small hand-written site: broken references in built pages are
 * reported at the page's own line and column when no markdown holds them. On pages built from a
 * real content folder: every broken link the author wrote — markdown or raw HTML, in the document
 * or in an include — is reported at the markdown file, line and column, once.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, checkPage, locateReferences, PageFindingsSchema } from '../../src/build/link-check.ts';
import { LinkSourcesReportSchema, linkSourcesOf } from '../../src/build/link-sources.ts';
import { loadContent } from '../../src/content/load.ts';
import type { RenderedDocument } from '../../src/model/rendered.ts';
import type { Problem } from '../../src/model/schemas.ts';
import { projectRoot } from '../helpers/site.ts';

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'rolebook-links-'));
  await mkdir(path.join(outDir, 'roles/analyst'), { recursive: true });
  await writeFile(
    path.join(outDir, 'index.html'),
    [
      '<!doctype html><html><head><script>const a = "<a href=\\"/nowhere/\\">";</script></head><body>',
      '<a href="/roles/analyst/">Analyst</a> <a href="/roles/analyst/#skills">Skills</a>',
      '  <p>See <a class="x" data-note="&amp;" href="/roles/analist/">this</a> and <img alt="" src="/missing.png"></p>',
      '<a href="#top">Top</a><a name="top"></a><a href="https://example.com/">out</a>',
      '</body></html>',
    ].join('\n'),
  );
  await writeFile(path.join(outDir, 'roles/analyst/index.html'), '<h2 id="skills">Skills</h2><a href="../../#tpo">up</a>');
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const shown = (problems: Problem[], root: string) =>
  problems.map((problem) => `${path.relative(root, problem.file)}:${problem.line}:${problem.column} ${problem.message}`);

describe('the output link check', () => {
  it('reports each broken internal reference at its line and column in the built page, and nothing else', async () => {
    const problems = await checkLinks({ outDir, base: '/', documents: [] });
    expect(shown(problems, outDir)).toEqual([
      'index.html:3:41 The link “/roles/analist/” on / is broken: there is no page /roles/analist/ on the site.',
      'index.html:3:89 The link “/missing.png” on / is broken: there is no page /missing.png on the site.',
      'roles/analyst/index.html:1:31 The link “../../#tpo” on /roles/analyst/ is broken: the page / has no heading or element with the id “tpo”. Did you mean “#top”?',
    ]);
  });
});

describe('checkPage, one built page', () => {
  it('reads attribute values as HTML does: every character reference decoded, any quoting', () => {
    const findings = checkPage(
      '<h2 id="caf&eacute;">Café</h2><a href="/a&sol;b/?x=1&amp;y=2#caf&#xE9;">x</a><a href=/plain/ id=\'single\'>y</a><a name="old">z</a>',
    );
    expect(findings.ids).toEqual(['café', 'single', 'old']);
    expect(findings.references).toEqual(['/a/b/?x=1&y=2#café', '/plain/']);
  });

  it('finds no links in scripts, styles, titles and text areas, but does in <noscript> (read with JavaScript off)', () => {
    const findings = checkPage(
      [
        '<title><a href="/in-title/"></title><style>a[href="/in-style/"] {}</style>',
        '<script>document.write(\'<a href="/in-script/">\')</script><textarea><img src="/in-textarea.png"></textarea>',
        '<noscript><a href="/without-js/">search</a></noscript><svg><style><a href="/in-svg/"></a></style></svg>',
      ].join(''),
    );
    expect(findings.references).toEqual(['/without-js/', '/in-svg/']);
  });

  it('leaves out external and empty references, and names each value once', () => {
    const html = '<a href="https://example.com/">x</a>\n<a href="mailto:a@b.c">m</a> <a href=" ">e</a>\n  <img alt="" src="/x.png"><a href="/x.png">x</a>';
    expect(checkPage(html).references).toEqual(['/x.png']);
  });

  it('finds the line and column of every occurrence of the references asked for, and of no other', () => {
    const html = '<a href="/a/">a</a>\n<a href="/b/">b</a> <script>"<a href=/b/>"</script>\n  <img alt="" src="/b/"><a href="/c/">c</a>';
    expect(locateReferences(html, new Set(['/b/']))).toEqual([
      { value: '/b/', line: 2, column: 4 },
      { value: '/b/', line: 3, column: 15 },
    ]);
    expect(locateReferences(new TextEncoder().encode(html), new Set(['/a/', '/nowhere/']))).toEqual([{ value: '/a/', line: 1, column: 4 }]);
  });

  it('says whether the page carries the Content-Security-Policy meta tag', () => {
    expect(checkPage('<meta HTTP-EQUIV="Content-Security-Policy" content="default-src \'self\'">').contentSecurityPolicy).toBe(true);
    expect(checkPage('<meta name="content-security-policy"><p>http-equiv="content-security-policy"</p>').contentSecurityPolicy).toBe(false);
  });

  it('gives the same plain JSON for the same bytes, so a build can cache it', () => {
    const html = '<h2 id="a">A</h2><a href="#a">A</a>';
    const findings = checkPage(new TextEncoder().encode(html));
    expect(PageFindingsSchema.parse(JSON.parse(JSON.stringify(findings)))).toEqual(checkPage(html));
  });
});

describe('links written in the content', () => {
  const contentDir = path.join(projectRoot, 'test/fixtures/links');
  let siteDir: string;
  let documents: RenderedDocument[];

  /** Each page as a layout would build it: navigation around the document's own HTML. */
  const page = (body: string) =>
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body>\n` +
    `<nav><a href="/">Home</a> <a href="/roles/analyst/">Analyst</a> <a href="/retired/">Retired</a></nav>\n<main>${body}</main></body></html>`;

  beforeAll(async () => {
    ({ documents } = await loadContent(contentDir, { cacheDir: false }));
    siteDir = await mkdtemp(path.join(os.tmpdir(), 'rolebook-content-links-'));
    await writeFile(path.join(siteDir, 'index.html'), page(''));
    await mkdir(path.join(siteDir, 'glossary'));
    await writeFile(path.join(siteDir, 'glossary/index.html'), page('<dl><dt id="term-tm">TM</dt></dl>'));
    for (const document of documents) {
      await mkdir(path.join(siteDir, document.model.id), { recursive: true });
      await writeFile(path.join(siteDir, document.model.id, 'index.html'), page(document.html));
    }
  });

  afterAll(async () => {
    await rm(siteDir, { recursive: true, force: true });
  });

  it('reports each broken link at the markdown file, line and column where it was written, raw HTML and includes too', async () => {
    const problems = await checkLinks({ outDir: siteDir, base: '/', documents });
    const fromContent = shown(problems, contentDir).filter((line) => !line.startsWith('..'));
    expect(fromContent).toEqual([
      'roles/analyst.md:12:22 The link “../playbooks/escalations.md#objectivs” is broken: the page /playbooks/escalations/ has no heading or element with the id “objectivs”. Did you mean “#objectives”?',
      'playbooks/includes/contacts.md:1:5 The link “/desk/” on /playbooks/escalations/ is broken: there is no page /desk/ on the site.',
      'roles/analyst.md:14:20 The link “/nope/” on /roles/analyst/ is broken: there is no page /nope/ on the site.',
      'roles/analyst.md:16:20 The link “../retired/” on /roles/analyst/ is broken: there is no page /roles/retired/ on the site.',
      'roles/analyst.md:18:39 The link “#skils” on /roles/analyst/ is broken: the page /roles/analyst/ has no heading or element with the id “skils”. Did you mean “#skills”?',
      'roles/includes/more.md:1:13 The link “/glossary/#term-nothing” on /roles/analyst/ is broken: the page /glossary/ has no heading or element with the id “term-nothing”.',
      'roles/includes/more.md:3:6 The link “../../nowhere/” on /roles/analyst/ is broken: there is no page /nowhere/ on the site.',
    ]);
  });

  it('reports what the layout wrote at the built page, once per page', async () => {
    const problems = await checkLinks({ outDir: siteDir, base: '/', documents });
    const fromTemplates = shown(problems, siteDir).filter((line) => !line.startsWith('..'));
    expect(fromTemplates).toEqual([
      'glossary/index.html:2:68 The link “/retired/” on /glossary/ is broken: there is no page /retired/ on the site.',
      'index.html:2:68 The link “/retired/” on / is broken: there is no page /retired/ on the site.',
      'playbooks/escalations/index.html:2:68 The link “/retired/” on /playbooks/escalations/ is broken: there is no page /retired/ on the site.',
      'roles/analyst/index.html:2:68 The link “/retired/” on /roles/analyst/ is broken: there is no page /retired/ on the site.',
    ]);
    expect(problems).toHaveLength(11);
  });

  it('finds the same problems from the links `rolebook check` hands over as from the whole documents', async () => {
    // What the output check reads in a build: the step report, written as JSON and read back through its schema.
    const handed = LinkSourcesReportSchema.parse(JSON.parse(JSON.stringify(linkSourcesOf(documents))));
    expect(handed.documents).toHaveLength(documents.length);
    const fromReport = await checkLinks({ outDir: siteDir, base: '/', documents: handed.documents });
    expect(fromReport).toEqual(await checkLinks({ outDir: siteDir, base: '/', documents }));
    expect(fromReport.length).toBeGreaterThan(7);
  });

  it('refuses a step report whose links lack their place', () => {
    const report = linkSourcesOf(documents);
    const broken = JSON.parse(JSON.stringify(report)) as { documents: { links: { line?: number }[] }[] };
    const withLink = broken.documents.find((document) => document.links.length > 0)!;
    delete withLink.links[0]!.line;
    expect(LinkSourcesReportSchema.safeParse(broken).success).toBe(false);
  });
});
