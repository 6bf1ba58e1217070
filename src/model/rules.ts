/**
 * Every rule `rolebook check` can report, in one place: its severity, what it means in a line, how
 * to fix it, and an example. Plugins and checks take a `RuleId`, so an id missing here is a type
 * error; the guide's rule reference (/contributing/rules/), `rolebook explain` and the JSON
 * report's explanation links are all generated from this table.
 *
 * Adding a rule is one entry below (keep the groups; ids are kebab-case, grouped by prefix).
 */
import { editDistance } from './edit-distance.ts';

export interface RuleInfo {
  severity: 'error' | 'warning';
  /** What the rule means, in one line a content owner understands. */
  summary: string;
  /** What to do about it. */
  fix: string;
  /** Markdown (or a description) showing the right way, or the wrong way then the right way. */
  example: string;
}

export const RULES = {
  /* The file itself ---------------------------------------------------------------------- */
  'file-empty': {
    severity: 'error',
    summary: 'The file is empty.',
    fix: 'Write the document, or delete the file. `rolebook new role "Name"` writes a correctly shaped start.',
    example: '---\ntitle: Role Guide - Team Manager\nms.topic: role-guide\n---\n# Team Manager',
  },
  'file-too-large': {
    severity: 'error',
    summary: 'The file is larger than 1 MB, far more than any guide needs.',
    fix: 'Split it into several documents, or move large data to a linked file.',
    example: 'roles/team-manager.md and roles/team-manager-appendix.md, linked to each other.',
  },
  'file-binary': {
    severity: 'error',
    summary: 'The file holds binary data (a NUL byte), not text.',
    fix: 'Check that the file really is markdown; save pictures and other files under their own extension.',
    example: 'A Word document renamed to .md gives this error. Copy its text into a markdown file instead.',
  },
  'file-encoding': {
    severity: 'error',
    summary: 'The file is not valid UTF-8 text.',
    fix: 'Save it as UTF-8 in your editor (in VS Code: “Save with Encoding” → UTF-8). The message shows the first bad byte.',
    example: 'An “é” saved as Latin-1 by an old editor gives this error.',
  },
  'text-control-character': {
    severity: 'error',
    summary: 'The text holds an invisible control character, usually pasted in by accident.',
    fix: 'Delete the character at the position shown (in VS Code it shows as a small red box). Tabs and line breaks are fine.',
    example: 'Text copied from a terminal can carry ESC (U+001B) colour codes such as “\\u001b[31m”.',
  },
  'line-too-long': {
    severity: 'error',
    summary: 'A line is longer than 20,000 characters.',
    fix: 'Break the line into paragraphs, list items or table rows.',
    example: 'One paragraph per idea, separated by a blank line.',
  },
  'markdown-too-complex': {
    severity: 'error',
    summary: 'A paragraph or the document has thousands of *, _, [, ], ` or < characters, which would take too long to read.',
    fix: 'Remove the stray characters, or split the text. Escape a literal asterisk as \\*.',
    example: 'Write “5 \\* 3” or put code in `backticks` rather than hundreds of bare * characters.',
  },
  'markdown-too-deep': {
    severity: 'error',
    summary: 'Quotes, lists, emphasis, links or HTML elements are nested inside each other dozens of levels deep.',
    fix: 'Flatten the structure: a few levels of lists or quotes are plenty for any guide.',
    example: '- Area\n  - Topic\n    - Detail',
  },
  'table-too-large': {
    severity: 'error',
    summary: 'A table has more than 5,000 cells, or the document’s tables more than 20,000 in all.',
    fix: 'Split the table, or publish the data as a spreadsheet next to the document and link to it.',
    example: '| Factor | Indicators | Metrics |\n|---|---|---|\n| **Delivery**: | Ship on time. | **Quantitative**: Delivery rate. |',
  },
  'internal-error': {
    severity: 'error',
    summary: 'Rolebook itself failed on this file. This is a bug in Rolebook, not in your document.',
    fix: 'Report it to the Rolebook maintainers with the file attached; the message says what failed.',
    example: 'No document should ever cause this.',
  },
  'id-duplicate': {
    severity: 'error',
    summary: 'Two documents would get the same page address.',
    fix: 'Rename one of the files; addresses come from file names, ignoring case and spaces.',
    example: 'roles/Team Manager.md and roles/team-manager.md both become /roles/team-manager/.',
  },
  'model-missing': {
    severity: 'error',
    summary: 'The document could not be read as a role guide or a playbook.',
    fix: 'Fix the other problems reported for this file first; if none, check the sections the guide for content owners lists.',
    example: '---\ntitle: Role Guide - Team Manager\nms.topic: role-guide\n---\n# Team Manager\n\n## Skills\n\n- Communication – L300',
  },
  'model-invalid': {
    severity: 'error',
    summary: 'What Rolebook read from the document does not fit the page it makes (for example an empty name).',
    fix: 'Fix the part the message names.',
    example: 'A skill line “- – L300” has no name: write “- Communication – L300”.',
  },
  /* Pictures and files beside the content ------------------------------------------------ */
  'image-missing': {
    severity: 'error',
    summary: 'A picture the page shows does not exist at the path written.',
    fix: 'Check the folder and file name (letter case included); the path is relative to the file it is written in.',
    example: '![Org chart](media/org-chart.png)   with content/playbooks/media/org-chart.png beside the page',
  },
  'image-outside-content': {
    severity: 'error',
    summary: 'A picture points outside the content folder, which is never published.',
    fix: 'Copy the picture into the content folder, for example into a media/ folder beside the page.',
    example: '![Org chart](media/org-chart.png)   (not: ../../secrets/org-chart.png)',
  },
  'image-not-an-image': {
    severity: 'error',
    summary: 'A file used as a picture is not a picture (its name or its bytes say otherwise).',
    fix: 'Export the picture again as .png, .jpg, .gif, .webp, .avif or .svg, or link to the file instead of showing it.',
    example: '[The budget](media/budget.xlsx)   (a link, not ![…](media/budget.xlsx))',
  },
  'image-alt-missing': {
    severity: 'error',
    summary: 'A picture has no alt text, so people who cannot see it learn nothing from it.',
    fix: 'Describe what the picture tells the reader in the brackets or the alt-text attribute.',
    example: ':::image type="content" source="media/org-chart.png" alt-text="Who reports to whom in the Area team.":::',
  },
  'image-syntax': {
    severity: 'error',
    summary: 'A DocFX :::image::: line cannot be read (unknown type, no source, or an unclosed complex picture).',
    fix: 'Write :::image type="content" source="media/x.png" alt-text="…"::: on one line; end a complex picture with :::image-end:::.',
    example: ':::image type="content" source="media/org-chart.png" alt-text="Who reports to whom.":::',
  },
  'file-missing': {
    severity: 'error',
    summary: 'A linked file (a PDF, a spreadsheet) does not exist at the path written.',
    fix: 'Check the folder and file name; the path is relative to the file it is written in.',
    example: '[The quarterly report](media/q3-report.pdf)',
  },
  'file-outside-content': {
    severity: 'error',
    summary: 'A linked file points outside the content folder, which is never published.',
    fix: 'Copy the file into the content folder, for example into a media/ folder beside the page.',
    example: '[The budget](media/budget.xlsx)',
  },
  /* The skills catalog (content/skills/) ---------------------------------------------- */
  'skill-level-syntax': {
    severity: 'error',
    summary: 'A level heading of a catalog skill cannot be read.',
    fix: 'Write each level as “### L300 – Advanced” (the code, a dash, the scale’s name for it).',
    example: '### L200 – Intermediate',
  },
  'skill-level-beyond-scale': {
    severity: 'error',
    summary: 'A catalog skill describes a level above the top of its scale.',
    fix: 'Use a level of the scale (L100 to L400 by default), or add the level to a legend line.',
    example: '### L400 – Expert',
  },
  'skill-level-not-on-scale': {
    severity: 'error',
    summary: 'A catalog skill describes a level that is not a step of its scale (L250 on the L100–L400 scale).',
    fix: 'Describe the scale’s steps only; add the level to a legend line if the skill really has it.',
    example: '### L200 – Intermediate',
  },
  'skill-level-duplicate': {
    severity: 'error',
    summary: 'A catalog skill describes the same level twice.',
    fix: 'Keep one heading for each level and merge the bullets under it.',
    example: '### L300 – Advanced',
  },
  'skill-level-name': {
    severity: 'warning',
    summary: 'The name after a level heading’s dash is not the scale’s name for that level.',
    fix: 'Use the scale’s name (essentials, intermediate, advanced, expert by default), or leave the name out.',
    example: '### L300 – Advanced',
  },
  'skill-level-empty': {
    severity: 'warning',
    summary: 'A level heading of a catalog skill has no descriptors under it.',
    fix: 'List what someone at that level does, one observable behaviour a bullet.',
    example: '### L100 – Essentials\n- Explains the basics to a new colleague.',
  },
  'skill-growth-syntax': {
    severity: 'error',
    summary: 'A growth heading cannot be read.',
    fix: 'Write growth steps as “### L200 to L300”.',
    example: '### L200 to L300',
  },
  'skill-growth-level-off-scale': {
    severity: 'error',
    summary: 'A growth step names a level that is not on the scale.',
    fix: 'Use levels of the scale in growth headings.',
    example: '### L200 to L300',
  },
  'skill-growth-order': {
    severity: 'error',
    summary: 'A growth step goes down, or to the same level.',
    fix: 'Write the lower level first: “### L200 to L300”.',
    example: '### L200 to L300',
  },
  'skill-growth-duplicate': {
    severity: 'error',
    summary: 'The same growth step is written twice.',
    fix: 'Keep one heading for each step and merge the tips under it.',
    example: '### L300 to L400',
  },
  'skill-growth-empty': {
    severity: 'warning',
    summary: 'A growth step has no tips under it.',
    fix: 'List concrete steps, one a bullet.',
    example: '### L200 to L300\n- Run one design review end to end.',
  },
  'skill-resource-syntax': {
    severity: 'error',
    summary: 'A resource line is not a link.',
    fix: 'Write resources as “- [Title](https://…) (L200)”.',
    example: '- [Coaching basics](https://learn.example.com/coaching) (L200)',
  },
  'skill-resource-url': {
    severity: 'error',
    summary: 'A resource’s address is not a web address.',
    fix: 'Use a full https:// address.',
    example: '- [Coaching basics](https://learn.example.com/coaching)',
  },
  'skill-resource-level': {
    severity: 'error',
    summary: 'A resource names a level that is not on the scale.',
    fix: 'Use a level of the scale in brackets after the link, or none.',
    example: '- [Coaching basics](https://learn.example.com/coaching) (L200)',
  },
  'skill-outside-catalog': {
    severity: 'error',
    summary: 'A catalog skill (ms.topic: skill) is outside the skills/ folder.',
    fix: 'Move it to content/skills/.',
    example: 'content/skills/people-management.md',
  },
  'skill-folder-kind': {
    severity: 'error',
    summary: 'A document in the skills/ folder is not a catalog skill.',
    fix: 'Add “ms.topic: skill”, or move the document out of skills/.',
    example: 'ms.topic: skill',
  },
  'skill-name-duplicate': {
    severity: 'error',
    summary: 'Two catalog skills claim the same title or alias.',
    fix: 'Give the name to one skill only; remove it from the other’s title or aliases.',
    example: 'aliases: Solution Design, Designing Solutions',
  },
  'skill-catalog-duplicate': {
    severity: 'error',
    summary: 'A role guide lists the same catalog skill twice, under two of its names.',
    fix: 'List the skill once.',
    example: '- People Management – L300+',
  },
  'skill-not-in-catalog': {
    severity: 'warning',
    summary: 'A role skill matches no catalog skill’s title or alias, while the content has a catalog.',
    fix: 'Use the catalog’s name for the skill, add it to a catalog skill’s aliases, or add a catalog document for it.',
    example: '- People Management – L300+',
  },
  'skill-level-not-described': {
    severity: 'warning',
    summary: 'A role requires a level that its catalog skill does not describe.',
    fix: 'Add that level’s heading and descriptors to the catalog skill.',
    example: '### L300 – Advanced',
  },
  'kind-unknown': {
    severity: 'error',
    summary: 'Rolebook cannot tell whether the document is a role guide or a playbook.',
    fix: 'Add “ms.topic: role-guide” or “ms.topic: playbook” to the front matter.',
    example: '---\ntitle: Area Liaison Playbook\nms.topic: playbook\n---',
  },

  /* Front matter ------------------------------------------------------------------------- */
  'front-matter-language': {
    severity: 'error',
    summary: 'The front matter is declared in a language other than YAML (---js, ---coffee); Rolebook never runs code.',
    fix: 'Use plain YAML between two --- lines.',
    example: '---\ntitle: Team Manager\n---',
  },
  'front-matter-unclosed': {
    severity: 'error',
    summary: 'The front matter starts with --- but never ends.',
    fix: 'Add a line with --- after the last key.',
    example: '---\ntitle: Team Manager\nms.topic: role-guide\n---',
  },
  'front-matter-too-large': {
    severity: 'error',
    summary: 'The front matter is far longer than metadata needs.',
    fix: 'Keep the front matter to a few “key: value” lines; put text in the body.',
    example: '---\ntitle: Team Manager\ndescription: One sentence.\n---',
  },
  'front-matter-invalid': {
    severity: 'error',
    summary: 'The front matter could not be read at all.',
    fix: 'Check the YAML against the example; the message gives the reader’s reason.',
    example: '---\ntitle: Team Manager\n---',
  },
  'front-matter-tag': {
    severity: 'error',
    summary: 'The front matter uses a YAML tag (!!js/function, !!binary …), which Rolebook refuses.',
    fix: 'Write plain text values; remove the tag.',
    example: 'title: Team Manager   (not: title: !!js/function …)',
  },
  'front-matter-yaml': {
    severity: 'error',
    summary: 'The front matter is not valid YAML, or not a list of “key: value” lines.',
    fix: 'Fix the YAML at the position shown; quote values that contain a colon followed by a space.',
    example: 'title: "Role Guide: Team Manager"',
  },
  'front-matter-forbidden-key': {
    severity: 'error',
    summary: 'A front matter key such as __proto__ is not allowed.',
    fix: 'Remove the key.',
    example: 'title: Team Manager',
  },
  'front-matter-alias': {
    severity: 'error',
    summary: 'The front matter uses a YAML alias (*name), which Rolebook refuses.',
    fix: 'Write the value out in full.',
    example: 'ft.owner: jimmuir   (not: ft.owner: *owner)',
  },
  'front-matter-nested': {
    severity: 'error',
    summary: 'A front matter value is a nested block; values are text or a list of text.',
    fix: 'Flatten the value into text or a list.',
    example: 'author: A, B and C',
  },
  'front-matter-date': {
    severity: 'error',
    summary: '“ms.date” is not a real date.',
    fix: 'Write the date as M/D/YYYY or YYYY-MM-DD.',
    example: 'ms.date: 7/26/2019',
  },
  'front-matter-list': {
    severity: 'error',
    summary: 'A front matter key that takes one line of text (title, description, ms.date, ms.topic, kind) is written as a list, or a list has an empty item.',
    fix: 'Write the value on the key’s own line; remove empty “-” lines from lists.',
    example: 'title: Role Guide - Team Manager   (not: title: followed by “- …” lines)',
  },
  'front-matter-value': {
    severity: 'error',
    summary: 'A front matter value is of a kind Rolebook cannot use for that key (for example true/false where text is expected in a list).',
    fix: 'Write the value as plain text.',
    example: 'ft.audience: internal',
  },
  'front-matter-title': {
    severity: 'error',
    summary: 'The front matter has no “title:”.',
    fix: 'Add a title line to the front matter.',
    example: 'title: Role Guide - Team Manager',
  },

  /* Headings and sections ---------------------------------------------------------------- */
  'heading-title-missing': {
    severity: 'warning',
    summary: 'The document has no title line (“# Title”).',
    fix: 'Add a “# Title” line below the front matter.',
    example: '# FastTrack Team Manager (TM)',
  },
  'heading-second-title': {
    severity: 'warning',
    summary: 'A page has one “# ” title; this is a second one.',
    fix: 'Use “## ” for a section.',
    example: '# Team Manager\n\n## Skills',
  },
  'section-missing': {
    severity: 'warning',
    summary: 'A section the document’s kind expects is missing, so that part of the page is empty.',
    fix: 'Add the section with the heading the message names.',
    example: '## Key Stakeholders\n\n- Customers to agree on goals',
  },
  'alert-unknown': {
    severity: 'warning',
    summary: 'A “> [!…]” callout uses a name Rolebook does not know, so it shows as a plain quote.',
    fix: 'Use NOTE, TIP, IMPORTANT, WARNING or CAUTION.',
    example: '> [!NOTE]\n> The levels are minimums for the role.',
  },

  /* Includes ----------------------------------------------------------------------------- */
  'include-syntax': {
    severity: 'error',
    summary: 'A line looks like an include but is not written as one.',
    fix: 'Write the include on a line of its own.',
    example: '[!INCLUDE [Before you start](./includes/role-guide-intro.md)]',
  },
  'include-outside': {
    severity: 'error',
    summary: 'An include points outside the content folder, or is an absolute path or a URL.',
    fix: 'Include only files inside the content folder, with a path relative to this file.',
    example: '[!INCLUDE [Intro](./includes/intro.md)]',
  },
  'include-missing': {
    severity: 'error',
    summary: 'The included file does not exist (or is a folder).',
    fix: 'Check the path and the file name’s spelling and case.',
    example: '[!INCLUDE [Intro](./includes/intro.md)]   with content/roles/includes/intro.md present',
  },
  'include-cycle': {
    severity: 'error',
    summary: 'Includes include each other in a loop.',
    fix: 'Remove one of the includes the message lists.',
    example: 'a.md includes b.md, and b.md includes a.md.',
  },
  'include-depth': {
    severity: 'error',
    summary: 'Includes are nested inside includes more than 8 deep.',
    fix: 'Flatten them: include the fragments from the page itself.',
    example: 'page.md includes intro.md; intro.md includes nothing further.',
  },
  'include-too-large': {
    severity: 'error',
    summary: 'The included file is larger than 1 MB.',
    fix: 'Split the fragment.',
    example: 'Several small fragments in includes/.',
  },
  'include-budget': {
    severity: 'error',
    summary: 'The document pulls in more than 200 includes in all, counting repeats.',
    fix: 'Include fewer fragments, or include each once.',
    example: 'A fragment that includes another ten times, several levels deep, gives this error.',
  },
  'include-binary': {
    severity: 'error',
    summary: 'The included file is binary, not markdown text.',
    fix: 'Include only markdown files.',
    example: '[!INCLUDE [Intro](./includes/intro.md)]',
  },
  'include-encoding': {
    severity: 'error',
    summary: 'The included file is not valid UTF-8 text.',
    fix: 'Save the fragment as UTF-8 in your editor.',
    example: 'An “é” saved as Latin-1 gives this error.',
  },

  /* Links -------------------------------------------------------------------------------- */
  'link-broken': {
    severity: 'error',
    summary: 'A link points to a page, heading or file that does not exist.',
    fix: 'Fix the path (relative to this file) or the heading, or remove the link.',
    example: 'See the [Area Liaison playbook](../playbooks/area-liaison.md#objectives).',
  },
  'link-encoding': {
    severity: 'error',
    summary: 'A link has a % that does not start a valid percent-encoding, so its target cannot be read.',
    fix: 'Write a literal percent sign as %25 and a space as %20 (or wrap the address in <…>).',
    example: '[Report](./reports/growth%2025.md)  →  [Report](./reports/growth%25%2025.md)',
  },

  /* Skills and levels -------------------------------------------------------------------- */
  'skill-syntax': {
    severity: 'error',
    summary: 'A line of the Skills list has no level Rolebook can read.',
    fix: 'Write the skill as “Skill name – L300” (add + for “or above”).',
    example: '- People Management – L300+',
  },
  'skill-name-missing': {
    severity: 'error',
    summary: 'A line of the Skills list has a level but no skill name.',
    fix: 'Put the skill’s name before the level.',
    example: '- L300+  →  - People Management – L300+',
  },
  'skill-level-range': {
    severity: 'error',
    summary: 'A skill has a range of levels (L200-L300, L200 to L300); a skill has one required level.',
    fix: 'Write the lowest level the role needs with + for “or above”, or the one exact level.',
    example: '- Communication – L200-L300  →  - Communication – L200+',
  },
  'skill-level-multiple': {
    severity: 'error',
    summary: 'One line of the Skills list holds two levels, so Rolebook cannot tell which one the skill needs.',
    fix: 'Put each skill on its own line with one level.',
    example: '- Communication – L200, Writing – L300  →\n- Communication – L200\n- Writing – L300',
  },
  'skill-level-notation': {
    severity: 'warning',
    summary: 'A level is written in a form Rolebook reads, but not the usual one (l300, L 300, Level 300, L300 or above).',
    fix: 'Write it the way the message shows, so every guide reads the same.',
    example: '- SQL – Level 300 or above  →  - SQL – L300+',
  },
  'skill-level-above-scale': {
    severity: 'error',
    summary: 'A skill’s level is above the top of the guide’s level scale.',
    fix: 'Use a level on the scale, or extend the scale’s legend line.',
    example: '- Communication – L400   with the scale L100 – L400',
  },
  'skill-level-off-scale': {
    severity: 'warning',
    summary: 'A skill’s level is not one of the steps of the guide’s scale.',
    fix: 'Use one of the scale’s steps (L100, L200, L300, L400 by default).',
    example: '- Communication – L300   (not L350)',
  },
  'skill-duplicate': {
    severity: 'error',
    summary: 'The same skill is listed twice.',
    fix: 'Keep one line for the skill.',
    example: '- Communication – L300',
  },
  'skills-empty': {
    severity: 'warning',
    summary: 'The Skills section lists no skills, so the role has no self-assessment.',
    fix: 'List the skills, one per line, each with a level.',
    example: '## Skills\n\n- People Management – L300+\n- Communication – L400',
  },
  'level-scale-invalid': {
    severity: 'error',
    summary: 'The level legend line cannot be read, or its names cannot be spread evenly over its levels.',
    fix: 'Write the legend as the lowest and highest level, then one name per step in parentheses, separated by /.',
    example: 'L100 – L400 (essentials/intermediate/advanced/expert)',
  },

  /* Role profile and playbooks ----------------------------------------------------------- */
  'role-profile-row': {
    severity: 'error',
    summary: 'A Role Profile row lacks a cell or a success factor name.',
    fix: 'Give each row three cells (factor, indicators, metrics) and start the first with **Name**:.',
    example: '| **Delivery**:<br>Deliver well. | Ship things. | **Quantitative**: Delivery rate. |',
  },
  'metric-kind': {
    severity: 'warning',
    summary: 'A metric does not say whether it is quantitative or qualitative.',
    fix: 'Start the metric with **Quantitative**: or **Qualitative**:.',
    example: '**Quantitative**: MS Poll (WHI).<br>**Qualitative**: Skip Level Feedback.',
  },
  'okr-area-empty': {
    severity: 'warning',
    summary: 'An OKR area has no objectives or key results yet.',
    fix: 'Add “#### Objectives” and “#### Key results” lists under the area, or remove it.',
    example: '### Business Performance\n#### Objectives\n- Grow adoption\n#### Key results\n- 80 % of customers active',
  },
  'okr-heading': {
    severity: 'warning',
    summary: 'A heading under an OKR area is not “Objectives” or “Key results”, so its list is not read as OKRs.',
    fix: 'Rename the heading to “#### Objectives” or “#### Key results”.',
    example: '#### Key results',
  },
  'okr-area-missing': {
    severity: 'error',
    summary: 'An “Objectives” or “Key results” heading comes before any “### area” heading.',
    fix: 'Put a “### Area name” heading above it.',
    example: '### Business Performance\n#### Objectives',
  },

  /* HTML, glossary, freshness ------------------------------------------------------------ */
  'html-removed': {
    severity: 'warning',
    summary: 'Raw HTML here is not allowed and will be removed from the page.',
    fix: 'Use markdown instead, or the HTML the guide for content owners lists as allowed (such as <br>).',
    example: '**bold** instead of <b style="…">bold</b>',
  },
  'glossary-unknown-term': {
    severity: 'warning',
    summary: 'A word looks like an acronym but is not in the glossary.',
    fix: 'Add it to content/glossary/ as “- **TERM** – what it stands for”.',
    example: '- **WHI** – Workplace Health Index',
  },
  'glossary-duplicate-term': {
    severity: 'error',
    summary: 'A term is in the glossary twice.',
    fix: 'Keep one entry per term.',
    example: '- **TM** – Team Manager',
  },
  'glossary-entry-format': {
    severity: 'error',
    summary: 'A glossary line is not written as “- **TERM** – expansion”.',
    fix: 'Write the entry in that form.',
    example: '- **CXP** – Customer Experience Platform',
  },
  'stale-document': {
    severity: 'warning',
    summary: 'The document has not been reviewed for longer than the site’s freshness limit.',
    fix: 'Check that it is still right, then set ms.date to today’s date.',
    example: 'ms.date: 2026-12-01',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES[id];
}

/** Path of the rule reference below the site's base (`contributing/rules/`). */
export const RULES_PAGE_PATH = 'contributing/rules/';

/**
 * Where a rule is explained: `https://site/base/contributing/rules/#link-broken` when the site's
 * public URL is known, else the path from the site root (`/base/contributing/rules/#link-broken`).
 */
export function ruleUrl(id: string, options: { base: string; site?: string }): string {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const path = `${base.startsWith('/') ? base : `/${base}`}${RULES_PAGE_PATH}#${id}`;
  return options.site ? `${options.site.replace(/\/+$/, '')}${path}` : path;
}

/** Registered ids closest to `wanted` (for “did you mean”), best first. */
export function closeRuleIds(wanted: string, limit = 3): RuleId[] {
  const needle = wanted.toLowerCase();
  const scored = RULE_IDS.map((id) => {
    const contains = id.includes(needle) || (needle.length > 2 && needle.includes(id)) ? 0 : 1;
    return { id, score: contains * 100 + editDistance(needle, id) };
  })
    .filter(({ id, score }) => score < 100 || score - 100 <= Math.max(2, Math.floor(id.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.slice(0, limit).map(({ id }) => id);
}

