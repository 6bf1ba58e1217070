/**
 * Warns authors about everything the sanitiser will remove from their page: raw HTML elements
 * and attributes outside the allow-list (`<script>`, `onclick=`, `style=`, …) and links or
 * images whose address uses a forbidden scheme (`javascript:`, `data:`, …). The page still
 * builds (the content is neutralised, not run), but `rolebook check` says what went and where.
 *
 * Rather than guess with patterns, each piece of markdown holding raw HTML or a suspicious URL
 * is turned into HTML exactly as the pipeline does (remark-rehype, then rehype-raw's HTML
 * parser), and every element is compared with what `sanitizeSchema` keeps.
 */
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast';
import { find, html as htmlSchema } from 'property-information';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Position } from 'unist';
import { visit } from './lib/visit.ts';
import { VFile } from 'vfile';
import { sanitizeSchema } from './lib/sanitize.ts';
import { sourceFileOf } from './lib/report.ts';
import type { RuleId } from '../src/model/rules.ts';

export interface HtmlAuditOptions {
  /** The schema the pipeline sanitises with. Default: Rolebook's `sanitizeSchema`. */
  schema?: Schema;
}

export const HTML_REMOVED_RULE: RuleId = 'html-removed';

/** Markdown nodes whose HTML is audited as one piece, so inline tags keep their context. */
const PHRASING_CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);

/** What authors are told about elements that are never kept, by tag. */
const ELEMENT_REASONS: Record<string, string> = {
  script: 'raw HTML scripts never run on the site',
  noscript: 'raw HTML scripts never run on the site',
  style: 'pages use the site’s own styles',
  link: 'pages use the site’s own styles and scripts',
  meta: 'pages set their own metadata',
  base: 'pages set their own addresses',
  iframe: 'pages cannot embed other pages; link to it instead',
  frame: 'pages cannot embed other pages; link to it instead',
  frameset: 'pages cannot embed other pages; link to it instead',
  object: 'pages cannot embed plug-ins or other documents; link to it instead',
  embed: 'pages cannot embed plug-ins or other documents; link to it instead',
  applet: 'pages cannot embed plug-ins or other documents; link to it instead',
  svg: 'inline SVG can carry scripts; save the drawing as a file and add it as an image, ![description](drawing.svg)',
  math: 'MathML is not supported',
  form: 'forms are not part of a content page',
  input: 'forms are not part of a content page (task-list checkboxes are written - [ ] in markdown)',
  button: 'forms are not part of a content page',
  textarea: 'forms are not part of a content page',
  select: 'forms are not part of a content page',
  option: 'forms are not part of a content page',
  label: 'forms are not part of a content page',
  fieldset: 'forms are not part of a content page',
  template: 'templates are never shown',
};

const DEFAULT_ELEMENT_REASON = 'it is not on the list of HTML elements a page may use';

/** Elements that never have content, so there is no text to keep. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

interface Unit {
  node: Nodes;
  /** Tag names the unit sits in once rendered (for the sanitiser's ancestor rules). */
  ancestors: string[];
}

