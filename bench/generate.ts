/**
 * Deterministic benchmark corpus: N documents (about half role guides, half playbooks) in the
 * reference format, with the quirks real documents have (trailing spaces after `---`, a YAML
 * comment, M/D/YYYY and ISO dates, en/em dashes and hyphens in skill lines, `-` and `*` bullets,
 * `<br>` table cells, tab bullets, "(Future)" marks, DocFX includes, CRLF, a BOM, draft sections).
 *
 * Every document is generated from its own PRNG stream seeded by (seed, kind, number), so the
 * corpus of 100 is a prefix of the corpus of 1,000 and a change to one document's template does not
 * shift every other one. No Math.random anywhere: the same flags always give the same bytes.
 *
 * Usage: node --experimental-strip-types bench/generate.ts --docs 1000 [--out DIR] [--seed S]
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface GenerateOptions {
  /** Number of documents (role guides + playbooks). */
  docs: number;
  /** Folder to (re)create; everything in it is deleted first. */
  outDir: string;
  seed?: string;
  /** A glossary folder to copy into the corpus as `glossary/` (skipped if it does not exist). */
  glossaryFrom?: string;
}

/**
 * What the parser should find in a generated document: enough to notice a parser that silently
 * drops a skill line, a metric or a key result, without restating the whole model.
 */
export interface ExpectedModel {
  title: string;
  includes: string[];
  /** Role guides. */
  responsibilities?: number;
  capabilities?: number;
  skills?: { name: string; code: string; orAbove: boolean }[];
  stakeholders?: number;
  /** Per success factor: its name, and its metrics as `q`/`Q` (qualitative/quantitative), `*` after a future one. */
  successFactors?: { name: string; metrics: string }[];
  /** Playbooks: per OKR area, objectives / key results / future key results. */
  okrs?: { area: string; objectives: number; keyResults: number; future: number }[];
  definitions?: number;
  drafts?: string[];
}

export interface GeneratedDocument {
  /** `roles/role-0001` — the id the site gives the page. */
  id: string;
  kind: 'role-guide' | 'playbook';
  /** Absolute path of the file. */
  file: string;
  bytes: number;
  expected: ExpectedModel;
}

