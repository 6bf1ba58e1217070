/**
 * Rewrites links to other markdown documents (`../playbooks/area-liaison.md#objectives`) into site
 * URLs and records every internal link in `file.data.links`, refusing links to missing documents.
 * Which documents it looked for, and whether each was there, go to `file.data.linkTargets`: the
 * result depends on them, so the parse cache does too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from './lib/visit.ts';
import type { ContentLink } from '../src/model/rendered.ts';
import { idForPath, isFragment, pathForId, toPosix } from './lib/ids.ts';
import { report, sourceFileOf } from './lib/report.ts';
import { withTrailingSlash } from '../src/model/paths.ts';
import { decodeOrUndefined } from './lib/url.ts';

export interface ContentLinksOptions {
  contentRoot: string;
  /** Base path of the site, e.g. `/` or `/playbook/`. */
  base: string;
}

declare module 'vfile' {
  interface DataMap {
    links: ContentLink[];
    /** Absolute path of each linked document looked for → whether it existed. */
    linkTargets: Record<string, boolean>;
  }
}

export default function remarkContentLinks(options: ContentLinksOptions) {
  const base = withTrailingSlash(options.base);
  return (tree: Root, file: VFile) => {
    const links: ContentLink[] = (file.data.links = []);
    const targets: Record<string, boolean> = (file.data.linkTargets = {});
    const selfId = file.path ? idForPath(toPosix(path.relative(options.contentRoot, file.path))) : '';
    visit(tree, 'link', (node: Link) => {
      const written = node.url;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(written)) return;
      const from = sourceFileOf(node) ?? file.path;
      const [target = '', hash] = written.split('#', 2);
      const place = node.position?.start ?? { line: 1, column: 1 };
      let sitePath: string;
      if (target === '') {
        sitePath = pathForId(selfId);
      } else if (/\.md$/i.test(target) && from) {
        const decoded = decodeOrUndefined(target);
        if (decoded === undefined) return; // reported by remark-link-encoding
        const absolute = path.resolve(path.dirname(from), decoded);
        const relative = toPosix(path.relative(options.contentRoot, absolute));
        const outside = relative.startsWith('..');
        if (!outside) targets[absolute] ??= existsSync(absolute);
        if (outside || !targets[absolute]) {
          report(file, `The link “${written}” points to a page that does not exist (${relative}).`, node, 'link-broken');
          return;
        }
        if (isFragment(relative)) {
          report(file, `The link “${written}” points to an include fragment, which is not a page. Link to the page that includes it.`, node, 'link-broken');
          return;
        }
        sitePath = pathForId(idForPath(relative));
      } else {
        return;
      }
      const href = hash ? `${sitePath}#${hash}` : sitePath;
      node.url = `${base}${href.slice(1)}`;
      links.push({ href, written, file: from ?? '', line: place.line, column: place.column });
    });
  };
}
