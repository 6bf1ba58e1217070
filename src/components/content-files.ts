/**
 * Swaps the placeholders remark-local-files left in a page's HTML (`/_rolebook/file/<n>`) for the
 * published files: raster pictures through Astro's image pipeline (`getImage()`), as a `<picture>`
 * with AVIF and WebP, their width and height, and lazy loading; SVG pictures and other files at
 * the address Vite published them under.
 *
 * The HTML is the pipeline's sanitised, serialised output, so its `<img …>` tags and `href="…"`
 * attributes have one known shape; only placeholder values are touched.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { contentFiles } from 'virtual:rolebook/content-files';
import type { LocalFile } from '../model/rendered.ts';

/** Widest picture published: the text column is far narrower; this leaves room for 2× screens. */
const MAX_WIDTH = 1600;
const PLACEHOLDER = '/_rolebook/file/';

type Published =
  | { kind: 'picture'; avif: string; webp: string; width: number; height: number; original: string }
  | { kind: 'svg'; src: string; width?: number; height?: number }
  | { kind: 'file'; src: string };

async function publish(file: LocalFile): Promise<Published> {
  const load = contentFiles[file.path];
  if (!load) throw new Error(`${file.path} is used by a page but was not published; restart the dev server or build again.`);
  const imported = (await load()).default;
  if (typeof imported === 'string') return { kind: 'file', src: imported };
  const metadata: ImageMetadata = imported;
  if (file.kind === 'svg') return { kind: 'svg', src: metadata.src, width: metadata.width || undefined, height: metadata.height || undefined };
  if (file.kind === 'file') return { kind: 'file', src: metadata.src };
  const width = Math.min(metadata.width, MAX_WIDTH);
  const [avif, webp] = await Promise.all([getImage({ src: metadata, width, format: 'avif' }), getImage({ src: metadata, width, format: 'webp' })]);
  const height = Math.round((metadata.height * width) / metadata.width);
  return { kind: 'picture', avif: avif.src, webp: webp.src, width, height, original: metadata.src };
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const IMG = /<img\b([^>]*)>/g;
const SRC = /\ssrc="\/_rolebook\/file\/(\d+)"/;
/** Attributes this step sets itself; any the author gave are dropped. */
const OWN_ATTRIBUTES = /\s(?:src|width|height|loading|decoding)="[^"]*"/g;
const HREF = /\shref="\/_rolebook\/file\/(\d+)([^"]*)"/g;

function pictureTag(published: Published, attributes: string): string {
  const rest = attributes.replace(OWN_ATTRIBUTES, '');
  const lazy = 'loading="lazy" decoding="async"';
  if (published.kind === 'picture') {
    return `<picture><source type="image/avif" srcset="${escapeAttribute(published.avif)}"><img src="${escapeAttribute(published.webp)}"${rest} width="${published.width}" height="${published.height}" ${lazy}></picture>`;
  }
  const size = published.kind === 'svg' && published.width && published.height ? ` width="${published.width}" height="${published.height}"` : '';
  return `<img src="${escapeAttribute(published.src)}"${rest}${size} ${lazy}>`;
}

/** `html` with every placeholder replaced; `files` is the document's `localFiles`. */
export async function publishContentFiles(html: string, files: readonly LocalFile[] = []): Promise<string> {
  if (files.length === 0 || !html.includes(PLACEHOLDER)) return html;
  const published = await Promise.all(files.map(publish));
  const at = (index: string) => published[Number(index)];
  return html
    .replace(IMG, (tag, attributes: string) => {
      const index = SRC.exec(attributes)?.[1];
      const file = index === undefined ? undefined : at(index);
      return file ? pictureTag(file, attributes) : tag;
    })
    .replace(HREF, (attribute, index: string, suffix: string) => {
      const file = at(index);
      if (!file) return attribute;
      // A link to a picture offers the file as the author saved it, not the resized copy.
      return ` href="${escapeAttribute(file.kind === 'picture' ? file.original : file.src)}${suffix}"`;
    });
}
