/**
 * Imports a module with `fs.renameSync` failing as it does for a mount point (EBUSY), for the
 * fallbacks of code that renames folders (src/build/old-output.ts, src/build/reused-pages.ts).
 * The mock is undone when `run` returns.
 */
import { vi } from 'vitest';

export async function withRenameFailing<Module>(importModule: () => Promise<Module>, run: (module: Module) => Promise<void> | void): Promise<void> {
  vi.resetModules();
  vi.doMock('node:fs', async (importOriginal) => {
    const fs = await importOriginal<typeof import('node:fs')>();
    const renameSync = () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
    };
    return { ...fs, renameSync, default: { ...fs, renameSync } };
  });
  try {
    await run(await importModule());
  } finally {
    vi.doUnmock('node:fs');
    vi.resetModules();
  }
}