export interface GeneratedCorpus {
  outDir: string;
  seed: string;
  documents: GeneratedDocument[];
  /** Absolute paths of the include fragments. */
  includes: string[];
  /** Bytes of the documents alone (no includes, no glossary). */
  documentBytes: number;
  glossaryCopied: boolean;
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG: cyrb128 to hash a string seed into 128 bits, sfc32 to draw from it.

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1) (sfc32). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    for (let i = 0; i < count && pool.length > 0; i++) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Word banks. Acronyms are limited to the ones the reference documents use (and the glossary
// defines), so `rolebook check` has no unknown-acronym warnings to print.

const FIRST_NAMES = [
  'Stephen', 'Matt', 'Mark', 'Aisha', 'Priya', 'Jonas', 'Elena', 'Tomás', 'Mei', 'Olu', 'Sara', 'Lukas',
  'Fatima', 'Diego', 'Hannah', 'Kenji', 'Noor', 'Pieter', 'Grace', 'Rafael', 'Ingrid', 'Samir', 'Chloé', 'Ben',
];
const LAST_NAMES = [
  'Sorenson', 'Whitten', 'Eichenberger', 'Okafor', 'Raman', 'Lindqvist', 'Petrova', 'García', 'Chen', 'Adeyemi',
  'Haddad', 'Keller', 'Nakamura', 'Byrne', 'van Dijk', 'Moreau', 'Silva', 'Novak', 'Iyer', 'Brennan',
];
const MANAGERS = ['jimmuir', 'eduardod', 'lkeller', 'mchen', 'sraman', 'pnovak', 'gbyrne', 'hsilva'];
const TOPIC_PRODUCTS = ['non-product-specific', 'm365', 'teams', 'security', 'windows'];

const ROLE_AREAS = [
  'Security', 'Compliance', 'Teams', 'Identity', 'Device', 'Data', 'Adoption', 'Migration', 'Messaging',
  'Collaboration', 'Analytics', 'Voice', 'Endpoint', 'Governance', 'Onboarding', 'Readiness', 'Partner',
  'Portfolio', 'Customer Success', 'Field', 'Program', 'Insights', 'Quality', 'Operations', 'Automation',
  'Learning', 'Platform', 'Workplace', 'Cloud', 'Network', 'Privacy', 'Retention', 'Accessibility',
  'Productivity', 'Frontline', 'Education', 'Government', 'Healthcare', 'Retail', 'Manufacturing',
];
const ROLE_FUNCTIONS = [
  'Delivery', 'Engagement', 'Enablement', 'Deployment', 'Advisory', 'Architecture', 'Support', 'Planning',
  'Strategy', 'Outreach', 'Escalation', 'Reporting', 'Coaching', 'Operations', 'Transformation',
  'Assurance', 'Success', 'Launch', 'Review', 'Community', 'Research', 'Design', 'Intake', 'Tooling',
  'Practice',
];
const ROLE_NOUNS = [
  'Manager', 'Lead', 'Architect', 'Liaison', 'Specialist', 'Coordinator', 'Consultant', 'Director',
  'Program Manager', 'Advocate', 'Analyst', 'Engineer',
];
const PLAYBOOK_NOUNS = [
  'Liaison', 'Playbook', 'Engagement Model', 'Rhythm of Business', 'Operating Guide', 'Handbook',
  'Escalation Guide', 'Launch Plan', 'Review Cadence', 'Field Guide', 'Onboarding Path',
];

const VERBS = [
  'Drive', 'Build', 'Lead', 'Ensure', 'Enable', 'Partner with CXP to shape', 'Review', 'Coordinate', 'Own',
  'Support', 'Grow', 'Maintain', 'Track', 'Report on', 'Champion', 'Plan', 'Prioritise', 'Improve',
  'Strengthen', 'Measure', 'Simplify', 'Unblock', 'Accelerate', 'Sustain', 'Document', 'Share',
];
const OBJECTS = [
  'customer health across the portfolio', 'delivery quality for every engagement', 'the team’s readiness',
  'usage of the M365 suite', 'escalations from the field', 'the quarterly business review',
  'insights and customer stories', 'the onboarding backlog', 'capacity and utilisation plans',
  'relationships with ATU and STU leads', 'the rhythm of business (ROB)', 'feedback from CSU managers',
  'the FastTrack roadmap in the field', 'adoption of Teams and Windows 10', 'data quality in the sales records',
  'the playbook and its policies', 'the handover between FTA and TM', 'priorities with PMM',
  'the NPS follow-up process', 'the success clinic agenda', 'career plans for every FTE',
  'training and certification goals', 'cross-team knowledge sharing', 'regional health metrics',
  'the RFA customer list', 'targets for MAD and OPP', 'the WHI survey actions', 'vendor onboarding',
];
const PURPOSES = [
  'so that customers realise more value from their investment', 'to keep the business on track',
  'so the field can rely on FastTrack', 'to reach the usage goals agreed for the year',
  'so problems surface early', 'to raise customer satisfaction (CPE)', 'so the team can focus on impact',
  'in partnership with the wider organisation', 'with clear owners and dates', 'across every region',
  'to make the next quarter easier', 'so that nothing falls between teams', 'using the tools we already have',
  'while keeping the team’s workload sustainable', 'and report progress every month',
];
const CONNECTORS = ['Regularly', 'Each quarter,', 'Where needed,', 'Together with the team,', 'Early on,', 'Over time,'];

const SKILL_NAMES = [
  'People Management', 'Portfolio Management', 'Operational Excellence', 'Mentoring/Coaching', 'Communication',
  'Collaboration', 'Stakeholder Management', 'Business Acumen', 'Customer Obsession', 'Program Management',
  'Data Analysis', 'Change Management', 'Solution Architecture', 'Negotiation', 'Presentation Skills',
  'Project Planning', 'Risk Management', 'Cross-team Leadership', 'Technical Depth', 'Security Fundamentals',
  'Cloud Fundamentals', 'Process Improvement', 'Escalation Handling', 'Storytelling with Data',
  'Inclusive Leadership', 'Strategic Thinking', 'Executive Presence', 'Problem Solving', 'Facilitation',
  'Service Delivery',
];
const QUALIFIERS = ['across M365 Suite', 'in Teams and Exchange', 'for Windows and Intune', 'across the region'];
const LEVEL_CODES = ['L100', 'L200', 'L300', 'L400'];
const SKILL_SEPARATORS = ['–', '–', '–', '—', '-'];

const STAKEHOLDER_GROUPS = [
  'CXP LT', 'CXP PMs', 'ATU/STU/CSU Managers and FTAs', 'Partners, Enterprise Services', 'PMM leads',
  'Regional TMs', 'Field sales leaders', 'Customer Success Managers', 'Engineering contacts', 'FTE and vendor staff',
  'Support escalation owners', 'Area business leads',
];
/** `<group> to <verb phrase>` or `<group> for <noun phrase>`, as in the reference guide. */
const STAKEHOLDER_PURPOSES = [
  'to drive business results', 'to drive priority area results', 'to drive intent', 'to align on targets',
  'to resolve escalations quickly', 'to share readiness plans', 'to agree the customer list',
  'to review health every month', 'to plan capacity',
  'for augmented onboarding and adoption services beyond the scope of FastTrack', 'for field readiness',
  'for escalation support', 'for quarterly planning',
];

const FACTOR_NAMES = [
  'Business/Portfolio Management', 'Delivery Management & Excellence', 'Customer Stakeholder Collaboration',
  'People Management', 'Invest in your role', 'Operational Rigour', 'Field Partnership', 'Insight Quality',
  'Customer Outcomes', 'Team Growth', 'Readiness & Enablement', 'Escalation Management',
];
const METRIC_NAMES = [
  'Customer Health', 'FastTrack Metrics', 'Scorecard Priorities', 'Regional Health Metrics', 'Playbook Compliance',
  'Budget/Capacity Health', 'CPE & NPS', 'Utilization', 'Quality Insights', 'Field Survey Results',
  'Stakeholder “Handshake”', 'MS Poll (WHI)', 'Skip Level Feedback', 'Perspectives Feedback', '1:1 Feedback',
  'Usage growth', 'Time to first value', 'Escalation resolution time', 'Certification completion',
  'Partner satisfaction', 'Adoption rate', 'Renewal readiness',
];

const OKR_AREAS = [
  'Business Performance', 'FastTrack Readiness', 'FastTrack Escalation', 'FastTrack Feedback', 'Customer Health',
  'Partner Engagement', 'Field Enablement', 'Usage Growth', 'Data Quality', 'Community',
];
const KEY_RESULTS = [
  'Agreement on RFA, Targeting and Health customers', 'A FastTrack Manager in the account team of every active FT account',
  'FT present in Area-level key account reviews (success clinics)', 'Field satisfaction with the FT partnership',
  'FT Essentials completion and score for the Area', 'Participation in related programs (FTHelp, Webinars)',
  'Insights raised through the feedback process', 'Usage targets met for MAD and OPP',
  'Every escalation answered within two working days', 'Monthly health review held with each ATU',
  'Quarterly roadmap briefing delivered to PMM', 'NPS above the regional baseline',
];
const DRAFT_TITLES = ['ROB', 'Outcomes', 'Reporting', 'Cadence', 'Tools', 'Escalation path', 'Open questions'];
const DRAFT_ITEMS = [
  'Define ROB', 'Frequency', 'Participants', 'Standard agenda', 'Where notes are stored (URL)', 'Define outcomes',
  'How we measure', 'Which reporting tools to use and which not to use', 'Owner', 'Templates', 'To be decided',
];
const DEFINITION_TOPICS = ['Business Performance', 'Escalation', 'Feedback', 'Field Readiness', 'Reporting', 'Usage'];
const ALERTS = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];

