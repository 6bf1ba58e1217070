/**
 * Pictures and other files beside the content: markdown images (`![Org chart](media/org.png)`),
 * raw `<img src="…">`, DocFX `:::image:::` (already images, remark-docfx-image) and links to files
 * that are not pages (`[the budget](media/budget.xlsx)`). Each path is read relative to the file it
 * is written in (an include's own folder for a fragment), and must stay inside the content folder,
 * exist, and — for a picture — really be a picture (by its bytes) with alt text. Everything the
 * publish build would trip over is found here, so `rolebook check` reports it where it was written.
 *
 * Found files are listed in `file.data.localFiles`, and their addresses in the page become
 * `/_rolebook/file/<index>`, which the site replaces with the published (optimised) file.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Definition, Html, Image, ImageReference, Link, Parent, Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';
import { STRIPPED_WITH_CONTENT } from './lib/sanitize.ts';
import type { LocalFile } from '../src/model/rendered.ts';
import { contentRootOf, isInside } from './lib/content-root.ts';
import { toPosix } from './lib/ids.ts';
import { extensionOf, isImageExtension, matchesImageExtension, RASTER_EXTENSIONS } from './lib/file-kind.ts';
import { report, sourceFileOf } from './lib/report.ts';
import { visit } from './lib/visit.ts';
import type { RuleId } from '../src/model/rules.ts';

export interface LocalFilesOptions {
  /** Absolute path of the content folder; files may not leave it. */
  contentRoot: string;
}

declare module 'vfile' {
  interface DataMap {
    localFiles: LocalFile[];
    /** Absolute paths of every file inside the content folder the page refers to, found or not (for the parse cache). */
    localFileDependencies: string[];
  }
}

export const LOCAL_FILE_RULES = {
  imageMissing: 'image-missing',
  imageOutside: 'image-outside-content',
  imageNotImage: 'image-not-an-image',
  imageAltMissing: 'image-alt-missing',
  fileMissing: 'file-missing',
  fileOutside: 'file-outside-content',
} as const;

/** The address a published file has in rendered HTML until the site swaps in the real one. */
export const LOCAL_FILE_PREFIX = '/_rolebook/file/';

/** Links to these are pages (remark-content-links) or site addresses, not files to publish. */
const PAGE_EXTENSIONS = new Set(['md', 'markdown', 'html', 'htm']);
/** A URL with a scheme, protocol-relative, site-absolute or a bare fragment: not a file beside the content. */
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i;
/** Enough of a file's start to tell a picture by its bytes (SVG needs its prologue skipped). */
const SNIFF_BYTES = 4096;

type Use = 'picture' | 'link';
type Place = Node | { line: number; column: number };

