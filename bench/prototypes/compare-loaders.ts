/**
 * Prototype check: two checkouts' loaders must give the same models, HTML and problems for a corpus
 * (used to prove a performance change in a copy of the project changes nothing else).
 * Run: node --experimental-strip-types bench/prototypes/compare-loaders.ts CHECKOUT_A CHECKOUT_B CORPUS
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const [a, b, corpus] = process.argv.slice(2);
if (!a || !b || !corpus) {
  console.error('usage: compare-loaders.ts CHECKOUT_A CHECKOUT_B CORPUS');
  process.exit(2);
}
type Load = (root: string, options: object) => Promise<{ documents: { model: { id: string } }[]; problems: unknown[] }>;
const load = async (checkout: string) => {
  const module = (await import(pathToFileURL(path.resolve(checkout, 'src/content/load.ts')).href)) as { loadContent: Load };
  // One thread and no cache: each checkout's own code does all the work.
  return module.loadContent(path.resolve(corpus), { cacheDir: false, parallelThreshold: Number.POSITIVE_INFINITY });
};
const [left, right] = [await load(a), await load(b)];
let differences = 0;
const byId = new Map(right.documents.map((d) => [d.model.id, d]));
for (const doc of left.documents) {
  const other = byId.get(doc.model.id);
  if (!other || !isDeepStrictEqual(doc, other)) {
    if (differences++ < 5) console.log(`differs: ${doc.model.id}`);
  }
}
if (left.documents.length !== right.documents.length) differences++;
if (!isDeepStrictEqual(left.problems, right.problems)) {
  differences++;
  console.log('problems differ');
}
console.log(`${left.documents.length} documents compared: ${differences === 0 ? 'identical' : `${differences} differences`}`);
process.exit(differences === 0 ? 0 : 1);