// ---------------------------------------------------------------------------------------------
// Text helpers.

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(rng: Random): string {
  const core = `${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(PURPOSES)}.`;
  return rng.chance(0.2) ? `${rng.pick(CONNECTORS)} ${core.charAt(0).toLowerCase()}${core.slice(1)}` : core;
}

function sentences(rng: Random, min: number, max: number): string {
  const count = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(sentence(rng));
  return out.join(' ');
}

/** Hard-wraps a paragraph at about 70 columns, as pandoc-converted documents are. */
function wrap(text: string, width = 70): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function authors(rng: Random): string {
  const names = rng
    .sample(FIRST_NAMES, 3)
    .map((first) => `${first} ${rng.pick(LAST_NAMES)}`)
    .slice(0, rng.pick([1, 1, 2, 2, 3]));
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]}, ${names[1]} and ${names[2]}`;
}

function alias(rng: Random): string {
  const first = rng.pick(FIRST_NAMES).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  const last = rng.pick(LAST_NAMES).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  return `${rng.chance(0.3) ? 'v-' : ''}${first.slice(0, 3)}${last.slice(0, 4)}`;
}

/** `7/26/2019` mostly, an ISO date sometimes; always a real calendar date. */
function msDate(rng: Random): string {
  const year = rng.int(2018, 2025);
  const month = rng.int(1, 12);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = rng.int(1, daysInMonth);
  if (rng.chance(0.2)) return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return `${month}/${day}/${year}`;
}

/** A front matter block; `trailing` adds the trailing spaces the reference files have. */
function frontMatter(rng: Random, fields: [string, string][]): string {
  const trail = () => (rng.chance(0.3) ? '  ' : '');
  const lines = [`---${rng.chance(0.7) ? '  ' : ''}`, `# required metadata${trail()}`];
  for (const [key, value] of fields) lines.push(`${key}: ${value}${trail()}`);
  lines.push(`---${rng.chance(0.5) ? '  ' : ''}`);
  return lines.join('\n');
}