export default function remarkLocalFiles(options: LocalFilesOptions) {
  // Paths as given below the content folder; where a file really is, against its real place (lib/content-root.ts).
  const { given: contentRoot, real: realRoot } = contentRootOf(options.contentRoot);
  return (tree: Root, file: VFile) => {
    const files: LocalFile[] = (file.data.localFiles = []);
    const dependencies: string[] = (file.data.localFileDependencies = []);
    const indexes = new Map<string, number>();

    /** The placeholder address for `written`, or undefined (left as written: not local, or reported). */
    const publish = (written: string, use: Use, node: Node, place: Place): string | undefined => {
      const trimmed = written.trim();
      if (trimmed === '' || NOT_LOCAL.test(trimmed)) return undefined;
      const [target, suffix] = splitSuffix(trimmed);
      const extension = extensionOf(target);
      const picture = use === 'picture' || isImageExtension(extension);
      if (use === 'link' && (extension === '' || PAGE_EXTENSIONS.has(extension))) return undefined;
      const fail = (reason: string, rule: RuleId) => void report(file, reason, placeOrNode(place, node), rule);
      const noun = picture ? 'picture' : 'file';
      let decoded: string;
      try {
        decoded = decodeURIComponent(target);
      } catch {
        decoded = target;
      }
      const from = sourceFileOf(node) ?? file.path;
      const wanted = path.resolve(from ? path.dirname(from) : contentRoot, decoded);
      const shown = toPosix(path.relative(contentRoot, wanted));
      if (!isInside(wanted, contentRoot)) {
        return fail(`The ${noun} “${written}” is outside the content folder. Keep it inside, for example in a media/ folder beside this page.`, picture ? LOCAL_FILE_RULES.imageOutside : LOCAL_FILE_RULES.fileOutside);
      }
      if (!dependencies.includes(wanted)) dependencies.push(wanted);
      const missing = picture ? LOCAL_FILE_RULES.imageMissing : LOCAL_FILE_RULES.fileMissing;
      let real: string;
      try {
        real = realpathSync(wanted);
      } catch {
        return fail(`The ${noun} “${written}” does not exist (looked for ${shown}). Check the folder and the file name, letter case included; the path is relative to this file.`, missing);
      }
      if (!isInside(real, realRoot)) {
        return fail(`The ${noun} “${written}” is a link to a file outside the content folder. Copy the file into the content folder instead.`, picture ? LOCAL_FILE_RULES.imageOutside : LOCAL_FILE_RULES.fileOutside);
      }
      if (!statSync(real).isFile()) return fail(`The ${noun} “${written}” is a folder, not a file (${shown}).`, missing);
      if (picture && !isImageExtension(extension)) {
        return fail(`“${written}” is not a picture: pictures are .png, .jpg, .gif, .webp, .avif, .tif or .svg files. To offer this file, link to it: [description](${written}).`, LOCAL_FILE_RULES.imageNotImage);
      }
      if (picture && !matchesImageExtension(firstBytes(real), extension)) {
        return fail(`The file “${written}” is named like a picture (.${extension}), but it does not contain one. Export it again as a real picture file.`, LOCAL_FILE_RULES.imageNotImage);
      }
      const relative = toPosix(path.relative(realRoot, real));
      let index = indexes.get(relative);
      if (index === undefined) {
        index = files.push({ path: relative, kind: extension === 'svg' ? 'svg' : (RASTER_EXTENSIONS as readonly string[]).includes(extension) ? 'image' : 'file' }) - 1;
        indexes.set(relative, index);
      }
      return `${LOCAL_FILE_PREFIX}${index}${use === 'link' ? suffix : ''}`;
    };

    const checkAlt = (alt: string | null | undefined, how: string, place: Place) => {
      if (alt && alt.trim() !== '') return;
      report(file, `This picture has no alt text. Describe what it shows for readers who cannot see it: ${how}.`, place, LOCAL_FILE_RULES.imageAltMissing);
    };

    visit(tree, (node: Node) => {
      switch (node.type) {
        case 'image': {
          const image = node as Image;
          const place = image.data?.urlPlace ?? image;
          if (!image.data?.decorative) {
            checkAlt(image.alt, image.data?.urlPlace ? 'alt-text="What the picture shows."' : `![What the picture shows](${image.url})`, image);
          }
          image.url = publish(image.url, 'picture', image, place) ?? image.url;
          break;
        }
        case 'imageReference':
          checkAlt((node as ImageReference).alt, `![What the picture shows][${(node as ImageReference).label ?? ''}]`, node);
          break;
        case 'link':
        case 'definition': {
          const link = node as Link | Definition;
          link.url = publish(link.url, 'link', link, link) ?? link.url;
          break;
        }
      }
    });
    visit(tree, (node: Node) => {
      if ('children' in node) for (const html of shownHtml((node as Parent).children)) publishRawImages(html, publish, checkAlt);
    });
  };
}

const INLINE_OPEN = /^<([a-z][a-z0-9-]*)\b[^>]*>$/i;
const INLINE_CLOSE = /^<\/([a-z][a-z0-9-]*)\s*>$/i;

/**
 * The raw HTML nodes among `children` that can show anything: markdown splits inline HTML into one
 * node per tag, so `<svg>`, `<img …>` and `</svg>` arrive apart; whatever sits between the opening
 * and closing tags of an element the sanitiser removes whole is never shown.
 */
