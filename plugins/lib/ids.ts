import path from 'node:path';

/** `roles/Team Manager.md` → `roles/team-manager`: lower case, one dash between words. */
export function idForPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.md$/i, '')
    .split('/')
    .map((segment) =>
      segment
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .join('/');
}

/** Site path of a document, without the base: `/roles/team-manager/`. */
export function pathForId(id: string): string {
  return `/${id}/`;
}

/** Whether a path below the content root is a fragment (inside an `includes` folder). */
export function isFragment(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).slice(0, -1).some((segment) => segment.toLowerCase() === 'includes');
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
