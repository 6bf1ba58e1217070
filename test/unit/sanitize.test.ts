/**
 * The sanitiser's allow-list, through the same steps the page pipeline uses:
 * remark-rehype (raw HTML kept) → rehype-raw → rehype-sanitize(sanitizeSchema) → rehype-slug.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { sanitizeSchema } from '../../plugins/lib/sanitize.ts';
import { findActiveMarkup } from '../fixtures/hostile/harness.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlug)
  .use(rehypeStringify);

const render = (markdown: string) => String(processor.processSync(markdown)).trim();

describe('sanitizeSchema keeps what guides use', () => {
  it.each([
    ['line breaks, sub, sup, kbd, mark', 'a<br>b H<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd> <mark>m</mark>', '<p>a<br>b H<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd> <mark>m</mark></p>'],
    ['abbr with title', '<abbr title="Team Manager">TM</abbr>', '<p><abbr title="Team Manager">TM</abbr></p>'],
    ['details and summary', '<details open><summary>More</summary>Text</details>', '<details open><summary>More</summary>Text</details>'],
    ['definition lists', '<dl><dt>A</dt><dd>B</dd></dl>', '<dl><dt>A</dt><dd>B</dd></dl>'],
    ['tables with caption and spans', '<table><caption>C</caption><tr><td colspan="2">x</td></tr></table>', '<table><caption>C</caption><tbody><tr><td colspan="2">x</td></tr></tbody></table>'],
    ['small, u, cite, dfn, time', '<small>s</small> <u>u</u> <cite>c</cite> <dfn>d</dfn> <time datetime="2026-01-02">t</time>', '<p><small>s</small> <u>u</u> <cite>c</cite> <dfn>d</dfn> <time datetime="2026-01-02">t</time></p>'],
    ['mail, phone, web, relative and anchor links', '<a href="mailto:a@b.c">m</a> <a href="tel:+441234">t</a> <a href="https://x.test/">w</a> <a href="../x/">r</a> <a href="#top">a</a>', '<p><a href="mailto:a@b.c">m</a> <a href="tel:+441234">t</a> <a href="https://x.test/">w</a> <a href="../x/">r</a> <a href="#top">a</a></p>'],
    ['images over https or from the site', '<img src="https://x.test/a.png" alt="a" loading="lazy"> <img src="./b.png" alt="b">', '<p><img src="https://x.test/a.png" alt="a" loading="lazy"> <img src="./b.png" alt="b"></p>'],
  ])('%s', (_name, markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it('keeps the pipeline’s callouts: aside with its classes, role and label, and the title paragraph', () => {
    expect(
      render('<aside class="callout callout-warning" role="note" aria-label="Warning"><p class="callout-title">Warning</p></aside>'),
    ).toBe('<aside class="callout callout-warning" role="note" aria-label="Warning"><p class="callout-title">Warning</p></aside>');
  });

  it('keeps glossary terms: abbr.term wrapping a link to the glossary', () => {
    expect(render('<abbr title="Team Manager" class="term"><a href="/glossary/#term-tm">TM</a></abbr>')).toBe(
      '<p><abbr title="Team Manager" class="term"><a href="/glossary/#term-tm">TM</a></abbr></p>',
    );
  });

  it('drops classes the site does not own, keeping the ones it does', () => {
    expect(render('<aside class="callout sr-only callout-note fixed-overlay">x</aside>')).toBe('<aside class="callout callout-note">x</aside>');
    expect(render('<span class="callout">x</span>')).toBe('<p><span>x</span></p>');
  });

  it('keeps ids without a prefix: slugs for headings, and anchors authors write', () => {
    expect(render('## Key Stakeholders\n\n<h3 id="custom">Custom</h3>\n\n<a id="faq"></a>')).toBe(
      '<h2 id="key-stakeholders">Key Stakeholders</h2>\n<h3 id="custom">Custom</h3>\n<p><a id="faq"></a></p>',
    );
  });

  it('keeps GFM footnotes working: the reference and the note share the same id', () => {
    const html = render('Text[^1].\n\n[^1]: The note.');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
  });

  it('keeps task-list checkboxes, disabled', () => {
    expect(render('- [x] done')).toContain('<input type="checkbox" checked disabled>');
  });
});

describe('sanitizeSchema removes what could run, embed, restyle or submit', () => {
  it.each([
    ['script, with its text', '<script>alert(1)</script>\n\nafter', '<p>after</p>'],
    ['style, with its text', '<style>body{display:none}</style>\n\nafter', '<p>after</p>'],
    ['iframe, object, embed', '<iframe src="https://x.test"></iframe><object data="x">fallback</object><embed src="y">', ''],
    ['svg with handlers and scripts, and its text', '<svg onload="alert(1)"><script>alert(2)</script><text>t</text></svg>', '<p></p>'],
    ['MathML', '<math><mi>x</mi></math>', '<p></p>'],
    ['form controls (text of a form is kept)', '<form action="https://x.test"><input name="q"><button>Go</button><textarea>t</textarea><select><option>o</option></select></form>', 'Go'],
    ['event handlers', '<img src="a.png" onerror="alert(1)" alt="a">', '<img src="a.png" alt="a">'],
    ['style attributes', '<p style="position:fixed">x</p>', '<p>x</p>'],
    ['javascript: links in any spelling', '<a href="javascript:alert(1)">a</a><a href="JAVASCRIPT:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a><a href="java&#x09;script:alert(1)">d</a>', '<p><a>a</a><a>b</a><a>c</a><a>d</a></p>'],
    ['markdown links to javascript:', '[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['data: and vbscript: addresses', '<a href="data:text/html,x">a</a><img src="data:image/png;base64,AA"><a href="vbscript:x">b</a>', '<p><a>a</a><img><a>b</a></p>'],
    ['data: in srcset', '<img srcset="data:image/png;base64,AA 1x" alt="s">', '<img alt="s">'],
    ['name on images (document clobbering)', '<img src="a.png" name="getElementById" alt="a">', '<img src="a.png" alt="a">'],
    ['an input outside a task list', '<input type="checkbox">', ''],
    ['meta, link and base', '<meta http-equiv="refresh" content="0;url=https://x.test"><link rel="stylesheet" href="x.css"><base href="https://x.test/">', '<p></p>'],
  ])('%s', (_name, markdown, html) => {
    const output = render(markdown);
    expect(output).toBe(html);
    expect(findActiveMarkup(output)).toEqual([]);
  });
});