export default function remarkHtmlAudit(options: HtmlAuditOptions = {}) {
  const schema = options.schema ?? sanitizeSchema;
  // The same mdast → hast steps as the page pipeline, without sanitising.
  const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
  // Judges one element's attributes on their own: ancestor rules are checked separately, and
  // attributes the sanitiser adds (`required`) are not something the author wrote.
  const attributeSchema: Schema = { ...schema, ancestors: {}, required: {}, strip: [] };
  // The same without address checks: tells "attribute not allowed" from "address not allowed".
  const anyAddressSchema: Schema = { ...attributeSchema, protocols: {} };

  return (tree: Root, file: VFile) => {
    const units = collectUnits(tree, schema);
    if (units.length === 0) return;
    const definitions: Definition[] = [];
    visit(tree, 'definition', (node) => {
      definitions.push(node);
    });

    for (const unit of units) {
      const sourceFile = sourceFileOf(unit.node);
      const warn = (reason: string, place: Position | undefined) => {
        const message = file.message(reason, {
          place: place ?? unit.node.position,
          ruleId: HTML_REMOVED_RULE,
          source: 'rolebook',
        });
        message.fatal = false;
        if (sourceFile) message.file = sourceFile;
      };
      const mdast: Root = {
        type: 'root',
        // Definitions travel along so `[text][ref]` links resolve to their real address.
        children: [structuredClone(unit.node) as RootContent, ...definitions],
      };
      const hast = toHast.runSync(mdast, new VFile()) as HastRoot;
      for (const child of hast.children) {
        if (child.type === 'element') auditElement(child, unit.ancestors, unit.node.position, warn);
      }
    }
  };

  function auditElement(
    element: Element,
    ancestors: string[],
    fallback: Position | undefined,
    warn: (reason: string, place: Position | undefined) => void,
  ): void {
    const name = element.tagName;
    const place = element.position ?? fallback;
    if (!isElementKept(schema, name, ancestors)) {
      const stripped = (schema.strip ?? []).includes(name);
      const reason = ELEMENT_REASONS[name] ?? DEFAULT_ELEMENT_REASON;
      const what = stripped ? ' and everything in it' : VOID_ELEMENTS.has(name) ? '' : ' (its text is kept)';
      warn(`Removed ${article(name)} <${name}> element${what}: ${reason}.`, place);
      // The sanitiser drops a stripped element's content unseen; nothing more to report there.
      if (stripped) return;
    } else {
      for (const reason of removedAttributes(element)) warn(reason, place);
    }
    const inside = [...ancestors, name];
    for (const child of element.children as ElementContent[]) {
      if (child.type === 'element') auditElement(child, inside, place, warn);
    }
  }

  /** Plain-words reasons for every attribute or class of `element` the sanitiser drops. */
  function removedAttributes(element: Element): string[] {
    const name = element.tagName;
    const written: Properties = element.properties ?? {};
    const keptProperties = keptBy(attributeSchema, name, written);
    const keptForAnyAddress = keptBy(anyAddressSchema, name, written);
    const reasons: string[] = [];
    for (const [key, value] of Object.entries(written)) {
      if (value === undefined || value === null || value === false) continue;
      const attribute = find(htmlSchema, key).attribute;
      const keptValue = keptProperties[key];
      if (keptValue === undefined) {
        const addressRefused = keptForAnyAddress[key] !== undefined;
        reasons.push(
          addressRefused ? addressReason(schema.protocols?.[key] ?? [], name, attribute, value) : attributeReason(name, attribute),
        );
      } else if (Array.isArray(value) && Array.isArray(keptValue) && keptValue.length < value.length) {
        const dropped = value.filter((item) => !keptValue.includes(item)).map((item) => `“${item}”`);
        reasons.push(
          key === 'className'
            ? `Removed the class${dropped.length > 1 ? 'es' : ''} ${dropped.join(', ')} from <${name}>: only the site’s own classes are kept.`
            : `Removed ${dropped.join(', ')} from the ${attribute} attribute of <${name}>: ${DEFAULT_ATTRIBUTE_REASON}.`,
        );
      }
    }
    return reasons;
  }
}

const DEFAULT_ATTRIBUTE_REASON = 'it is not on the list of attributes a page may use';

function keptBy(schema: Schema, tagName: string, properties: Properties): Properties {
  const kept = sanitize({ type: 'element', tagName, properties, children: [] }, schema);
  return kept.type === 'element' ? kept.properties : {};
}

function attributeReason(tag: string, attribute: string): string {
  if (/^on/i.test(attribute)) {
    return `Removed the ${attribute} attribute from <${tag}>: event handlers never run on the site.`;
  }
  if (attribute === 'style') {
    return `Removed the style attribute from <${tag}>: pages use the site’s own styles.`;
  }
  if (attribute === 'class') {
    return `Removed the class attribute from <${tag}>: only the site’s own classes are kept.`;
  }
  return `Removed the ${attribute} attribute from <${tag}>: ${DEFAULT_ATTRIBUTE_REASON}.`;
}

