import type { GlossaryEntry, Problem, RolebookDocument } from '../model/schemas.ts';

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
  headings: Heading[];
  /** Absolute paths of the source file and every include it pulled in. */
  files: string[];
  /** Internal links written in the markdown, already rewritten to site URLs (base not included). */
  links: ContentLink[];
  /** Where parts of the model are written, for problems found across documents (the catalog step). */
  places?: DocumentPlaces;
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
  /** How the documents were obtained, for the build's log and the benchmark. */
  stats: { parsed: number; cached: number; threads: number; ms: number };
}