/** A unique title for document `n` of a kind: walks the product of the word lists with a stride. */
function uniqueCombination(n: number, sizes: [number, number, number]): [number, number, number] {
  const total = sizes[0] * sizes[1] * sizes[2];
  // 7919 is prime and does not divide any of these totals, so n → n·7919 mod total is a bijection.
  let index = ((n - 1) * 7919) % total;
  const a = index % sizes[0];
  index = Math.floor(index / sizes[0]);
  return [a, index % sizes[1], Math.floor(index / sizes[1])];
}

function roleTitle(n: number): string {
  const [a, f, r] = uniqueCombination(n, [ROLE_AREAS.length, ROLE_FUNCTIONS.length, ROLE_NOUNS.length]);
  const base = `${ROLE_AREAS[a]} ${ROLE_FUNCTIONS[f]} ${ROLE_NOUNS[r]}`;
  const cycle = Math.floor((n - 1) / (ROLE_AREAS.length * ROLE_FUNCTIONS.length * ROLE_NOUNS.length));
  return cycle === 0 ? base : `${base} ${romanNumeral(cycle + 1)}`;
}

function playbookTitle(n: number): string {
  const [a, f, p] = uniqueCombination(n, [ROLE_AREAS.length, ROLE_FUNCTIONS.length, PLAYBOOK_NOUNS.length]);
  const base = `${ROLE_AREAS[a]} ${ROLE_FUNCTIONS[f]} ${PLAYBOOK_NOUNS[p]}`;
  const cycle = Math.floor((n - 1) / (ROLE_AREAS.length * ROLE_FUNCTIONS.length * PLAYBOOK_NOUNS.length));
  return cycle === 0 ? base : `${base} ${romanNumeral(cycle + 1)}`;
}

