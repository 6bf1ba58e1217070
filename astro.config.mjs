// @ts-check
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/config.ts';

const config = loadConfig();

export default defineConfig({
  output: 'static',
  base: config.base,
  site: config.site,
  outDir: process.env.ROLEBOOK_OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
