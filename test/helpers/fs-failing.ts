/**
 * Imports a module with some of `node:fs` failing, for the fallbacks of code that renames or makes
 * folders (src/build/old-output.ts, src/build/reused-pages.ts). The mock is undone when `run` returns.
 */
import type * as fs from 'node:fs';
import { vi } from 'vitest';

type Fs = typeof fs;

/** `fs.renameSync` failing as it does for a mount point (EBUSY). */
export const renameFails = (): Partial<Fs> => ({ renameSync: failing('EBUSY: resource busy or locked, rename', 'EBUSY') });

/** `fs.mkdirSync` failing for paths that `match`, as in a folder this process may not write (EACCES). */
export const mkdirFails =
  (match: RegExp) =>
  (real: Fs): Partial<Fs> => ({
    mkdirSync: ((folder: fs.PathLike, options?: fs.MakeDirectoryOptions) =>
      match.test(String(folder)) ? failing('EACCES: permission denied, mkdir', 'EACCES')() : real.mkdirSync(folder, options)) as Fs['mkdirSync'],
  });

function failing(message: string, code: string): () => never {
  return () => {
    throw Object.assign(new Error(message), { code });
  };
}

export async function withFsFailing<Module>(change: (real: Fs) => Partial<Fs>, importModule: () => Promise<Module>, run: (module: Module) => Promise<void> | void): Promise<void> {
  vi.resetModules();
  vi.doMock('node:fs', async (importOriginal) => {
    const real = await importOriginal<Fs>();
    const changed = change(real);
    return { ...real, ...changed, default: { ...real, ...changed } };
  });
  try {
    await run(await importModule());
  } finally {
    vi.doUnmock('node:fs');
    vi.resetModules();
  }
}