function romanNumeral(value: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [n, s] of table) {
    while (value >= n) {
      out += s;
      value -= n;
    }
  }
  return out;
}

function bulletList(items: string[], marker: string, loose: boolean): string {
  return items.map((item) => `${marker} ${item}`).join(loose ? '\n\n' : '\n');
}

// ---------------------------------------------------------------------------------------------
// Include fragments (shared by all documents of a folder, as in DocFX).

const FRAGMENTS: Record<string, string> = {
  'includes/support-contacts.md': [
    '---',
    'title: Support contacts (fragment)',
    '---',
    'For help with this page, contact the owner named in the page details, or ask in the FastTrack community channel.',
    '',
    '- Urgent customer issues: follow the escalation path agreed with your TM.',
    '- Content corrections: open a pull request against this repository.',
    '',
  ].join('\n'),
  'includes/confidentiality.md': [
    '> [!IMPORTANT]',
    '> This page is for internal use. Do not share customer names or data outside the team.',
    '',
  ].join('\n'),
  'roles/includes/role-guide-intro.md': [
    '---',
    'title: Role guide introduction (fragment)',
    '---',
    '> [!TIP]',
    '> Use the self-assessment on this page to compare your skills with the levels this role asks for. Your answers stay in your browser.',
    '',
  ].join('\n'),
  'roles/includes/level-guidance.md': [
    '> [!NOTE]',
    '> The levels are minimums for the role. A "+" means the level or above.',
    '',
  ].join('\n'),
  'roles/includes/career-resources.md': [
    '---',
    'title: Career resources (fragment)',
    '---',
    'Talk to your manager about the training paths for this role, and keep your development plan current.',
    '',
    '[!INCLUDE [Support contacts](../../includes/support-contacts.md)]',
    '',
  ].join('\n'),
  'playbooks/includes/questions-feedback.md': [
    '---',
    'title: Questions and feedback (fragment)',
    '---',
    '> [!NOTE]',
    '> Questions about this playbook, or ideas to improve it? Open a pull request against this page, or contact the owner named in the page details.',
    '',
  ].join('\n'),
  'playbooks/includes/escalation-path.md': [
    '---',
    'title: Escalation path (fragment)',
    '---',
    '1. Raise the issue with the TM who owns the account.',
    '2. If it is not resolved within two working days, involve the CXP PM for the area.',
    '3. Record the outcome so the next review can follow up.',
    '',
  ].join('\n'),
  'playbooks/includes/reporting-tools.md': [
    'Use the standard health reports; do not build private copies of the data.',
    '',
    '[!INCLUDE [Confidentiality](../../includes/confidentiality.md)]',
    '',
  ].join('\n'),
};

// ---------------------------------------------------------------------------------------------
// Documents.

interface Generated {
  text: string;
  expected: ExpectedModel;
}

