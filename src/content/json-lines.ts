/**
 * Key–value pairs kept as one JSON line each (`[key, value]`): the build's caches (the parse cache,
 * the output check's per-page results). Read and written line by line, never as one string of the
 * whole file, which V8 caps near 512 MB.
 */
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The pairs stored in `file`; a missing or damaged file reads as empty. */
export function readJsonLines<T>(file: string): Map<string, T> {
  const pairs = new Map<string, T>();
  try {
    const bytes = readFileSync(file);
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      if (end > start) {
        const [key, value] = JSON.parse(bytes.toString('utf8', start, end)) as [string, T];
        pairs.set(key, value);
      }
      start = end + 1;
    }
  } catch {
    pairs.clear();
  }
  return pairs;
}

/**
 * Replaces `file` with `pairs`, written to a temporary file and renamed, so a build stopped half-way
 * never leaves a torn file. A cache only saves time: a write that fails (full disk, read-only
 * folder) resolves to false, never an error.
 */
export async function writeJsonLines<T>(file: string, pairs: Iterable<[string, T]>): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      let chunk: string[] = [];
      for (const pair of pairs) {
        chunk.push(`${JSON.stringify(pair)}\n`);
        if (chunk.length === 256) {
          await handle.write(chunk.join(''));
          chunk = [];
        }
      }
      await handle.write(chunk.join(''));
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return true;
  } catch {
    await rm(temporary, { force: true });
    return false;
  }
}
