/**
 * The pages Astro's incremental build will reuse, put in the output folder before it runs.
 *
 * Astro copies each page it reuses from its cache into the emptied output folder, unless the
 * page's file is already there, which it then keeps (`existsInDist`, core/build/generate.js): at
 * 1,000 documents 1,509 copies, ≈ 0.45 s of a one-change rebuild and ≈ 0.8 s of CPU on libuv's
 * threads. So `rolebook build` empties the output folder itself (src/build/old-output.ts), Astro
 * does not (`emptyOutDir: false` under `ROLEBOOK_OUTPUT_PREPARED`: astro.config.mjs), and before
 * Astro runs each file its last manifest lists is hard-linked from its cache into the output folder
 * (no bytes copied). A page whose key changed is rendered again and written over the link; a file
 * this build does not produce is removed afterwards.
 *
 * Written over, a link changes Astro's copy too: Astro then writes the same bytes to its copy, and
 * its manifest, with the new key, at the end. Should Astro stop in between, its copy would hold a
 * page its manifest does not key — Astro's own order (copy first, manifest last) has the same gap.
 * So a marker file says links are out; the next build finding it drops Astro's manifest, and every
 * page is rendered again.
 *
 * The links are made while the content is checked (≈ 0.3 s at 1,000 documents, which Astro
 * otherwise waited for), in a folder beside the output folder that takes its place once the check
 * passed (`stageReusedPages`): a content error leaves the last output as it was.
 *
 * Where the output folder is still exactly as the last successful build left it (the build record
 * says so: every file's size and modification time), nothing is linked at all: Astro builds into
 * that folder, keeping the last build's pages (the very files of its cache, or copies of them) and
 * writing over those it renders, and afterwards every file it neither listed nor wrote is removed
 * (`keepOutputInPlace`). That spares the links (≈ 2,500 files and folders made, on the path a
 * rebuild waits for) and deleting the old folder.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesBelow, linkFolder } from './files-below.ts';
import { setOldOutputAside } from './old-output.ts';
import { SEARCH_FOLDER } from '../site/search-layout.ts';

const MANIFEST_FILE = 'incremental-build.json';
const COPIES_FOLDER = 'dist';
const MARKER_FILE = 'rolebook-links-out';

/** The environment variable that tells astro.config.mjs the output folder is prepared (empty, or holding these links). */
export const OUTPUT_PREPARED_VARIABLE = 'ROLEBOOK_OUTPUT_PREPARED';

interface Manifest {
  routes: Record<string, { paths: Record<string, { outputFile?: unknown }> }>;
}

/** The output files a manifest of Astro's incremental build lists (relative to the output folder); none when unreadable. */
function outputFilesOf(manifestFile: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const files = new Set<string>();
    for (const route of Object.values(manifest.routes ?? {})) {
      for (const entry of Object.values(route.paths ?? {})) {
        if (typeof entry.outputFile === 'string' && isInside(entry.outputFile)) files.add(entry.outputFile);
      }
    }
    return files;
  } catch {
    return new Set();
  }
}

