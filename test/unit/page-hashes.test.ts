/**
 * The built pages' hashes: read and hashed once, then taken from the record while a page is the
 * same file with the same size and modification time; written again, or just written, it is read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashPages, lastSearchablePages } from '../../src/build/page-hashes.ts';
import { hashBytes } from '../../src/content/cache.ts';

let root: string;
let site: string;
let record: string;
const files = ['a/index.html', 'b/index.html', 'styles.css'];

/** Writes a page as an earlier build did: its modification time an hour back. */
function writePage(file: string, text: string, modified = new Date(Date.now() - 3_600_000)): void {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), text);
  utimesSync(path.join(site, file), modified, modified);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-page-hashes-'));
  site = path.join(root, 'dist');
  record = path.join(root, 'cache/page-hashes.json');
  writePage('a/index.html', '<main data-pagefind-body>A</main>');
  writePage('b/index.html', '<main>B</main>');
  writePage('styles.css', 'main {}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const expected = (file: string) => hashBytes(readFileSync(path.join(site, file)));

it('reads each page once, then only the pages written since', () => {
  const first = hashPages(site, files, record);
  expect(first.read).toBe(2);
  expect(first.htmlHashes).toEqual(new Map([['a/index.html', expected('a/index.html')], ['b/index.html', expected('b/index.html')]]));
  expect(first.searchable).toEqual(['a/index.html']);

  expect(hashPages(site, files, record)).toEqual({ ...first, read: 0 });

  // The same size, written in place: only its modification time tells.
  writePage('b/index.html', '<main data-pagefind-body>C</main>'.slice(0, 14), new Date(Date.now() - 1_800_000));
  const afterEdit = hashPages(site, files, record);
  expect(afterEdit.read).toBe(1);
  expect(afterEdit.htmlHashes.get('b/index.html')).toBe(expected('b/index.html'));
  expect(afterEdit.htmlHashes.get('b/index.html')).not.toBe(first.htmlHashes.get('b/index.html'));
});

it('reads again a page written just before it was hashed, whose time a write in the same clock tick would keep', () => {
  hashPages(site, files, record);
  writePage('a/index.html', '<main data-pagefind-body>Z</main>', new Date());
  expect(hashPages(site, files, record).read).toBe(1);
  expect(hashPages(site, files, record).read).toBe(1);
  // Still recorded as a page the build published (src/build/search-ahead.ts reads that list).
  expect(lastSearchablePages(record)).toEqual(['a/index.html']);
  expect(lastSearchablePages(path.join(root, 'cache/none.json'))).toBeUndefined();
});

it('reads every page when the record is missing, damaged or from another site folder', () => {
  hashPages(site, files, record);
  writeFileSync(record, '{"version":1,"pages":{"a/index.html":["x"]');
  expect(hashPages(site, files, record).read).toBe(2);
  writeFileSync(record, JSON.stringify({ version: 1, pages: { 'a/index.html': [1, 2, 3] } }));
  expect(hashPages(site, files, record).read).toBe(2);

  // A copy of the site: the same paths, sizes and times, other files.
  const copy = path.join(root, 'copy');
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    writeFileSync(path.join(copy, file), readFileSync(path.join(site, file)));
    const modified = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(copy, file), modified, modified);
  }
  expect(hashPages(copy, files, record).read).toBe(2);
});