function roleGuide(n: number, seed: string): Generated {
  const rng = new Random(`${seed}:role:${n}`);
  const title = roleTitle(n);
  const owner = rng.pick(MANAGERS);
  const out: string[] = [];
  const expected: ExpectedModel = { title: `FastTrack ${title}`, includes: [], skills: [], successFactors: [] };
  out.push(
    frontMatter(rng, [
      ['title', `Role Guide - FastTrack ${title}`],
      ['description', `FastTrack role profile guide for the ${title}.`],
      ['author', authors(rng)],
      ['ms.author', alias(rng)],
      ['manager', rng.pick(MANAGERS)],
      ['ms.date', msDate(rng)],
      ['ms.topic', 'role-guide'],
      ['ms.prod', rng.pick(TOPIC_PRODUCTS)],
      ['ms.custom', 'approved'],
      ['ft.audience', rng.pick(['internal', 'internal', 'partner'])],
      ['ft.owner', owner],
    ]),
  );
  out.push(`# FastTrack ${title}`, '');
  if (rng.chance(0.6)) {
    out.push('[!INCLUDE [Before you start](./includes/role-guide-intro.md)]', '');
    expected.includes.push('roles/includes/role-guide-intro.md');
  }

  const bullet = rng.chance(0.75) ? '-' : '*';
  const loose = rng.chance(0.8);

  out.push('## Role Description', '', sentences(rng, 1, 3), '');
  const responsibilities = Array.from({ length: rng.int(4, 8) }, () => sentence(rng));
  out.push(bulletList(responsibilities, bullet, loose), '');
  expected.responsibilities = responsibilities.length;

  out.push('## Required Capabilities', '');
  const capabilities = Array.from({ length: rng.int(3, 7) }, () => sentence(rng));
  out.push(bulletList(capabilities, bullet, loose), '');
  expected.capabilities = capabilities.length;

  out.push('## Skills', '');
  const skillLines = rng.sample(SKILL_NAMES, rng.int(4, 10)).map((name) => {
    const separator = rng.pick(SKILL_SEPARATORS);
    if (rng.chance(0.08)) {
      expected.skills!.push({ name, code: 'L50', orAbove: true });
      return `${name} ${separator} L50+ ${rng.pick(QUALIFIERS)}`;
    }
    const code = rng.pick(LEVEL_CODES);
    const orAbove = rng.chance(0.6);
    const qualifier = rng.chance(0.1) ? ` ${rng.pick(QUALIFIERS)}` : '';
    expected.skills!.push({ name, code, orAbove });
    return `${name} ${separator} ${code}${orAbove ? '+' : ''}${qualifier}${rng.chance(0.15) ? '  ' : ''}`;
  });
  out.push(bulletList(skillLines, bullet, loose), '');
  // Most guides state the scale; the rest get the default one.
  if (rng.chance(0.95)) out.push('L100 – L400 (essentials/intermediate/advanced/expert)', '');
  if (rng.chance(0.3)) {
    out.push('[!INCLUDE [Level guidance](./includes/level-guidance.md)]', '');
    expected.includes.push('roles/includes/level-guidance.md');
  } else if (rng.chance(0.3)) out.push(`> [!${rng.pick(ALERTS)}]`, `> ${sentence(rng)}`, '');

  out.push('## Key Stakeholders', '');
  const stakeholders = rng
    .sample(STAKEHOLDER_GROUPS, rng.int(3, 7))
    .map((group) => `${group} ${rng.pick(STAKEHOLDER_PURPOSES)}`);
  out.push(bulletList(stakeholders, bullet, loose), '');
  expected.stakeholders = stakeholders.length;

  out.push('## Role Profile', '');
  out.push('|Success Factors   |Success Indicators  |Success Metrics  |', '|---------|---------|---------|');
  for (const name of rng.sample(FACTOR_NAMES, rng.int(3, 7))) {
    let shape = '';
    const metrics = rng.sample(METRIC_NAMES, rng.int(1, 6)).map((metric) => {
      const kind = rng.chance(0.65) ? 'Quantitative' : 'Qualitative';
      const future = rng.chance(0.1);
      shape += `${kind === 'Quantitative' ? 'Q' : 'q'}${future ? '*' : ''}`;
      return `**${kind}**: ${metric}${future ? ' (Future)' : ''}.`;
    });
    expected.successFactors!.push({ name, metrics: shape });
    const joined = metrics.map((m, i) => (i > 0 && rng.chance(0.15) ? ` ${m}` : m)).join('<br>');
    const pad = ' '.repeat(rng.int(1, 9));
    out.push(`|**${name}**:<br>${sentence(rng)}${pad}|${sentences(rng, 2, 6)}${pad}|${joined}${pad}|`);
  }
  out.push('');

  if (rng.chance(0.35)) {
    out.push('## Resources', '');
    out.push('[!INCLUDE [Career resources](./includes/career-resources.md)]', '');
    expected.includes.push('roles/includes/career-resources.md', 'includes/support-contacts.md');
  }
  return { text: out.join('\n'), expected };
}

