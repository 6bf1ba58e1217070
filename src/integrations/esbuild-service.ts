/**
 * Stops esbuild's service process each time a Vite bundle is written. Astro's `import.meta.env`
 * plugin starts it during the bundling (one transform per module that reads `import.meta.env`),
 * and it then sat idle beside Astro's page rendering, when the build's process tree peaks
 * (17 MB of it at 1,000 documents). esbuild starts its service again on the next call, so a later
 * bundle, or anything else, that needs it only pays for a restart. Astro writes its bundles one
 * after another (core/build/static-build.js awaits each), so no transform is in flight when the
 * service stops; were they ever built at once, the stop would fail the other bundle's transform
 * with an error, not change its output.
 *
 * The esbuild stopped is Astro's own copy, resolved from Astro's package, as its plugin imports it:
 * Rolebook does not depend on esbuild itself.
 */
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

type EsbuildService = { stop(): Promise<void> | void };

/** Astro's esbuild, or undefined when it has none (a later Astro may not use esbuild at all). */
export function esbuildOfAstro(): EsbuildService | undefined {
  try {
    const fromAstro = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
    return fromAstro('esbuild') as EsbuildService;
  } catch {
    return undefined;
  }
}

export function stopEsbuildAfterBundlePlugin(esbuild: EsbuildService | undefined = esbuildOfAstro()): Plugin {
  return {
    name: 'rolebook:esbuild-service',
    apply: 'build',
    async closeBundle() {
      await esbuild?.stop();
    },
  };
}

export function esbuildServiceIntegration(): AstroIntegration {
  return {
    name: 'rolebook:esbuild-service',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [stopEsbuildAfterBundlePlugin()] } });
      },
    },
  };
}
