import type { GlossaryEntry, Problem, RolebookDocument } from './schemas.ts';

/** A heading of a rendered page, for its table of contents and search anchors. */
export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

/** One document after the whole pipeline: the validated model plus its rendered, sanitised HTML. */
export interface RenderedDocument {
  model: RolebookDocument;
  /** The body as HTML (H1 removed: layouts render the title), sanitised. */
  html: string;
  /**
   * The hash of `html`'s JSON text: what the parse cache checks the HTML it keeps by, and what a
   * page's cacheKey covers of it, so that a page's key is known without reading its HTML.
   */
  htmlHash: string;
  /** The glossary terms the HTML marks (`termsMarkedIn`), sorted: where the glossary says each term is used. */
  markedTerms: string[];
  headings: Heading[];
  /** Absolute paths of the source file and every include it pulled in. */
  files: string[];
  /** Internal links written in the markdown, already rewritten to site URLs (base not included). */
  links: ContentLink[];
  /** Every `href`/`src` of the rendered body, where the author wrote it (for the output check). */
  references: ContentReference[];
  /** Sections the document's kind expects that it lacks, by name (`Key Stakeholders`), for the health page. */
  missingSections: string[];
  /** Pictures and other files beside the content that the page uses, published with it (remark-local-files). */
  localFiles?: LocalFile[];
  /** Where parts of the model are written, for problems found across documents (the catalog step). */
  places?: DocumentPlaces;
  /**
   * The glossary terms the page may look up when it marks the texts of the model (`termLookups`),
   * found once when the document is parsed: its page is given only those entries of the glossary.
   */
  termLookups: string[];
}

/** A line and column in the document, or in the include (`file`, absolute) it came from. */
export interface SourcePlace {
  file?: string;
  line: number;
  column: number;
}

export interface DocumentPlaces {
  /** A role guide's skills, in `model.skills` order. */
  skills?: SourcePlace[];
  /** A catalog skill's title (its H1, else the front matter title) and its `aliases:` key. */
  title?: SourcePlace;
  aliases?: SourcePlace;
  /** The front matter's `ms.date:` key, where a stale-page warning points. */
  date?: SourcePlace;
}

/**
 * A file inside the content folder that a page shows or links to. The rendered HTML refers to it
 * as `/_rolebook/file/<index in localFiles>`; the site swaps in the published address.
 */
export interface LocalFile {
  /** Path relative to the content root, `/`-separated: `playbooks/media/org-chart.png`. */
  path: string;
  /** `image`: a raster picture (optimised); `svg`: published as it is; `file`: any other file, linked. */
  kind: 'image' | 'svg' | 'file';
}

/** A reference (`href`, `src`, …) in a document's rendered body, where the author wrote it. */
export interface ContentReference {
  /** The attribute value as rendered (links to documents already rewritten to site URLs). */
  value: string;
  /** Absolute path of the include the reference was written in; absent for the document itself. */
  file?: string;
  line: number;
  column: number;
}

/** A link in the markdown to another page or anchor of the site, where the author wrote it. */
export interface ContentLink {
  /** Site path without base, e.g. `/playbooks/area-liaison/#objectives`. */
  href: string;
  /** What the author wrote, e.g. `../playbooks/area-liaison.md#objectives`. */
  written: string;
  /** Absolute path of the file the link is in (an include's own file for links inside includes). */
  file: string;
  line: number;
  column: number;
}

export interface ContentLoadResult {
  documents: RenderedDocument[];
  glossary: GlossaryEntry[];
  /** Every problem found, errors and warnings, sorted by file, line, column. */
  problems: Problem[];
  /**
   * How the documents were obtained, for the build's log and the benchmark; `parsedIds` are the ids
   * of the documents parsed in this load (the others came from the parse cache).
   */
  stats: { parsed: number; cached: number; threads: number; ms: number; parsedIds: string[] };
}

/** What parsing one document gave: the cache stores it, the loader assembles the results. */
export interface ParsedFile {
  document?: RenderedDocument;
  problems: Problem[];
  /** Absolute paths of the includes and local files (pictures, linked files) the document pulled in, even when it failed: what its cache entry depends on. */
  includes: string[];
  /**
   * The markdown documents it links to, by absolute path, and whether each existed when it was
   * parsed: a link to a missing document is an error, so its cache entry depends on that too.
   */
  linkTargets?: Record<string, boolean>;
  /**
   * Each word it looked up in the glossary and the expansion found (null: none): the glossary
   * shows in a document only through these, so its cache entry depends on them, not on the whole glossary.
   */
  glossaryLookups?: Record<string, string | null>;
}
