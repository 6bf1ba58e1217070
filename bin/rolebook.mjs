#!/usr/bin/env node
// Node ≥ 22.18 runs the TypeScript sources directly (type stripping); npm scripts and npx put the
// project's pinned Node 24 first on PATH.
import module from 'node:module';

// As Astro's own CLI does: Node keeps the compiled CLI and parser modules between runs (a few
// hundred ms of every start). Not in CI, where the cache would never be read again.
if (!process.env.CI) module.enableCompileCache?.();

const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
