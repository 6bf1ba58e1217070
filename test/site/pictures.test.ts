/**
 * Pictures and files beside the content in the built site: the project's own pages show their
 * diagrams through Astro's image pipeline (a `<picture>` with AVIF and WebP, width, height, lazy
 * loading), and a content folder using every kind of picture and linked file builds under a base
 * path with each file published and every link to it resolving (the output check passes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/site.ts';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

function elements(root: Node, tag: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node && node.tagName === tag) found.push(node);
    for (const child of 'childNodes' in node ? (node.childNodes as Node[]) : []) walk(child);
  };
  walk(root);
  return found;
}

const attr = (element: Element, name: string) => element.attrs.find((attribute) => attribute.name === name)?.value;

function prose(build: BuildResult, route: string): Node {
  const html = readFileSync(path.join(build.outDir, route, 'index.html'), 'utf8');
  const document = parse(html);
  const body = elements(document, 'div').find((element) => attr(element, 'class') === 'prose');
  expect(body, `${route} has its full text`).toBeDefined();
  return body!;
}

/** The built file a site URL (below `base`) is served from. */
function builtFile(build: BuildResult, base: string, url: string): string {
  expect(url.startsWith(base), `${url} is below ${base}`).toBe(true);
  return path.join(build.outDir, decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, '')));
}

function expectOptimisedPicture(build: BuildResult, picture: Element, size: { width: string; height: string }, base = '/') {
  const [source] = elements(picture, 'source');
  const [img] = elements(picture, 'img');
  expect(attr(source!, 'type')).toBe('image/avif');
  expect(attr(source!, 'srcset')).toMatch(/\.avif$/);
  expect(attr(img!, 'src')).toMatch(/\.webp$/);
  expect(attr(img!, 'alt')?.length).toBeGreaterThan(10);
  expect({ width: attr(img!, 'width'), height: attr(img!, 'height') }).toEqual(size);
  expect(attr(img!, 'loading')).toBe('lazy');
  expect(attr(img!, 'decoding')).toBe('async');
  // Real AVIF and WebP files, not copies of the PNG.
  const avif = readFileSync(builtFile(build, base, attr(source!, 'srcset')!));
  const webp = readFileSync(builtFile(build, base, attr(img!, 'src')!));
  expect(avif.subarray(4, 12).toString('latin1')).toBe('ftypavif');
  expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
  return img!;
}

describe('the project content: pictures beside the pages', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite();
    if (build.exitCode !== 0) throw new Error(`the build failed:\n${build.output}`);
  });

  it('shows the role guide’s markdown picture as an optimised, sized, lazy <picture>', () => {
    const [picture, ...others] = elements(prose(build, 'roles/team-manager'), 'picture');
    expect(others).toHaveLength(0);
    const img = expectOptimisedPicture(build, picture!, { width: '1200', height: '640' });
    expect(attr(img, 'alt')).toMatch(/^The Team Manager in the middle of four stakeholder groups/);
  });

  it('shows the playbook’s DocFX complex picture with its long description tied to it', () => {
    const body = prose(build, 'playbooks/area-liaison');
    const [figure] = elements(body, 'figure');
    const img = expectOptimisedPicture(build, elements(figure!, 'picture')[0]!, { width: '1200', height: '560' });
    const described = attr(img, 'aria-describedby')!;
    const description = elements(figure!, 'div').find((element) => attr(element, 'id') === described);
    expect(description, 'the long description has the id the picture names').toBeDefined();
    expect(elements(figure!, 'details')).toHaveLength(1);
    expect(elements(figure!, 'summary')).toHaveLength(1);
  });
});

describe('every kind of picture and linked file, under a base path', () => {
  const contentDir = path.join(projectRoot, 'test/unit/fixtures/pictures-ok');
  const base = '/playbook/';
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentDir, base });
  });

  it('builds, and the output check finds every picture and file link resolving', () => {
    expect(build.exitCode, build.output).toBe(0);
    expect(build.output).toContain('All internal links and anchors resolve.');
    const html = readFileSync(path.join(build.outDir, 'playbooks/pictures/index.html'), 'utf8');
    expect(html).not.toContain('/_rolebook/file/');
  });

  it('publishes linked files byte for byte, keeping the #fragment written in the link', () => {
    const links = elements(prose(build, 'playbooks/pictures'), 'a');
    const report = links.find((link) => link.childNodes.some((child) => 'value' in child && child.value === 'the report'))!;
    const budget = links.find((link) => link.childNodes.some((child) => 'value' in child && child.value === 'the budget'))!;
    expect(attr(report, 'href')).toMatch(/^\/playbook\/_astro\/report\.[\w-]+\.pdf#page=2$/);
    expect(readFileSync(builtFile(build, base, attr(report, 'href')!))).toEqual(readFileSync(path.join(contentDir, 'playbooks/media/report.pdf')));
    expect(readFileSync(builtFile(build, base, attr(budget, 'href')!))).toEqual(readFileSync(path.join(contentDir, 'playbooks/media/budget.xlsx')));
    // A link to a picture offers the picture as saved, not a resized copy.
    const chart = links.find((link) => link.childNodes.some((child) => 'value' in child && child.value === 'the full chart'))!;
    expect(attr(chart, 'href')).toMatch(/\.png$/);
    expect(readFileSync(builtFile(build, base, attr(chart, 'href')!))).toEqual(readFileSync(path.join(contentDir, 'playbooks/media/chart.png')));
  });

  it('optimises raster pictures, publishes SVG as it is, and finds an include’s picture beside the include', () => {
    const body = prose(build, 'playbooks/pictures');
    const pictures = elements(body, 'picture');
    // chart (markdown, DocFX content, DocFX complex, reference), photo, animation (raw <img>), the include's logo.
    expect(pictures).toHaveLength(7);
    for (const picture of pictures) {
      const img = elements(picture, 'img')[0]!;
      const source = elements(picture, 'source')[0]!;
      expect(attr(img, 'src')).toMatch(/^\/playbook\/_astro\/.+\.webp$/);
      expect(attr(source, 'srcset')).toMatch(/^\/playbook\/_astro\/.+\.avif$/);
      expect([attr(img, 'width'), attr(img, 'height'), attr(img, 'loading')]).toEqual(['40', '30', 'lazy']);
    }
    expect(pictures.map((picture) => attr(elements(picture, 'img')[0]!, 'alt'))).toContain('The fragment\'s logo');
    const svgs = elements(body, 'img').filter((img) => /\.svg$/.test(attr(img, 'src') ?? ''));
    expect(svgs.map((img) => [attr(img, 'alt'), attr(img, 'width'), attr(img, 'height'), attr(img, 'loading')])).toEqual([
      ['', '16', '16', 'lazy'],
      ['', '16', '16', 'lazy'],
      ['A tick', '16', '16', 'lazy'],
    ]);
    expect(readFileSync(builtFile(build, base, attr(svgs[0]!, 'src')!), 'utf8')).toContain('<path d="M2 8l4 4 8-8"');
  });
});
