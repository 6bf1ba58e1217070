/**
 * Decides, for a push to main or a pull request into it, whether the workflow's code tests must run
 * (.github/workflows/publish.yml). They may be skipped only when nothing but the content folder
 * changed since a commit of main whose run of this workflow passed every job: the code is then
 * byte for byte code that passed them (no test depends on what content/ says: the tests have their
 * own copy), and `npm run build` still checks every document, link and page. A playbook owner's
 * pull request is then checked in a minute or two and their merged fix is live in about the time
 * of a build, not after the whole browser test suite. Any doubt (no token, the API unreachable, no
 * such run, a commit this clone lacks) means the tests run.
 *
 * Runs before `npm install` on the workflow's Node 24: Node built-ins and modules that use only them.
 *
 * Environment (set by GitHub Actions): GITHUB_TOKEN (needs `actions: read`), GITHUB_REPOSITORY,
 * GITHUB_WORKFLOW_REF, GITHUB_BASE_REF (a pull request's target) or GITHUB_REF_NAME (a push's
 * branch), GITHUB_SHA (for a pull request, its merge commit), GITHUB_EVENT_NAME, GITHUB_API_URL,
 * GITHUB_OUTPUT.
 * Writes `content_only=true|false` and `tested_commit=<sha>` to GITHUB_OUTPUT.
 */
import { appendFileSync, realpathSync } from 'node:fs';
import { buildPaths } from '../src/config-file.ts';
import { changedFiles, filesOutside, hasCommit, isAncestor, repositoryTop } from '../src/git/changes.ts';

interface Decision {
  contentOnly: boolean;
  testedCommit?: string;
  /** One line for the workflow's log. */
  reason: string;
}

const COMMIT = /^[0-9a-f]{40}$/;
const SHOWN_FILES = 5;

/** The head commits of this workflow's successful push runs on the branch (a pull request's target), newest first. */
async function passedCommits(env: NodeJS.ProcessEnv): Promise<string[]> {
  const repository = env.GITHUB_REPOSITORY;
  const token = env.GITHUB_TOKEN;
  // `owner/repo/.github/workflows/publish.yml@refs/heads/main` → `publish.yml`.
  const workflow = env.GITHUB_WORKFLOW_REF?.split('@')[0]?.split('/').pop();
  const branch = env.GITHUB_BASE_REF || env.GITHUB_REF_NAME;
  if (!repository || !token || !workflow || !branch) throw new Error('GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_WORKFLOW_REF or the branch is not set');
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const query = new URLSearchParams({ branch, event: 'push', status: 'success', per_page: '30' });
  const url = `${api}/repos/${repository}/actions/workflows/${encodeURIComponent(workflow)}/runs?${query}`;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`GitHub answered ${response.status} for the workflow's runs`);
  const body = (await response.json()) as { workflow_runs?: unknown };
  if (!Array.isArray(body.workflow_runs)) throw new Error('the workflow runs answer has no workflow_runs list');
  return body.workflow_runs
    .map((run: unknown) => (run && typeof run === 'object' ? (run as { head_sha?: unknown }).head_sha : undefined))
    .filter((sha): sha is string => typeof sha === 'string' && COMMIT.test(sha));
}

function realPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    // A content folder the push deleted: as written.
    return folder;
  }
}

async function decideScope(projectRoot: string, env: NodeJS.ProcessEnv): Promise<Decision> {
  const head = env.GITHUB_SHA || 'HEAD';
  let tested: string | undefined;
  for (const commit of await passedCommits(env)) {
    if ((await hasCommit(projectRoot, commit)) && (await isAncestor(projectRoot, commit, head))) {
      tested = commit;
      break;
    }
  }
  if (!tested) return { contentOnly: false, reason: 'No earlier commit of this branch passed every job of this workflow: every test runs.' };
  const top = await repositoryTop(projectRoot);
  const changed = await changedFiles(top, tested, head);
  // git names files where they really are: a content folder reached through a symbolic link counts by its target.
  const contentDir = realPath(buildPaths(projectRoot).contentDir);
  const short = tested.slice(0, 7);
  const outside = filesOutside(changed, top, contentDir);
  if (outside?.length === 0) {
    const what = changed.length === 0 ? 'Nothing changed' : `Only the content changed (${changed.length} file${changed.length === 1 ? '' : 's'})`;
    const then = env.GITHUB_EVENT_NAME === 'pull_request' ? 'the content is checked and the site built as a merge would publish it' : 'the build still checks every document, link and page before publishing';
    return {
      contentOnly: true,
      testedCommit: tested,
      reason: `${what} since ${short}, which passed every job: the code tests are skipped; ${then}.`,
    };
  }
  const named = outside ?? changed;
  const shown = named.slice(0, SHOWN_FILES).join(', ') + (named.length > SHOWN_FILES ? `, and ${named.length - SHOWN_FILES} more` : '');
  return { contentOnly: false, testedCommit: tested, reason: `Changed outside the content folder since ${short}, which passed every job: ${shown}. Every test runs.` };
}

async function main(): Promise<void> {
  let decision: Decision;
  try {
    decision = await decideScope(process.cwd(), process.env);
  } catch (error) {
    decision = { contentOnly: false, reason: `Could not tell what changed (${(error as Error).message}): every test runs.` };
  }
  console.log(decision.contentOnly ? `::notice title=Content-only change::${decision.reason}` : decision.reason);
  const output = process.env.GITHUB_OUTPUT;
  if (output) appendFileSync(output, `content_only=${decision.contentOnly}\ntested_commit=${decision.testedCommit ?? ''}\n`);
}

await main();