/** An allowed attribute (href, src, …) dropped because of the address it holds. */
function addressReason(protocols: string[], tag: string, attribute: string, value: unknown): string {
  const allowed = protocols.map((protocol) => `${protocol}:`);
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : (allowed[0] ?? '');
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  const scheme = urlScheme(text)?.toLowerCase();
  if (scheme !== undefined && !protocols.includes(scheme)) {
    return `Removed the “${scheme}:” address from the ${attribute} of <${tag}>: only ${list} addresses and addresses within the site are kept.`;
  }
  // An allowed scheme written in capitals or after blanks: the sanitiser only accepts it plainly.
  return `Removed the address “${text}” from the ${attribute} of <${tag}>: write it plainly (${list} in lower case, no leading spaces) or as an address within the site.`;
}

function isElementKept(schema: Schema, name: string, ancestors: string[]): boolean {
  if (!name || name === '*' || !(schema.tagNames ?? []).includes(name)) return false;
  const required = schema.ancestors?.[name];
  return !required || required.some((ancestor) => ancestors.includes(ancestor));
}

function article(tag: string): string {
  return /^[aeiou]|^svg$/.test(tag) ? 'an' : 'a';
}

/**
 * The pieces of the document that can lose something to the sanitiser: every block of raw HTML,
 * every paragraph, heading or table cell holding inline HTML, and every link or image (direct or
 * through a `[text][ref]` definition) whose address starts with a scheme the schema does not allow.
 */
function collectUnits(tree: Root, schema: Schema): Unit[] {
  const units: Unit[] = [];
  const seen = new Set<Nodes>();
  const urlSchemes = [...new Set([...(schema.protocols?.['href'] ?? []), ...(schema.protocols?.['src'] ?? [])])];

  const definitions = new Map<string, string>();
  const collectDefinitions = (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes);
  };
  collectDefinitions(tree);

  const walk = (node: Nodes, path: Parents[]) => {
    const url =
      node.type === 'link' || node.type === 'image'
        ? node.url
        : node.type === 'linkReference' || node.type === 'imageReference'
          ? definitions.get(node.identifier)
          : undefined;
    const needsAudit = node.type === 'html' || (url !== undefined && hasForbiddenScheme(url, urlSchemes));
    if (needsAudit) {
      const containerIndex = findLastIndex(path, (parent) => PHRASING_CONTAINERS.has(parent.type));
      const unitNode = containerIndex >= 0 ? path[containerIndex]! : node;
      const unitPath = containerIndex >= 0 ? path.slice(0, containerIndex) : path;
      if (!seen.has(unitNode)) {
        seen.add(unitNode);
        units.push({ node: unitNode, ancestors: unitPath.flatMap(renderedTag) });
      }
      if (node.type === 'html') return;
    }
    if ('children' in node) {
      for (const child of node.children) walk(child as Nodes, [...path, node]);
    }
  };
  walk(tree, []);
  return units;
}

function hasForbiddenScheme(url: string, allowed: string[]): boolean {
  const scheme = /^([^:/?#]*):/.exec(url)?.[1];
  return scheme !== undefined && !allowed.includes(scheme);
}

/**
 * The scheme a browser would see: it trims outer blanks and control characters and ignores tabs
 * and line breaks anywhere, so `java&#x09;script:` is still `javascript:`.
 */
function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
}

/** The HTML element a markdown container becomes, for the sanitiser's ancestor rules. */
function renderedTag(node: Parents): string[] {
  const hName = (node.data as { hName?: string } | undefined)?.hName;
  if (hName) return [hName];
  switch (node.type) {
    case 'table':
      return ['table'];
    case 'tableRow':
      return ['tr'];
    case 'list':
      return [node.ordered ? 'ol' : 'ul'];
    case 'listItem':
      return ['li'];
    case 'blockquote':
      return ['blockquote'];
    default:
      return [];
  }
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index]!)) return index;
  return -1;
}
