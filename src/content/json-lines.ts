/**
 * Key–value pairs kept one to a line: the build's caches (the output check's per-page results, a
 * JSON `[key, value]` a line; the parse cache, whose lines carry each document's HTML after its
 * entry and which gives its own line reader and writer: src/content/cache.ts). Read and written line
 * by line, never as one string of the whole file, which V8 caps near 512 MB.
 */
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const NEWLINE = Buffer.from('\n');

/**
 * Reads the pair on the line `bytes[start, end)`, or gives undefined to leave the line out; throws
 * when the line is damaged (the whole file then reads as empty).
 */
export type LineReader<T> = (bytes: Buffer, start: number, end: number) => [string, T] | undefined;

const jsonLine = <T>(bytes: Buffer, start: number, end: number) => JSON.parse(bytes.toString('utf8', start, end)) as [string, T];

/**
 * The pairs stored in `file`, each line read by `readLine` (a JSON `[key, value]` unless given); a
 * missing or damaged file reads as empty. `lines`, when given, gets each pair's line as it is in
 * the file, for writing an unchanged pair back without serialising it.
 */
export function readJsonLines<T>(file: string, lines?: Map<string, Uint8Array>, readLine: LineReader<T> = jsonLine): Map<string, T> {
  const pairs = new Map<string, T>();
  try {
    const bytes = readFileSync(file);
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      const pair = end > start ? readLine(bytes, start, end) : undefined;
      if (pair) {
        pairs.set(pair[0], pair[1]);
        lines?.set(pair[0], bytes.subarray(start, end));
      }
      start = end + 1;
    }
  } catch {
    pairs.clear();
    lines?.clear();
  }
  return pairs;
}

/**
 * Replaces `file` with `pairs`, written to a temporary file and renamed, so a build stopped half-way
 * never leaves a torn file. A cache only saves time: a write that fails (full disk, read-only
 * folder) resolves to false, never an error. `storedLine` gives the line of a pair that is as it
 * was read (`readJsonLines`' `lines`): written back as it was, not serialised again.
 */
export async function writeJsonLines<T>(
  file: string,
  pairs: Iterable<[string, T]>,
  storedLine?: (key: string, value: T) => Uint8Array | undefined,
): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      // Handed to the system as they are (writev), not copied into one buffer first: a parse cache
      // of 1,000 documents is 15 MB; 512 buffers a call stays within the system's limit (IOV_MAX).
      const writeAll = async (buffers: Uint8Array[]) => {
        const { bytesWritten } = await handle.writev(buffers);
        // A short write (a full disk) would leave a torn file: not renamed into place.
        if (bytesWritten !== buffers.reduce((total, buffer) => total + buffer.byteLength, 0)) throw new Error('short write');
      };
      let chunk: Uint8Array[] = [];
      for (const pair of pairs) {
        chunk.push(storedLine?.(pair[0], pair[1]) ?? Buffer.from(JSON.stringify(pair)), NEWLINE);
        if (chunk.length >= 512) {
          await writeAll(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0) await writeAll(chunk);
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
