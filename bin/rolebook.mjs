#!/usr/bin/env node
// Node ≥ 22.18 runs the TypeScript sources directly (type stripping); npm scripts and npx put the
// project's pinned Node 24 first on PATH.
import { main } from '../src/cli/index.ts';

process.exitCode = await main(process.argv.slice(2));
