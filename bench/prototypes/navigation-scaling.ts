/**
 * Prototype: cost per page of the navigation and search-filter helpers every page calls, for N
 * documents — to see whether a build's page rendering grows linearly or quadratically.
 * Run: node --experimental-strip-types bench/prototypes/navigation-scaling.ts [CHECKOUT]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const checkout = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../..'));
const nav = await import(pathToFileURL(path.join(checkout, 'src/site/navigation.ts')).href);
const search = await import(pathToFileURL(path.join(checkout, 'src/site/search.ts')).href);

function fakeContent(n: number) {
  const documents = Array.from({ length: n }, (_, i) => {
    const kind = i % 2 ? 'playbook' : 'role-guide';
    const id = `${kind === 'playbook' ? 'playbooks/playbook' : 'roles/role'}-${String(i).padStart(5, '0')}`;
    return { model: { id, kind, title: `Document ${i}`, meta: { audience: i % 3 ? 'internal' : 'partner', owner: `owner${i % 8}` } } };
  });
  return {
    documents,
    roles: documents.filter((d) => d.model.kind === 'role-guide'),
    playbooks: documents.filter((d) => d.model.kind === 'playbook'),
    byId: new Map(documents.map((d) => [d.model.id, d])),
  };
}

for (const n of [1000, 10000]) {
  const content = fakeContent(n);
  const pages = content.documents.slice(0, 200);
  const time = (fn: (doc: (typeof pages)[number]) => unknown) => {
    for (const doc of pages.slice(0, 20)) fn(doc);
    const start = performance.now();
    for (const doc of pages) fn(doc);
    return (performance.now() - start) / pages.length;
  };
  const sidebar = time((doc) => nav.sidebarGroups(content, `/${doc.model.id}/`));
  const pager = time((doc) => nav.pagerFor(content, doc));
  const filters = time(() => search.searchFilterOptions(content));
  const perBuild = (ms: number) => ((ms * n) / 1000).toFixed(1);
  console.log(
    `${n} documents: per page sidebarGroups ${sidebar.toFixed(3)} ms, pagerFor ${pager.toFixed(3)} ms, searchFilterOptions ${filters.toFixed(3)} ms` +
      ` → per build ${perBuild(sidebar)} s + ${perBuild(pager)} s + ${perBuild(filters)} s`,
  );
}
