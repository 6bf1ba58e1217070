/**
 * The whole pipeline in one place: markdown → remark plugins (file.data) → typed model (Zod) and
 * sanitised HTML. Plugin order matters and is the documentation of how a page is read.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeHeadings from '../../plugins/rehype-headings.ts';
import rehypePageLinks from '../../plugins/rehype-page-links.ts';
import rehypeRawWhenNeeded from '../../plugins/rehype-raw-when-needed.ts';
import remarkAbbr from '../../plugins/remark-abbr.ts';
import remarkAlerts from '../../plugins/remark-alerts.ts';
import remarkComplexityGuard from '../../plugins/remark-complexity-guard.ts';
import remarkContentLinks from '../../plugins/remark-content-links.ts';
import remarkDocfxImage from '../../plugins/remark-docfx-image.ts';
import remarkDocfxInclude from '../../plugins/remark-docfx-include.ts';
import remarkDocumentKind from '../../plugins/remark-document-kind.ts';
import remarkDrafts from '../../plugins/remark-drafts.ts';
import remarkYamlMeta from '../../plugins/remark-yaml-meta.ts';
import remarkHtmlAudit from '../../plugins/remark-html-audit.ts';
import remarkHtmlBreaks from '../../plugins/remark-html-breaks.ts';
import remarkLinkEncoding from '../../plugins/remark-link-encoding.ts';
import remarkLocalFiles from '../../plugins/remark-local-files.ts';
import remarkLevelScale from '../../plugins/remark-level-scale.ts';
import remarkOkrs from '../../plugins/remark-okrs.ts';
import remarkParseGfm from '../../plugins/remark-parse-gfm.ts';
import remarkPlaybookOverview from '../../plugins/remark-playbook-overview.ts';
import remarkRoleDescription from '../../plugins/remark-role-description.ts';
import remarkSections from '../../plugins/remark-sections.ts';
import remarkSkillDescription from '../../plugins/remark-skill-description.ts';
import remarkSkillGrowth from '../../plugins/remark-skill-growth.ts';
import remarkSkillLevels from '../../plugins/remark-skill-levels.ts';
import remarkSkillResources from '../../plugins/remark-skill-resources.ts';
import remarkSkills from '../../plugins/remark-skills.ts';
import remarkStakeholders from '../../plugins/remark-stakeholders.ts';
import remarkSuccessFactors from '../../plugins/remark-success-factors.ts';
import remarkTitle from '../../plugins/remark-title.ts';
import { sourceFileHandlers } from '../../plugins/lib/source-files.ts';
import type { GlossaryEntry } from '../model/schemas.ts';
import { sanitizeSchema } from '../../plugins/lib/sanitize.ts';
import { withTrailingSlash } from '../model/paths.ts';

export interface PipelineOptions {
  /** Absolute path of the content folder. */
  contentRoot: string;
  /** Base path of the site, e.g. `/` or `/playbook/`. */
  base: string;
  glossary: GlossaryEntry[];
}

/** Markdown → mdast with every extractor run; what `rolebook parse` and `check` need. */
export function createModelProcessor(options: PipelineOptions) {
  const base = withTrailingSlash(options.base);
  return unified()
    // remark-parse + remark-gfm, with the costly autolink-literal scan only where a URL may be.
    .use(remarkParseGfm)
    .use(remarkYamlMeta)
    .use(remarkComplexityGuard)
    .use(remarkDocfxInclude, { contentRoot: options.contentRoot })
    // Pictures (markdown, raw <img>, DocFX :::image:::) and linked files beside the content.
    .use(remarkDocfxImage)
    .use(remarkLocalFiles, { contentRoot: options.contentRoot })
    // Breaks first: a plain `<br>` is always allowed, so the audit only renders other raw HTML.
    .use(remarkHtmlBreaks)
    .use(remarkHtmlAudit)
    .use(remarkTitle)
    .use(remarkAlerts)
    .use(remarkSections)
    .use(remarkDocumentKind)
    .use(remarkRoleDescription)
    .use(remarkLevelScale)
    .use(remarkSkills)
    // Catalog skills (ms.topic: skill): summary and aliases, levels, growth steps.
    .use(remarkSkillDescription)
    .use(remarkSkillLevels)
    .use(remarkSkillGrowth)
    .use(remarkStakeholders)
    .use(remarkSuccessFactors)
    .use(remarkPlaybookOverview)
    .use(remarkOkrs)
    .use(remarkDrafts)
    .use(remarkLinkEncoding)
    .use(remarkContentLinks, { contentRoot: options.contentRoot, base })
    // After the links: a resource that links to another document gets its site URL.
    .use(remarkSkillResources)
    .use(remarkAbbr, { glossary: options.glossary, glossaryHref: `${base}glossary/` });
}

/** The model processor followed by rendering to sanitised HTML with heading slugs. */
export function createRenderProcessor(options: PipelineOptions) {
  return createModelProcessor(options)
    // The handlers keep which include each node came from, for positions in the right file.
    .use(remarkRehype, { allowDangerousHtml: true, handlers: sourceFileHandlers })
    .use(rehypeRawWhenNeeded)
    .use(rehypeSanitize, sanitizeSchema)
    // Heading ids (as rehype-slug gives them) and the table of contents.
    .use(rehypeHeadings)
    // Every link and image of the page as it will be published, with its markdown position.
    .use(rehypePageLinks)
    .use(rehypeStringify);
}
