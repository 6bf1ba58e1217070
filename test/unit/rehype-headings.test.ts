/**
 * rehype-headings gives headings the ids rehype-slug gives (links and anchors written against
 * GitHub's slugs keep working) and lists the h2–h3 headings for the table of contents.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeHeadings from '../../plugins/rehype-headings.ts';

const html = [
  '<h1>Team Manager</h1>',
  '<h2>Skills</h2><p>x</p><h2>Skills</h2>',
  '<h3 id="kept">Written <em>by hand</em></h3>',
  '<h3>Success factors &amp; metrics</h3>',
  '<H4>Upper case</H4><h5>Ünïcödé – dashes — here</h5><h6>  spaced  </h6>',
  '<h7>not a heading</h7><div><h2>Inside a div</h2></div>',
].join('\n');

function run(plugins: 'slug' | 'headings') {
  // The HTML arrives as raw HTML in markdown, as it does in the pipeline.
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  const file = new VFile(html);
  const output = String(processor.use(plugins === 'slug' ? rehypeSlug : rehypeHeadings).use(rehypeStringify).processSync(file));
  return { output, headings: file.data.headings };
}

describe('rehype-headings', () => {
  it('gives the ids rehype-slug gives', () => {
    expect(run('headings').output).toBe(run('slug').output);
  });

  it('lists h2 and h3 with their slugs and text, in order', () => {
    expect(run('headings').headings).toEqual([
      { depth: 2, text: 'Skills', slug: 'skills' },
      { depth: 2, text: 'Skills', slug: 'skills-1' },
      { depth: 3, text: 'Written by hand', slug: 'kept' },
      { depth: 3, text: 'Success factors & metrics', slug: 'success-factors--metrics' },
      { depth: 2, text: 'Inside a div', slug: 'inside-a-div' },
    ]);
  });
});
