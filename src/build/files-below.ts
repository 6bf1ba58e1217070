/** Every file below a folder, as `/`-separated paths relative to it, sorted (none when it is missing). */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function filesBelow(root: string): string[] {
  if (!existsSync(root)) return [];
  const folder = path.resolve(root);
  // Each entry's folder starts with `folder` and a separator: cutting it off is 5–10× faster than
  // path.relative (25,000 files of a 10,000-document site: 0.1–0.25 s against 0.02 s).
  const prefix = folder.length + (folder.endsWith(path.sep) ? 0 : 1);
  return (
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const relative = entry.parentPath.length < prefix ? entry.name : `${entry.parentPath.slice(prefix)}${path.sep}${entry.name}`;
        return path.sep === '/' ? relative : relative.split(path.sep).join('/');
      })
      // Sorted: reports and hashes come out the same whatever order the file system lists.
      .sort()
  );
}

/**
 * Copies every file below `from` to the same place below `to`. One synchronous copy a file: for the
 * search index's ~1,100 small files this took 0.3 s where `fs.promises.cp` took 0.9 s and
 * `fs.cpSync` 0.5 s (1,000 documents), and it sits on the rebuild's last step.
 */
export function copyFolder(from: string, to: string): void {
  const made = new Set<string>();
  for (const file of filesBelow(from)) {
    const target = path.join(to, ...file.split('/'));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    copyFileSync(path.join(from, ...file.split('/')), target);
  }
}
