/**
 * Pictures and files beside the content, past the model: what remark-local-files hands the site
 * (the files each page uses, placeholders in the HTML), DocFX complex pictures as accessible
 * figures, picture sniffing by bytes, and the parse cache noticing a picture that appears.
 * The problems themselves are the pipeline fixtures `pictures-*` (test/unit/pipeline.test.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchesImageExtension, sniffKind } from '../../plugins/lib/file-kind.ts';
import { loadContent } from '../../src/content/load.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const temporary: string[] = [];
afterAll(() => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function renderedOk() {
  const result = await loadContent(path.join(fixtures, 'pictures-ok'), { cacheDir: false });
  expect(result.problems).toEqual([]);
  return result.documents[0]!;
}

describe('pictures on a rendered page', () => {
  it('lists each file the page uses once, read relative to the file that names it', async () => {
    const document = await renderedOk();
    // Markdown pictures and links first, in document order, then raw HTML pictures.
    expect(document.localFiles).toEqual([
      { path: 'playbooks/media/chart.png', kind: 'image' },
      { path: 'playbooks/media/photo copy.jpg', kind: 'image' },
      { path: 'playbooks/media/tick.svg', kind: 'svg' },
      { path: 'playbooks/media/report.pdf', kind: 'file' },
      { path: 'playbooks/media/budget.xlsx', kind: 'file' },
      // The include's `media/logo.png` is beside the include, not beside the page.
      { path: 'playbooks/includes/media/logo.png', kind: 'image' },
      { path: 'playbooks/media/anim.gif', kind: 'image' },
    ]);
  });

  it('points every picture and file link at its placeholder, keeping alt text, titles and #fragments', async () => {
    const { html } = await renderedOk();
    expect(html).toContain('<img src="/_rolebook/file/0" alt="A blue chart">');
    expect(html).toContain('<img src="/_rolebook/file/1" alt="A photo" title="The photo">');
    expect(html).toContain('<img src="/_rolebook/file/6" alt="An animation"> and <img src="/_rolebook/file/2" alt="">');
    expect(html).toContain('<a href="/_rolebook/file/3#page=2">the report</a>');
    expect(html).toContain('<a href="/_rolebook/file/4">the budget</a>');
    expect(html).toContain('<a href="/_rolebook/file/0">the full chart</a>');
    expect(html).toContain('<img src="/_rolebook/file/5" alt="The fragment&#x27;s logo">');
    // DocFX pictures: content with its alt text, an icon without one is decoration.
    expect(html).toContain('<img src="/_rolebook/file/0" alt="The same chart, by DocFX">');
    expect(html).toContain('<p><img src="/_rolebook/file/2" alt=""></p>');
    // Nothing is left pointing at the markdown's own paths.
    expect(html).not.toMatch(/(?:src|href)="(?:\.\/)?media\//);
  });

  it('renders a DocFX complex picture as a figure described by its long description', async () => {
    const { html } = await renderedOk();
    const figures = [...html.matchAll(/<figure>([\s\S]*?)<\/figure>/g)].map((match) => match[1]!);
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain('<img src="/_rolebook/file/0" alt="A chart with a long description" aria-describedby="picture-description-1">');
    expect(figures[0]).toContain('<details><summary>Long description of the picture</summary><div id="picture-description-1"><p>The chart is <strong>blue</strong> with a white circle in the middle.</p></div></details>');
    // A description over several blocks keeps them all, as markdown.
    expect(figures[1]).toContain('<img src="/_rolebook/file/2" alt="A tick" aria-describedby="picture-description-2">');
    expect(figures[1]).toMatch(/<div id="picture-description-2"><p>A green tick, drawn as one line.<\/p>\s*<ul>\s*<li>It means done.<\/li>\s*<\/ul>\s*<\/div>/);
    expect(html).not.toContain(':::image');
  });
});

describe('telling a picture by its bytes', () => {
  const media = path.join(fixtures, 'pictures-ok/playbooks/media');
  it('recognises real pictures whatever their name, and refuses text named like one', () => {
    expect(sniffKind(readFileSync(path.join(media, 'chart.png')))).toBe('png');
    expect(sniffKind(readFileSync(path.join(media, 'photo copy.jpg')))).toBe('jpeg');
    expect(sniffKind(readFileSync(path.join(media, 'anim.gif')))).toBe('gif');
    expect(sniffKind(readFileSync(path.join(media, 'tick.svg')))).toBe('svg');
    expect(sniffKind(readFileSync(path.join(media, 'report.pdf')))).toBe('other');
    expect(sniffKind(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffKind(Buffer.from('\0\0\0\x1cftypavif'))).toBe('avif');
    expect(sniffKind(Buffer.from('<!-- drawn by hand -->\n<svg viewBox="0 0 1 1"/>'))).toBe('svg');
    expect(sniffKind(Buffer.from('<html><svg></svg></html>'))).toBe('other');
    // A JPEG saved as .png is still a picture; an SVG must hold SVG.
    expect(matchesImageExtension(readFileSync(path.join(media, 'photo copy.jpg')), 'png')).toBe(true);
    expect(matchesImageExtension(readFileSync(path.join(media, 'chart.png')), 'svg')).toBe(false);
    expect(matchesImageExtension(readFileSync(path.join(media, 'tick.svg')), 'png')).toBe(false);
  });
});

describe('the parse cache and pictures', () => {
  it('checks a page again when a picture it was missing appears', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-pictures-'));
    temporary.push(folder);
    cpSync(path.join(fixtures, 'pictures-missing'), folder, { recursive: true });
    const cacheDir = path.join(folder, '.cache');
    const first = await loadContent(folder, { cacheDir });
    expect(first.problems.map((problem) => problem.ruleId)).toContain('image-missing');
    // While a picture is missing the page is never taken from the cache.
    const again = await loadContent(folder, { cacheDir });
    expect(again.stats.parsed).toBe(1);

    const page = path.join(folder, 'playbooks/missing.md');
    const present = path.join(folder, 'playbooks/media/present.png');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^!\[A chart\]\(media\/gone\.png\)$/m, '![A chart](media/present.png)'));
    for (const name of ['gone-too.png', 'no-such.gif']) cpSync(present, path.join(folder, 'playbooks/media', name));
    writeFileSync(page, readFileSync(page, 'utf8').replace('![A folder](media)', '').replace('[the report](media/no-report.pdf)', 'the report'));
    const fixed = await loadContent(folder, { cacheDir });
    expect(fixed.problems).toEqual([]);
    expect((await loadContent(folder, { cacheDir })).stats.cached).toBe(1);

    // Now the page is cached as fine; removing a picture it uses must be noticed.
    rmSync(path.join(folder, 'playbooks/media/no-such.gif'));
    const broken = await loadContent(folder, { cacheDir });
    expect(broken.stats.parsed).toBe(1);
    expect(broken.problems.map((problem) => [problem.line, problem.ruleId])).toEqual([[23, 'image-missing']]);
  });
});