/** `folder` and its parents up to `root` (not included), as long as they are empty: a clean build has no empty folders. */
function removeEmptyFolders(folder: string, root: string): void {
  for (let current = folder; current.startsWith(root + path.sep); current = path.dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}

/**
 * Removes each of `files` (below `folder`) that Astro's new manifest does not list and `keep` does
 * not claim for this build, with the folders it leaves empty; returns how many were removed.
 */
function removeUnproduced(folder: string, files: Iterable<string>, manifestFile: string, keep: (file: string, target: string) => boolean): number {
  const produced = outputFilesOf(manifestFile);
  let removed = 0;
  for (const file of files) {
    const target = path.join(folder, file);
    if (produced.has(file) || keep(file, target)) continue;
    rmSync(target);
    removeEmptyFolders(path.dirname(target), folder);
    removed++;
  }
  return removed;
}

/** A relative path that stays below its folder. */
function isInside(file: string): boolean {
  return !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

export interface LinkedPages {
  /** How many files were linked. */
  linked: number;
  /**
   * After Astro succeeded: removes the linked files this build did not produce (no longer in its
   * manifest, and not written since), and the marker. Returns how many were removed.
   */
  settle(): number;
  /** The same pages, with their folder renamed to `folder`. */
  movedTo(folder: string): LinkedPages;
  /** After the folder the links were made in was deleted before Astro ran: nothing of Astro's is out any more. */
  forget(): void;
}

/**
 * Links the files of Astro's last manifest from its cache (`astroCacheDir`) into `outDir`, which
 * must be empty or missing. Links nothing (Astro then copies, as it would) after an interrupted
 * run, or where the file system has no hard links.
 */
export function linkReusedPages(astroCacheDir: string, outDir: string): LinkedPages {
  const manifestFile = path.join(astroCacheDir, MANIFEST_FILE);
  const marker = path.join(astroCacheDir, MARKER_FILE);
  const forget = () => rmSync(marker, { force: true });
  const none: LinkedPages = { linked: 0, settle: () => (forget(), 0), forget, movedTo: () => none };
  if (existsSync(marker)) {
    // The last run with links out did not finish: Astro's copies may not be what its manifest says.
    rmSync(manifestFile, { force: true });
    return none;
  }
  const files = [...outputFilesOf(manifestFile)].filter((file) => existsSync(path.join(astroCacheDir, COPIES_FOLDER, file)));
  if (files.length === 0) return none;
  writeFileSync(marker, '');
  let placed: string[];
  try {
    // Where there are no hard links, Astro copies what is not linked, as it would have.
    placed = linkFolder(path.join(astroCacheDir, COPIES_FOLDER), outDir, files, 'stop');
  } catch (error) {
    // A folder could not be made: the links made so far change nothing of Astro's.
    forget();
    throw error;
  }
  const linked = new Map(placed.map((file) => [file, statSync(path.join(outDir, file)).mtimeMs]));
  if (linked.size === 0) {
    // No link is out: an Astro that stops leaves its copies as they were.
    forget();
    return none;
  }
  return settlement(linked, outDir, manifestFile, forget);
}

/** What `linkReusedPages` returns for the files `linked` (with their modification times) below `folder`. */
function settlement(linked: Map<string, number>, folder: string, manifestFile: string, forget: () => void): LinkedPages {
  return {
    linked: linked.size,
    settle() {
      // Written by Astro (a page without a key now, say): this build's file. A link's time is that
      // of Astro's copy, made by an earlier build, so a write changes it.
      const removed = removeUnproduced(folder, linked.keys(), manifestFile, (file, target) => !existsSync(target) || statSync(target).mtimeMs !== linked.get(file));
      forget();
      return removed;
    },
    forget,
    movedTo: (to) => settlement(linked, to, manifestFile, forget),
  };
}

/** The output folder, once the check passed, made ready for Astro. */
export interface PlacedOutput {
  /**
   * After Astro succeeded: removes the files of the output folder this build did not produce.
   * Returns how many were removed.
   */
  settle(): number;
  /** The deletion of the last output, where it was set aside: to await before the build ends. */
  oldOutputRemoved(): Promise<void>;
}

/** The output folder being made ready for Astro while the content is checked (see above). */
export interface PreparedOutput {
  /** The last output kept in place, or set aside with the reused pages linked in its place. */
  readonly way: 'kept' | 'linked';
  /** Once the check passed: the output folder as Astro is to find it. */
  place(): PlacedOutput;
  /** The check failed: the last output and Astro's cache stay as they were. */
  discard(): void;
}

/**
 * Makes the output folder ready for Astro while the content is checked: left in place when it is
 * as the last successful build left it (`inPlace`), else the pages Astro will reuse are linked into
 * a folder beside it, which takes its place once the check passed (the last output set aside).
 */
export function prepareOutput(astroCacheDir: string, outDir: string, inPlace: boolean): PreparedOutput {
  if (inPlace) return { way: 'kept', place: () => keepOutputInPlace(astroCacheDir, outDir), discard: () => {} };
  const staged = stageReusedPages(astroCacheDir, outDir);
  return {
    way: 'linked',
    place() {
      const removal = setOldOutputAside(outDir);
      const linked = staged.place();
      return { settle: () => linked.settle(), oldOutputRemoved: removal };
    },
    discard: () => staged.discard(),
  };
}

/**
 * Leaves the last build's output folder where it is for Astro to build into; `settle()` then
 * removes each file this build did not produce: not in Astro's new manifest, and not written since
 * Astro was let go (older than the marker, stamped by the same clock just before).
 */
function keepOutputInPlace(astroCacheDir: string, outDir: string): PlacedOutput {
  // The search index is written whole again after Astro (src/build/finish.ts): its ≈ 1,000 files
  // go aside now and are deleted on a thread beside Astro, not one by one after it.
  const searchIndexRemoved = setOldOutputAside(path.join(outDir, SEARCH_FOLDER), path.join(path.dirname(outDir), `.${path.basename(outDir)}-old-${SEARCH_FOLDER}`));
  const manifestFile = path.join(astroCacheDir, MANIFEST_FILE);
  const marker = path.join(astroCacheDir, MARKER_FILE);
  // A run that stopped with the folder shared: Astro's copies may not be what its manifest says.
  if (existsSync(marker)) rmSync(manifestFile, { force: true });
  writeFileSync(marker, '');
  const since = statSync(marker).mtimeMs;
  return {
    settle() {
      const removed = removeUnproduced(outDir, filesBelow(outDir), manifestFile, (_file, target) => statSync(target).mtimeMs >= since);
      rmSync(marker, { force: true });
      return removed;
    },
    oldOutputRemoved: searchIndexRemoved,
  };
}

/** Reused pages linked ahead of time, in a folder beside the output folder (see above). */
export interface StagedPages {
  /**
   * Makes the staged folder the output folder, which must be missing or empty by then (src/build/old-output.ts).
   * Where it cannot be renamed there (the output folder is a mount point, say), the pages are linked into it instead.
   */
  place(): LinkedPages;
  /** Removes the staged links, when the build stops before Astro: the output and Astro's cache stay as they were. */
  discard(): void;
}

/** Links the pages Astro will reuse (as `linkReusedPages`) into a folder beside `outDir`, not into `outDir` itself. */
export function stageReusedPages(astroCacheDir: string, outDir: string): StagedPages {
  const prefix = `.${path.basename(outDir)}-next-`;
  const parent = path.dirname(outDir);
  const staging = path.join(parent, `${prefix}${process.pid}`);
  let linked: LinkedPages;
  try {
    // A build that stopped between linking and placing left its folder: its links are of no use.
    for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
      if (entry.startsWith(prefix)) rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
    linked = linkReusedPages(astroCacheDir, staging);
  } catch {
    // Nothing can be made beside the output folder (a mount point in a read-only folder, say):
    // the pages are linked into it once the check passed, as before this was done ahead.
    try {
      rmSync(staging, { recursive: true, force: true });
    } catch {
      // Left for the next build, which removes it first.
    }
    return { place: () => linkReusedPages(astroCacheDir, outDir), discard: () => {} };
  }
  return {
    place() {
      if (linked.linked === 0) return linked;
      try {
        renameSync(staging, outDir);
        return linked.movedTo(outDir);
      } catch {
        this.discard();
        return linkReusedPages(astroCacheDir, outDir);
      }
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
      linked.forget();
    },
  };
}
