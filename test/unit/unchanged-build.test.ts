/** What makes `rolebook build` run Astro again: any input the pages can show, and nothing else. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInputs, hashBuildInputs, lastBuild, rememberBuild } from '../../src/build/unchanged-build.ts';

describe('the inputs of astro build', () => {
  let folder: string;
  let options: Parameters<typeof buildInputs>[0];
  const now = new Date('2026-12-02T10:00:00Z');

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-inputs-'));
    mkdirSync(path.join(folder, 'content/roles/media'), { recursive: true });
    writeFileSync(path.join(folder, 'content/roles/a.md'), '# A\n');
    writeFileSync(path.join(folder, 'content/roles/media/p.png'), 'png');
    writeFileSync(path.join(folder, 'history.json'), '{"commits":1}');
    options = { contentDir: path.join(folder, 'content'), historyFile: path.join(folder, 'history.json'), configFile: path.join(folder, 'none.json'), now };
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    delete process.env.ROLEBOOK_BASE;
  });

  it('are the same when nothing changed, wherever the history file was written', () => {
    const before = buildInputs(options);
    const moved = path.join(folder, 'elsewhere.json');
    writeFileSync(moved, '{"commits":1}');
    expect(buildInputs({ ...options, historyFile: moved })).toBe(before);
  });

  it('change with a document, a picture, the history, the config, the day or a ROLEBOOK_ setting', () => {
    const seen = new Set([buildInputs(options)]);
    const changes = [
      () => writeFileSync(path.join(folder, 'content/roles/a.md'), '# A.\n'),
      () => writeFileSync(path.join(folder, 'content/roles/media/p.png'), 'png2'),
      () => writeFileSync(path.join(folder, 'history.json'), '{"commits":2}'),
      () => writeFileSync(options.configFile, '{"title":"X"}'),
      () => (options = { ...options, now: new Date('2026-12-03T10:00:00Z') }),
      () => (process.env.ROLEBOOK_BASE = '/playbook/'),
    ];
    for (const change of changes) {
      change();
      const inputs = buildInputs(options);
      expect(seen.has(inputs)).toBe(false);
      seen.add(inputs);
    }
  });

  it('have a part for the files alone, which a changed file changes and the history, day or settings do not', () => {
    const files = () => hashBuildInputs(options).files;
    const before = files();
    writeFileSync(path.join(folder, 'history.json'), '{"commits":2}');
    options = { ...options, now: new Date('2026-12-03T10:00:00Z') };
    process.env.ROLEBOOK_BASE = '/playbook/';
    expect(files()).toBe(before);
    writeFileSync(path.join(folder, 'content/roles/a.md'), '# A.\n');
    expect(files()).not.toBe(before);
  });

  it('leave out git’s own folder, whose objects are no input (a content folder that is a repository’s root)', () => {
    const files = () => hashBuildInputs(options).files;
    const before = files();
    mkdirSync(path.join(folder, 'content/.git/objects'), { recursive: true });
    writeFileSync(path.join(folder, 'content/.git/objects/ab'), 'object');
    writeFileSync(path.join(folder, 'content/roles/.git'), 'gitdir: ../.git/modules/roles');
    expect(files()).toBe(before);
    writeFileSync(path.join(folder, 'content/.gitignore'), 'drafts/');
    expect(files()).not.toBe(before);
  });

  it('tell a rebuild whose files changed before the history is read, from the last successful build’s record', () => {
    const cwd = path.join(folder, 'project');
    process.env.ROLEBOOK_CACHE_DIR = path.join(folder, 'cache');
    try {
      expect(lastBuild(cwd, path.join(folder, 'dist')).filesChanged('files-1')).toBe(false);
      mkdirSync(process.env.ROLEBOOK_CACHE_DIR);
      rememberBuild(cwd, { inputs: 'inputs-1', pages: 1, dataFiles: 0 }, path.join(folder, 'dist'));
      // A record written before it kept the files' part: unknown, so the build waits for git.
      expect(lastBuild(cwd, path.join(folder, 'dist')).filesChanged('files-1')).toBe(false);
      rememberBuild(cwd, { inputs: 'inputs-1', files: 'files-1', pages: 1, dataFiles: 0 }, path.join(folder, 'dist'));
      expect(lastBuild(cwd, path.join(folder, 'dist')).filesChanged('files-1')).toBe(false);
      expect(lastBuild(cwd, path.join(folder, 'dist')).filesChanged('files-2')).toBe(true);
    } finally {
      delete process.env.ROLEBOOK_CACHE_DIR;
    }
  });

  it('tell whether the output folder is as the last successful build left it, file for file, and so whether the build is unchanged', () => {
    const cwd = path.join(folder, 'project');
    const dist = path.join(folder, 'dist');
    process.env.ROLEBOOK_CACHE_DIR = path.join(folder, 'cache');
    try {
      mkdirSync(path.join(dist, 'a'), { recursive: true });
      writeFileSync(path.join(dist, 'a/index.html'), 'a');
      expect(lastBuild(cwd, dist).outputAsBuilt()).toBe(false);
      mkdirSync(process.env.ROLEBOOK_CACHE_DIR);
      rememberBuild(cwd, { inputs: 'inputs-1', pages: 1, dataFiles: 0 }, dist);
      expect(lastBuild(cwd, dist).outputAsBuilt()).toBe(true);
      expect(lastBuild(cwd, dist).unchanged('inputs-1')).toMatchObject({ inputs: 'inputs-1', pages: 1 });
      expect(lastBuild(cwd, dist).unchanged('inputs-2')).toBeUndefined();
      writeFileSync(path.join(dist, 'extra.html'), 'x');
      expect(lastBuild(cwd, dist).outputAsBuilt()).toBe(false);
      expect(lastBuild(cwd, dist).unchanged('inputs-1')).toBeUndefined();
      rmSync(path.join(dist, 'extra.html'));
      writeFileSync(path.join(dist, 'a/index.html'), 'a, edited');
      expect(lastBuild(cwd, dist).outputAsBuilt()).toBe(false);
    } finally {
      delete process.env.ROLEBOOK_CACHE_DIR;
    }
  });
});
