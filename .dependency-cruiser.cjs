/**
 * The layers of Rolebook, bottom first. A module may import its own folder and any layer with a
 * lower rank, never one of the same or a higher rank: what two layers both need moves down.
 * ARCHITECTURE.md explains each layer; test/unit/architecture.test.ts runs these rules over the
 * TypeScript modules (through dependency-cruiser) and over the imports of the .astro files.
 */
const layers = [
  { name: 'model', rank: 0, path: '^src/model/', owns: 'Zod schemas, inferred types and pure functions (no Node, no DOM)' },
  { name: 'config', rank: 1, path: '^src/config(-file)?\\.ts$', owns: 'reading rolebook.config.json and environment overrides' },
  { name: 'plugins', rank: 2, path: '^plugins/', owns: 'one remark/rehype plugin a job; plugins/lib holds what several plugins and the content loader share' },
  { name: 'content', rank: 3, path: '^src/content/', owns: 'the pipeline, loading, the parse cache and worker threads' },
  { name: 'git', rank: 4, path: '^src/git/', owns: 'page history and dates from git; what changed between two commits' },
  { name: 'site', rank: 5, path: '^src/site/', owns: 'what pages show, derived from the model: navigation, search, matrix, URLs' },
  { name: 'report', rank: 5, path: '^src/report/', owns: 'problems formatted for the terminal, GitHub annotations and JSON' },
  // Islands run in the browser and see only the model (checked by its own rule below).
  { name: 'islands', rank: 6, path: '^src/islands/', owns: 'small vanilla TypeScript islands run in the browser' },
  { name: 'components', rank: 7, path: '^src/components/', owns: 'short Astro components' },
  { name: 'layouts', rank: 8, path: '^src/layouts/', owns: 'page shells built from components' },
  { name: 'pages', rank: 9, path: '^src/pages/', owns: 'routes' },
  { name: 'integrations', rank: 9, path: '^src/integrations/', owns: 'Astro integrations: content check, dev reload, CSP' },
  { name: 'build', rank: 10, path: '^src/build/', owns: 'steps after astro build: search index, output check' },
  { name: 'cli', rank: 11, path: '^src/cli/', owns: 'the rolebook command' },
];

/** Modules Vite bundles into the pages (the .astro files are checked by test/unit/architecture.test.ts). */
const PAGE_SIDE = '^src/(site|git|components|layouts|pages)/';
/**
 * The markdown pipeline: the loader, cache and threads, and the plugins — except `plugins/lib/`'s
 * helpers and the complexity guard, whose limits the owners' guide states.
 */
const PIPELINE = '^(src/content/(?!shared\\.ts$)|plugins/(?!lib/|remark-complexity-guard\\.ts$))';

/** The paths a module of `layer` must not import: every other layer of the same or a higher rank. */
function notBelow(layer) {
  return layers.filter((other) => other !== layer && other.rank >= layer.rank).map((other) => other.path);
}

const layerRules = layers
  .filter((layer) => notBelow(layer).length > 0)
  .map((layer) => ({
    name: `layer-${layer.name}`,
    comment: `${layer.name} imports only lower layers`,
    severity: 'error',
    from: { path: layer.path },
    to: { path: notBelow(layer) },
  }));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'islands-see-only-the-model',
      comment: 'browser code must not pull in server-side modules',
      severity: 'error',
      from: { path: '^src/islands/' },
      to: { path: '^(src|plugins)/', pathNot: '^src/(islands|model)/' },
    },
    {
      name: 'pages-get-content-shared',
      comment:
        'what pages import gets the content from src/content/shared.ts, never the markdown pipeline: Vite bundles the pages again on every astro build, and Astro reuses a page only while the hash of its module graph stays the same',
      severity: 'error',
      from: { path: PAGE_SIDE },
      to: { path: PIPELINE, reachable: true },
    },
    {
      name: 'no-circular',
      comment: 'modules that import each other cannot be understood, or changed, one at a time',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // Packages that ship only types (@types/mdast for `mdast`, and so on) have nothing to resolve.
      // `astro:*` and `virtual:*` modules exist only inside Astro's build.
      to: { couldNotResolve: true, pathNot: '^(mdast|hast|unist|astro|vite|astro:.*|virtual:.*)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};

// Read by the architecture test for the .astro files, which dependency-cruiser cannot parse.
Object.defineProperty(module.exports, 'layers', { value: layers, enumerable: false });
Object.defineProperty(module.exports, 'pageSide', { value: { from: PAGE_SIDE, pipeline: PIPELINE }, enumerable: false });
