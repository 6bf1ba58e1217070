/**
 * The allow-list every rendered document passes through (`rehype-sanitize(sanitizeSchema)`),
 * after `rehype-raw` has turned raw HTML in the markdown into real elements and before
 * `plugins/rehype-headings.ts` adds heading ids (rehype-slug's).
 *
 * It starts from hast-util-sanitize's default (GitHub's rules) and changes only what Rolebook
 * needs; every change is explained below. Anything not listed is removed: `<script>`,
 * `<iframe>`, `<object>`, `<embed>`, `<style>`, form controls, SVG and MathML, every `on…`
 * event attribute and `style` attribute, and any URL whose scheme is not listed in
 * `protocols` (so `javascript:`, `data:` and `vbscript:` URLs are dropped, in any letter case
 * and with any leading blank, because the check compares the exact scheme text).
 *
 * `plugins/remark-html-audit.ts` reads this same schema to warn authors about what it removes.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Classes the pipeline's own callouts use: `<aside class="callout callout-note">`. */
export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;

const calloutClasses = ['callout', ...CALLOUT_KINDS.map((kind) => `callout-${kind}`)];

/**
 * Elements whose whole content goes with them. Other disallowed elements are unwrapped (their
 * text stays, as GitHub does), which would print a stylesheet, a script or an SVG's
 * internals as visible text.
 */
export const STRIPPED_WITH_CONTENT = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'textarea',
  'select',
  'title',
  'xmp',
  'plaintext',
] as const;

/**
 * Form-ish attributes GitHub tolerates on every element although we never keep a form, plus
 * `accessKey`, which would let content steal the site's keyboard shortcuts (`/` for search).
 */
const droppedGlobalAttributes = new Set(['accept', 'acceptCharset', 'accessKey', 'action', 'encType', 'method', 'name']);

const defaultAttributes = defaultSchema.attributes ?? {};
const defaultGlobal = (defaultAttributes['*'] ?? []).filter(
  (definition) => !droppedGlobalAttributes.has(typeof definition === 'string' ? definition : definition[0]),
);

export const sanitizeSchema: Schema = {
  ...defaultSchema,

  /*
   * Ids are kept as written: no `user-content-` prefix (`clobber: []`).
   *
   * - Heading ids come from rehype-headings (rehype-slug's ids), which runs after this step, so the prefix would never
   *   touch them anyway; it would only break the anchors authors write themselves
   *   (`<a id="faq"></a>` … `[see](#faq)`), with no script on the page to repair them as GitHub
   *   does.
   * - The prefix exists against DOM clobbering. The dangerous form is an element exposed as a
   *   *document* property (`document.getElementById` replaced by an element): that needs a
   *   `name` attribute on img/form/embed/object/iframe. Forms, embeds, objects and iframes are
   *   removed, and `name` is allowed on `<a>` only (old-style anchors; an `<a>` is never a
   *   document or window property), so that form is impossible.
   * - An id does create a `window` property, but named properties never shadow a real global
   *   and the site's scripts are ES modules that read no undeclared globals. An author id equal
   *   to one of the site's element ids is a page bug, not an injection, and slugs share that
   *   risk, so the site's own ids should carry a prefix content cannot produce by accident.
   * Because ids are unprefixed, `aria-describedby`/`aria-labelledby` must stay unprefixed too or
   * they would point at nothing.
   */
  clobber: [],
  clobberPrefix: '',

  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    // Inline semantics authors use in guides: acronyms, highlights, fine print, citations.
    'abbr',
    'mark',
    'small',
    'u',
    'cite',
    'dfn',
    'time',
    'wbr',
    // The pipeline's callouts.
    'aside',
    // Table parts GitHub leaves out.
    'caption',
    'colgroup',
    'col',
    'figure',
    'figcaption',
  ],

  strip: [...STRIPPED_WITH_CONTENT],

  ancestors: {
    ...defaultSchema.ancestors,
    // GitHub keeps `<input>` for task lists. Those checkboxes always sit in a list item; an
    // author's own `<input>` anywhere else would turn into a stray disabled checkbox.
    input: ['li'],
  },

  attributes: {
    ...defaultAttributes,
    '*': defaultGlobal,
    a: [...(defaultAttributes['a'] ?? []), 'name'],
    // Glossary terms: `<abbr title="Team Manager" class="term">`; `title` comes from `*`.
    abbr: [['className', 'term']],
    aside: [['className', ...calloutClasses], ['role', 'note'], 'ariaLabel'],
    // Callout titles, and the unfinished-section flags of remark-drafts.
    p: [['className', 'callout-title', 'draft-title'], 'dataDraft'],
    ul: [...(defaultAttributes['ul'] ?? []), ['className', 'contains-task-list', 'draft-items']],
    // The parts of the full text that the page also shows structured (remark-skills,
    // remark-success-factors): search indexes them once, there (src/site/search-index.ts).
    li: [...(defaultAttributes['li'] ?? []), ['dataStructured', 'skills']],
    table: [...(defaultAttributes['table'] ?? []), ['dataStructured', 'success-factors']],
    // Images load over http(s) or from the site itself; `loading` only for lazy loading.
    img: [...(defaultAttributes['img'] ?? []), ['loading', 'lazy', 'eager'], ['decoding', 'async', 'auto', 'sync']],
  },

  protocols: {
    ...defaultSchema.protocols,
    // Web, mail and phone links. GitHub's irc:/xmpp: are dropped: no guide needs them, and a
    // short list is one an author can read in a warning.
    href: ['http', 'https', 'mailto', 'tel'],
    // `srcset` holds URLs too; without an entry here it would not be checked at all.
    srcSet: ['http', 'https'],
  },
};
