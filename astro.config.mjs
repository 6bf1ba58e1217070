// @ts-check
import { defineConfig } from 'astro/config';
import { outDir } from './src/config-file.ts';
import { loadConfig } from './src/config.ts';
import { rolebookIntegrations } from './src/integrations/index.ts';

const config = loadConfig();

export default defineConfig({
  output: 'static',
  base: config.base,
  site: config.site,
  // Tests build several sites side by side; each gets its own output and cache folder.
  outDir: outDir(),
  cacheDir: process.env.ROLEBOOK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Several pages render at once, so one page's file writes overlap the next page's rendering.
  build: { format: 'directory', concurrency: 8 },
  devToolbar: { enabled: false },
  integrations: rolebookIntegrations(config),
});
