/** Every file below a folder, as `/`-separated paths relative to it, sorted (none when it is missing). */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function filesBelow(root: string): string[] {
  if (!existsSync(root)) return [];
  return (
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      // Sorted: reports and hashes come out the same whatever order the file system lists.
      .sort()
  );
}