function playbook(n: number, seed: string): Generated {
  const rng = new Random(`${seed}:playbook:${n}`);
  const title = playbookTitle(n);
  const out: string[] = [];
  const expected: ExpectedModel = { title: `FastTrack ${title}`, includes: [], okrs: [], drafts: [] };
  out.push(
    frontMatter(rng, [
      ['title', `FastTrack Roleguide - ${title}`],
      ['description', `FastTrack Roleguide - ${title}`],
      ['author', authors(rng)],
      ['ms.author', alias(rng)],
      ['manager', rng.pick(MANAGERS)],
      ['ms.date', msDate(rng)],
      ['ms.topic', 'playbook'],
      ['ms.prod', rng.pick(TOPIC_PRODUCTS)],
      ['ms.custom', 'internal-playbook'],
      ['ft.audience', rng.pick(['internal', 'internal', 'partner'])],
      ['ft.owner', rng.pick(MANAGERS)],
    ]),
  );
  if (rng.chance(0.8)) {
    out.push('[!INCLUDE [Playbook Feedback](./includes/questions-feedback.md)]', ' ');
    expected.includes.push('playbooks/includes/questions-feedback.md');
  }
  out.push(`# FastTrack ${title}`, '');

  out.push('## Overview', '', wrap(sentences(rng, 2, 3)), '');
  const overviewBullets = Array.from({ length: rng.int(2, 4) }, () =>
    wrap(sentences(rng, 1, 2), 66).replace(/\n/g, '\n    '),
  );
  out.push(overviewBullets.map((b) => `-   ${b}`).join('\n\n'), '');

  out.push('## Objectives', '', wrap(sentences(rng, 2, 4)), '');
  if (rng.chance(0.3)) out.push(`> [!${rng.pick(ALERTS)}]`, `> ${sentence(rng)}`, '');

  out.push('## Definitions', '');
  const definitions: string[] = [];
  for (let i = rng.int(2, 4); i > 0; i--) definitions.push(`-   ${wrap(sentence(rng), 66).replace(/\n/g, '\n    ')}`);
  // A nested list: four spaces as in the reference, or a tab in some documents.
  const indent = rng.chance(0.25) ? '\t' : '    ';
  expected.definitions = definitions.length + 1;
  definitions.push('-   Focused on:');
  for (const topic of rng.sample(DEFINITION_TOPICS, rng.int(2, 5))) definitions.push(`${indent}-   ${topic}`);
  out.push(definitions.join('\n'), '');

  out.push(`## FastTrack ${title} ${rng.pick(['--', '–'])} Objectives and Key Results`, '');
  for (const area of rng.sample(OKR_AREAS, rng.int(2, 6))) {
    out.push(`### ${area}`, '#### Objectives');
    const objectives = rng.int(1, 6);
    for (let i = objectives; i > 0; i--) out.push(`-\t${sentence(rng).replace(/\.$/, '')}`);
    out.push('', '#### Key results');
    const results = rng.sample(KEY_RESULTS, rng.int(1, 5));
    let future = 0;
    for (const result of results) {
      const isFuture = rng.chance(0.2);
      if (isFuture) future++;
      out.push(`-\t${result}${isFuture ? ' (Future)' : ''}`);
    }
    out.push('');
    expected.okrs!.push({ area, objectives, keyResults: results.length, future });
  }

  if (rng.chance(0.3)) {
    out.push('## Escalation', '', '[!INCLUDE [Escalation path](./includes/escalation-path.md)]', '');
    expected.includes.push('playbooks/includes/escalation-path.md');
  }
  if (rng.chance(0.2)) {
    out.push('## Reporting tools', '', '[!INCLUDE [Reporting tools](./includes/reporting-tools.md)]', '');
    expected.includes.push('playbooks/includes/reporting-tools.md', 'includes/confidentiality.md');
  }

  for (const draft of rng.sample(DRAFT_TITLES, rng.int(0, 3))) {
    out.push(`**${draft}**`, '');
    out.push(rng.sample(DRAFT_ITEMS, rng.int(1, 5)).map((item) => `-   ${item}`).join('\n\n'), '');
    expected.drafts!.push(draft);
  }
  return { text: out.join('\n'), expected };
}