function shownHtml(children: readonly Node[]): Html[] {
  const shown: Html[] = [];
  const hidden: string[] = [];
  for (const child of children) {
    if (child.type !== 'html') continue;
    const value = (child as Html).value.trim();
    const open = INLINE_OPEN.exec(value)?.[1]?.toLowerCase();
    const close = INLINE_CLOSE.exec(value)?.[1]?.toLowerCase();
    if (open && (STRIPPED_WITH_CONTENT as readonly string[]).includes(open) && !value.endsWith('/>')) hidden.push(open);
    else if (close && hidden.at(-1) === close) hidden.pop();
    else if (hidden.length === 0) shown.push(child as Html);
  }
  return shown;
}

const TAG_ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Raw HTML read exactly as the pipeline reads it later (rehype-raw), so a tag inside a comment or an attribute is not an image. */
const rawParser = unified().use(rehypeRaw);

/** The `<img>` elements raw HTML really holds, as spans of `html` (a node's value). */
function imageTags(html: string, position: Position): { from: number; to: number }[] {
  const root = { type: 'root', children: [{ type: 'raw', value: html, position }] } as unknown as HastRoot;
  const tags: { from: number; to: number }[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      // The sanitiser removes these with everything inside (an <img> in an <svg>'s foreignObject, say): never shown.
      if ((STRIPPED_WITH_CONTENT as readonly string[]).includes(child.tagName)) continue;
      walk(child);
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if (child.tagName !== 'img' || start === undefined || end === undefined) continue;
      const from = start - position.start.offset!;
      // Only a tag found where the parser says it is can be rewritten in place.
      if (/^<img\b/i.test(html.slice(from, end - position.start.offset!))) tags.push({ from, to: end - position.start.offset! });
    }
  };
  walk(rawParser.runSync(root) as HastRoot);
  return tags;
}

/** `<img src="media/x.png" alt="…">` in raw HTML: checked like a markdown picture, its src rewritten in place. */
function publishRawImages(
  node: Html,
  publish: (written: string, use: Use, node: Node, place: Place) => string | undefined,
  checkAlt: (alt: string | undefined, how: string, place: Place) => void,
): void {
  const position = node.position;
  if (position?.start.offset === undefined || !/<img\b/i.test(node.value)) return;
  const placeAt = (offset: number): Place => {
    const before = node.value.slice(0, offset);
    const newline = before.lastIndexOf('\n');
    const line = position.start.line + (before.match(/\n/g)?.length ?? 0);
    return placeOrNode({ line, column: newline === -1 ? position.start.column + offset : offset - newline }, node);
  };
  const edits: { from: number; to: number; value: string }[] = [];
  for (const tag of imageTags(node.value, position)) {
    let alt: string | undefined;
    let src: { value: string; at: number } | undefined;
    const text = node.value.slice(tag.from, tag.to);
    for (const attribute of text.slice(4).matchAll(TAG_ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      const value = attribute[2] ?? attribute[3] ?? attribute[4];
      if (name === 'alt') alt = value ?? '';
      if (name === 'src' && value !== undefined) src = { value, at: tag.from + 4 + attribute.index + attribute[0].length - value.length - (attribute[4] === undefined ? 1 : 0) };
    }
    if (!src) continue;
    // An explicit alt="" marks decoration, as in HTML; only a missing alt is a problem.
    if (alt === undefined) checkAlt(undefined, `add alt="What the picture shows" (or alt="" if it is only decoration)`, placeAt(tag.from));
    const published = publish(src.value, 'picture', node, placeAt(src.at));
    if (published) edits.push({ from: src.at, to: src.at + src.value.length, value: published });
  }
  for (const edit of edits.reverse()) node.value = node.value.slice(0, edit.from) + edit.value + node.value.slice(edit.to);
}

/** A place inside an include fragment must stay a node, so the report names the fragment's file. */
function placeOrNode(place: Place, node: Node): Place {
  return sourceFileOf(node) && !('type' in place) ? { ...node, position: { start: place, end: place } } as Node : place;
}

/** `media/report.pdf#page=2` → [`media/report.pdf`, `#page=2`]. */
function splitSuffix(written: string): [string, string] {
  const at = written.search(/[?#]/);
  return at === -1 ? [written, ''] : [written.slice(0, at), written.slice(at)];
}

function firstBytes(file: string): Uint8Array {
  const buffer = new Uint8Array(SNIFF_BYTES);
  const handle = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(handle, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(handle);
  }
}
