// @ts-check
import path from 'node:path';
import { outDir } from './src/config-file.ts';
import { loadConfig } from './src/config.ts';
import { CACHE_FOLDERS, cacheRoot } from './src/content/cache.ts';
import { rolebookIntegrations } from './src/integrations/index.ts';

const config = loadConfig();

/** The role page's self-assessment: its island, the assessment model and what they share (see manualChunks). */
const ROLE_ASSESSMENT =
  /[\\/]src[\\/](islands[\\/]assessment|model[\\/]assessment)[\\/]|[\\/]src[\\/]model[\\/](levels|dashes|forbidden-keys)\.ts$|[\\/]src[\\/]islands[\\/](dom|role-assessment)\.ts$/;

export default /** @type {import('astro').AstroUserConfig} */ ({
  output: 'static',
  base: config.base,
  site: config.site,
  // Tests build several sites side by side; each gets its own output and cache folder.
  outDir: outDir(),
  // Inside the one cache folder of every build step (src/content/cache.ts): deleting it means a clean build.
  cacheDir: path.join(cacheRoot(), CACHE_FOLDERS.astro),
  trailingSlash: 'ignore',
  // Several pages render at once, so one page's file writes overlap the next page's rendering.
  build: { format: 'directory', concurrency: 8 },
  // A document page whose cacheKey (src/pages/_cache-key.ts) and code are unchanged is copied from
  // the last build instead of rendered.
  experimental: { incrementalBuild: true },
  // `rolebook build` prints one line for the whole Astro step and asks for warnings and errors only:
  // Astro's own lines (one per page, run together with stray timings) say nothing more.
  // Written out as `logHandlers.node()` returns it, and no `defineConfig`: importing `astro/config`
  // loads its SVG optimiser (svgo and csso, ≈ 350 modules) into every build for nothing. Clean
  // builds of 1,000 documents, alternating four each: Astro's peak 591–610 → 543–593 MB, the
  // process tree's 762–805 → 715–774 MB. If Astro stops reading this shape, its own lines come
  // back and the incremental test's log check fails.
  logger: process.env.ROLEBOOK_QUIET_ASTRO ? { entrypoint: 'astro/logger/node', config: { level: 'warn' } } : undefined,
  devToolbar: { enabled: false },
  vite: {
    build: {
      // `rolebook build` empties the output folder itself and links in the pages Astro will reuse,
      // which Astro then keeps instead of copying (src/build/reused-pages.ts). `astro build` alone
      // empties it as usual.
      ...(process.env.ROLEBOOK_OUTPUT_PREPARED ? { emptyOutDir: false } : {}),
      // The team benchmark's `--profile` builds unminified, so a CPU profile names the functions.
      ...(process.env.ROLEBOOK_NO_MINIFY ? { minify: false } : {}),
      rollupOptions: {
        output: {
          // The role page's assessment is one file: split into chunks shared with the team view, it
          // paid each chunk's gzip overhead again (12.9 KB against 12.2 KB in one file).
          manualChunks: (id) => (ROLE_ASSESSMENT.test(id) && !/key-results\.ts$/.test(id) ? 'assessment' : undefined),
        },
      },
    },
  },
  integrations: rolebookIntegrations(config),
});