/** CRLF in about one file in fifty, a UTF-8 BOM in about one in a hundred. */
function encode(text: string, n: number): string {
  let out = text;
  if (n % 50 === 7 || n % 97 === 3) out = out.replace(/\n/g, '\r\n');
  if (n % 97 === 3 || n % 101 === 11) out = `\uFEFF${out}`;
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Where the expectations of a corpus are written: `<corpus>.manifest.json`, beside the folder. */
export function manifestPath(corpusDir: string): string {
  return `${path.resolve(corpusDir)}.manifest.json`;
}

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const seed = options.seed ?? 'rolebook-bench-1';
  const outDir = path.resolve(options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'roles'), { recursive: true });
  mkdirSync(path.join(outDir, 'playbooks'), { recursive: true });

  const includes: string[] = [];
  for (const [relative, text] of Object.entries(FRAGMENTS)) {
    const file = path.join(outDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    includes.push(file);
  }

  const roleCount = Math.ceil(options.docs / 2);
  const playbookCount = options.docs - roleCount;
  const width = Math.max(4, String(Math.max(roleCount, playbookCount)).length);
  const documents: GeneratedDocument[] = [];
  const write = (kind: GeneratedDocument['kind'], folder: string, stem: string, n: number, generated: Generated) => {
    const name = `${stem}-${String(n).padStart(width, '0')}`;
    const file = path.join(outDir, folder, `${name}.md`);
    const bytes = Buffer.from(encode(generated.text, n), 'utf8');
    writeFileSync(file, bytes);
    documents.push({ id: `${folder}/${name}`, kind, file, bytes: bytes.length, expected: generated.expected });
  };
  for (let n = 1; n <= roleCount; n++) write('role-guide', 'roles', 'role', n, roleGuide(n, seed));
  for (let n = 1; n <= playbookCount; n++) write('playbook', 'playbooks', 'playbook', n, playbook(n, seed));

  // Beside the corpus, not in it: what the parser should find in each document.
  writeFileSync(
    manifestPath(outDir),
    JSON.stringify({ seed, documents: documents.map(({ id, kind, bytes, expected }) => ({ id, kind, bytes, expected })) }),
  );

  let glossaryCopied = false;
  if (options.glossaryFrom && existsSync(options.glossaryFrom)) {
    cpSync(options.glossaryFrom, path.join(outDir, 'glossary'), { recursive: true });
    glossaryCopied = true;
  }
  return {
    outDir,
    seed,
    documents,
    includes,
    documentBytes: documents.reduce((sum, d) => sum + d.bytes, 0),
    glossaryCopied,
  };
}

function main(argv: string[]): void {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const docs = Number(flag('docs') ?? '1000');
  if (!Number.isInteger(docs) || docs < 2) {
    console.error('--docs must be an integer of at least 2');
    process.exit(2);
  }
  const projectRoot = path.resolve(import.meta.dirname, '..');
  const corpus = generateCorpus({
    docs,
    outDir: flag('out') ?? path.join(projectRoot, 'bench/corpus', String(docs)),
    seed: flag('seed'),
    glossaryFrom: path.join(projectRoot, 'content/glossary'),
  });
  console.log(
    `wrote ${corpus.documents.length} documents (${(corpus.documentBytes / 1e6).toFixed(2)} MB) and ` +
      `${corpus.includes.length} includes to ${corpus.outDir}${corpus.glossaryCopied ? ' with the glossary' : ''}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
