/**
 * remark-html-audit on plain remark: it warns (never errors) with file:line:col about everything
 * the sanitiser removes, says nothing when nothing is removed, and agrees with the sanitiser on
 * random HTML.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkHtmlAudit from '../../plugins/remark-html-audit.ts';
import { sanitizeSchema } from '../../plugins/lib/sanitize.ts';

const auditor = unified().use(remarkParse).use(remarkGfm).use(remarkHtmlAudit);

function audit(markdown: string) {
  const file = new VFile({ path: 'guide.md', value: markdown });
  auditor.runSync(auditor.parse(file), file);
  return file.messages;
}

const warnings = (markdown: string) => audit(markdown).map((message) => `${message.line}:${message.column} ${message.reason}`);

describe('remark-html-audit', () => {
  it('reports removals as warnings with rule html-removed, source rolebook, and the file', () => {
    const [message, ...rest] = audit('Text\n\n<script>alert(1)</script>\n');
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      line: 3,
      column: 1,
      fatal: false,
      ruleId: 'html-removed',
      source: 'rolebook',
      file: 'guide.md',
      reason: 'Removed a <script> element and everything in it: raw HTML scripts never run on the site.',
    });
  });

  it.each([
    ['<script> inline, at its column', 'Some <script>x()</script> text', ['1:6 Removed a <script> element and everything in it: raw HTML scripts never run on the site.']],
    ['an event handler', '<img src="a.png" onerror="x()" alt="a">', ['1:1 Removed the onerror attribute from <img>: event handlers never run on the site.']],
    ['a style attribute and an unknown class', 'A <span style="color:red" class="big">word</span>', [
      '1:3 Removed the class attribute from <span>: only the site’s own classes are kept.',
      '1:3 Removed the style attribute from <span>: pages use the site’s own styles.',
    ]],
    ['one unknown class among allowed ones', '<abbr title="Team Manager" class="term huge">TM</abbr>', ['1:1 Removed the class “huge” from <abbr>: only the site’s own classes are kept.']],
    ['a javascript: link in raw HTML', '<a href="javascript:x()">a</a>', ['1:1 Removed the “javascript:” address from the href of <a>: only http:, https:, mailto: or tel: addresses and addresses within the site are kept.']],
    ['a javascript: link in markdown', 'See [this](javascript:x()).', ['1:5 Removed the “javascript:” address from the href of <a>: only http:, https:, mailto: or tel: addresses and addresses within the site are kept.']],
    ['a data: image in markdown', '![pixel](data:image/png;base64,AA)', ['1:1 Removed the “data:” address from the src of <img>: only http: or https: addresses and addresses within the site are kept.']],
    ['a vbscript: link through a reference definition', '[click][x]\n\n[x]: vbscript:msgbox', ['1:1 Removed the “vbscript:” address from the href of <a>: only http:, https:, mailto: or tel: addresses and addresses within the site are kept.']],
    ['a tab hidden in the scheme', '<a href="java&#x09;script:x()">a</a>', ['1:1 Removed the “javascript:” address from the href of <a>: only http:, https:, mailto: or tel: addresses and addresses within the site are kept.']],
    ['an allowed scheme written in capitals', '<a href="HTTPS://x.test/">a</a>', ['1:1 Removed the address “HTTPS://x.test/” from the href of <a>: write it plainly (http:, https:, mailto: or tel: in lower case, no leading spaces) or as an address within the site.']],
    ['an SVG, once, whatever is inside', '<svg onload="x()"><script>y()</script><a href="javascript:z()">t</a></svg>', ['1:1 Removed an <svg> element and everything in it: inline SVG can carry scripts; save the drawing as a file and add it as an image, ![description](drawing.svg).']],
    ['an unwrapped element and what is inside it', '<marquee><img src="a.png" onload="x()"></marquee>', [
      '1:1 Removed a <marquee> element (its text is kept): it is not on the list of HTML elements a page may use.',
      '1:10 Removed the onload attribute from <img>: event handlers never run on the site.',
    ]],
    ['an iframe', '<iframe src="https://x.test/"></iframe>', ['1:1 Removed an <iframe> element and everything in it: pages cannot embed other pages; link to it instead.']],
    ['a void element, without “its text is kept”', 'A <input type="text"> box', ['1:3 Removed an <input> element: forms are not part of a content page (task-list checkboxes are written - [ ] in markdown).']],
    ['lines inside a multi-line HTML block', '<div>\nok\n<img src="a.png" onclick="x()">\n</div>', ['3:1 Removed the onclick attribute from <img>: event handlers never run on the site.']],
    ['inline HTML in a table cell', '| a | b |\n|---|---|\n| <b onclick="x()">x</b> | y |', ['3:3 Removed the onclick attribute from <b>: event handlers never run on the site.']],
    ['inline HTML in a heading', '## Title <i style="x">i</i>', ['1:10 Removed the style attribute from <i>: pages use the site’s own styles.']],
  ])('warns about %s', (_name, markdown, expected) => {
    expect(warnings(markdown).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['plain markdown', '# Title\n\nText with **bold**, a [link](https://x.test/), ![img](./a.png), `code` and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n\nNote[^1].\n\n[^1]: Footnote.'],
    ['the HTML guides use', 'a<br>b <sub>1</sub><sup>2</sup> <kbd>K</kbd> <mark>m</mark> <abbr title="Team Manager">TM</abbr>\n\n<details open><summary>S</summary>\n\nBody\n\n</details>\n\n<dl><dt>a</dt><dd>b</dd></dl>'],
    ['comments', '<!-- a note for editors -->\n\nText <!-- inline --> more.'],
    ['raw HTML inside code', '```html\n<script>x()</script>\n```\n\nAnd `<img onerror=x>` inline.'],
    ['anchors and ids', '<a id="faq" name="faq"></a>\n\n<h3 id="custom">Custom</h3>'],
    ['mail, phone and relative links', '[m](mailto:a@b.c) [t](tel:+1) [r](../x.md) [a](#top) <https://x.test/>'],
  ])('says nothing about %s', (_name, markdown) => {
    expect(warnings(markdown)).toEqual([]);
  });

  it('names the include file for nodes spliced in from an include', () => {
    const markIncluded = () => (tree: Root) => {
      visit(tree, (node) => {
        node.data = { ...node.data, sourceFile: '/content/includes/part.md' } as typeof node.data;
      });
    };
    const processor = unified().use(remarkParse).use(markIncluded).use(remarkHtmlAudit);
    const file = new VFile({ path: '/content/guide.md', value: 'Text\n\n<b onclick="x()">b</b>\n' });
    processor.runSync(processor.parse(file), file);
    expect(file.messages.map((message) => [message.file, message.line, message.column])).toEqual([['/content/includes/part.md', 3, 1]]);
  });

  it('leaves the tree unchanged (the sanitiser does the removing)', () => {
    const markdown = '<script>x()</script>\n\n<img src="a.png" onerror="x()">\n\n[a](javascript:x())';
    const tree = unified().use(remarkParse).parse(markdown);
    const before = structuredClone(tree);
    unified().use(remarkHtmlAudit).runSync(tree, new VFile(markdown));
    expect(tree).toEqual(before);
  });
});

describe('remark-html-audit agrees with the sanitiser', () => {
  const render = (sanitise: boolean) => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
    return (sanitise ? processor.use(rehypeSanitize, sanitizeSchema) : processor).use(rehypeStringify).freeze();
  };
  const raw = render(false);
  const sanitised = render(true);

  // Random HTML from tags and attributes on both sides of the allow-list. Comments, task-list
  // inputs and table parts are left out: the sanitiser changes or re-parents them silently, by design.
  // Mostly allowed pieces with the odd forbidden one, so that a single removal (the case an
  // audit bug would miss) is common.
  const tag = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('b', 'i', 'span', 'div', 'p', 'a', 'img', 'abbr', 'details', 'summary', 'kbd', 'aside', 'mark') },
    { weight: 1, arbitrary: fc.constantFrom('script', 'style', 'iframe', 'svg', 'marquee', 'font', 'center', 'video', 'object', 'custom-el') },
  );
  const url = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('https://x.test/', '/local/', '../up', '#frag', 'mailto:a@b.c') },
    { weight: 1, arbitrary: fc.constantFrom('javascript:x()', 'JavaScript:x()', 'data:text/html,x', 'vbscript:x', 'ftp://x.test/', ' https://x.test/') },
  );
  const attribute = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('title="t"', 'alt="a"', 'id="x"', 'lang="en"', 'width="3"', 'open', 'dir="rtl"', 'class="term"', 'class="callout"') },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('href', 'src'), url).map(([name, value]) => `${name}="${value}"`) },
    { weight: 1, arbitrary: fc.constantFrom('class="huge"', 'class="term huge"', 'style="color:red"', 'onclick="x()"', 'onerror="x()"', 'name="n"', 'target="_blank"') },
  );
  const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('text', 'more words', ''),
      fc
        .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }))
        .map(([name, attributes, children]) =>
          name === 'img'
            ? `<img ${attributes.join(' ')}>`
            : `<${name}${attributes.length ? ` ${attributes.join(' ')}` : ''}>${children.join('')}</${name}>`,
        ),
    ),
  })).node;
  const placement = fc.constantFrom(
    (html: string) => html, // a block of HTML
    (html: string) => `Words before ${html} and after.`, // inline in a paragraph
    (html: string) => `- item ${html}`, // inside a list item
    (html: string) => `> ${html}`, // inside a quote
  );

  it('warns exactly when the sanitised page differs from the unsanitised one', () => {
    fc.assert(
      fc.property(element, placement, (html, place) => {
        const markdown = place(html);
        const changed = String(raw.processSync(markdown)) !== String(sanitised.processSync(markdown));
        const warned = audit(markdown).length > 0;
        expect({ markdown, warned }).toEqual({ markdown, warned: changed });
      }),
      { numRuns: 300 },
    );
  });
});
