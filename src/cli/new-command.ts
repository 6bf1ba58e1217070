/** `rolebook new role|playbook|skill "Name"`: writes a correctly shaped document, never overwriting one. */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

const KINDS = { role: 'role-guide', 'role-guide': 'role-guide', playbook: 'playbook', skill: 'skill' } as const;

export async function runNew({ values, positionals }: ParsedOptions, io: Io): Promise<number> {
  const [kindWord, ...nameWords] = positionals;
  const kind = kindWord ? KINDS[kindWord as keyof typeof KINDS] : undefined;
  const name = nameWords.join(' ').trim();
  if (!kind || !name) throw new UsageError('write it as: rolebook new role "Name", rolebook new playbook "Name" or rolebook new skill "Name".');
  const contentRoot = values['content-root'] ? path.resolve(io.cwd, String(values['content-root'])) : loadConfig(io.cwd).contentDir;
  const { createDocument } = await import('./new.ts');
  try {
    const created = await createDocument(kind, name, { contentRoot });
    io.out(`Created ${path.relative(io.cwd, created.path)}. Fill in the sections, then run “rolebook check”.`);
    return 0;
  } catch (error) {
    io.err(`rolebook new: ${(error as Error).message}`);
    return 1;
  }
}
