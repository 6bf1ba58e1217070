/**
 * Listing every file below a folder, which the build hashes and compares by: the same list as
 * readdirSync's `recursive` gives (links to folders followed, links to files left out), sorted.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { filesBelow } from '../../src/build/files-below.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-files-below-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string): void {
  mkdirSync(path.dirname(path.join(root, 'site', file)), { recursive: true });
  writeFileSync(path.join(root, 'site', file), file);
}

it('lists the files of every folder below, `/`-separated and sorted, following links to folders but not to files', () => {
  for (const file of ['z.html', 'b/index.html', 'a/deep/er/index.html', 'a/index.html', 'b/c.css']) write(file);
  mkdirSync(path.join(root, 'elsewhere'));
  writeFileSync(path.join(root, 'elsewhere', 'linked.html'), 'linked');
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'site', 'linked-folder'));
  symlinkSync(path.join(root, 'site', 'z.html'), path.join(root, 'site', 'linked-file.html'));
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'site', 'broken'));
  mkdirSync(path.join(root, 'site', 'empty'));

  const listed = filesBelow(path.join(root, 'site'));
  expect(listed).toEqual(['a/deep/er/index.html', 'a/index.html', 'b/c.css', 'b/index.html', 'linked-folder/linked.html', 'z.html']);
  // What Node's own recursive listing gives, filtered and sorted the same way.
  const nodeListing = readdirSync(path.join(root, 'site'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(root, 'site'), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  expect(listed).toEqual(nodeListing);
});

it('lists nothing below a folder that is not there', () => {
  expect(filesBelow(path.join(root, 'missing'))).toEqual([]);
});
