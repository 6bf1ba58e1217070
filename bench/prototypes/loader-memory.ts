/**
 * Prototype: how much of the loader's memory is live data and how much is garbage V8 has not
 * collected yet. Run: node --experimental-strip-types --expose-gc bench/prototypes/loader-memory.ts [corpus]
 */
import path from 'node:path';
import { loadContent } from '../../src/content/load.ts';

const corpus = process.argv[2] ?? path.join(import.meta.dirname, '../corpus/1000');
const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
const report = (label: string) => {
  const m = process.memoryUsage();
  console.log(`${label.padEnd(28)} rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}`);
};
report('start');
const started = performance.now();
const result = await loadContent(corpus, { cacheDir: false });
console.log(`loaded ${result.documents.length} documents in ${Math.round(performance.now() - started)} ms`);
report('after loadContent');
(globalThis as { gc?: () => void }).gc?.();
report('after a full GC');
const htmlBytes = result.documents.reduce((sum, d) => sum + d.html.length, 0);
console.log(`rendered HTML held: ${mb(htmlBytes * 2)} (UTF-16 worst case), models: ${mb(JSON.stringify(result.documents.map((d) => d.model)).length)}`);
console.log(`peak rss (resourceUsage): ${mb(process.resourceUsage().maxRSS * 1024)}`);
