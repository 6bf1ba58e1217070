import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CACHE_DIR } from '../../src/content/cache.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  container?: string;
  'continue-on-error'?: boolean;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(path.join(root, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');
const uses = (job: Job) => job.steps.map((step) => step.uses ?? '');
const needs = (job: Job) => [job.needs ?? []].flat();

describe('GitHub workflow', () => {
  it('runs on pull requests and on pushes to main, read-only by default', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('checks content with GitHub annotations and runs the tests with Debian Chromium', () => {
    const check = workflow.jobs.check!;
    expect(check.if).toBeUndefined();
    expect(check.container).toMatch(/bookworm|trixie|debian/);
    expect(runs(check)).toMatch(/apt-get install[^\n]*\bchromium\b/);
    expect(runs(check)).toMatch(/npx rolebook check --format github/);
    expect(runs(check)).toMatch(/npm test/);
    // Last-updated dates need the whole history, not CI's default single commit.
    expect(check.steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('lets a change to content alone skip the code tests, and nothing else', () => {
    const check = workflow.jobs.check!;
    const scopeIndex = check.steps.findIndex((step) => step.id === 'scope');
    const scope = check.steps[scopeIndex]!;
    // Pushes and pull requests are scoped; a run started by hand runs every step.
    expect(scope.if).toBe("github.event_name != 'workflow_dispatch'");
    expect(scope.run).toBe('node scripts/publish-scope.ts');
    expect(existsSync(path.join(root, 'scripts/publish-scope.ts'))).toBe(true);
    expect(scope.env?.['GITHUB_TOKEN']).toBe('${{ github.token }}');
    expect(check.permissions).toEqual({ contents: 'read', actions: 'read' });
    // Right after the checkout. The browser and the tests run unless the scope said content only; a
    // pull request always gets the content check, and the build instead of the tests when content only.
    expect(check.steps.slice(0, scopeIndex).every((step) => step.uses?.startsWith('actions/checkout'))).toBe(true);
    const later = check.steps.slice(scopeIndex + 1);
    expect(later.map((step) => [step.name, step.if])).toEqual([
      ['Install Chromium and fonts', "steps.scope.outputs.content_only != 'true'"],
      ['Install dependencies', "github.event_name == 'pull_request' || steps.scope.outputs.content_only != 'true'"],
      ['Check content', "github.event_name == 'pull_request' || steps.scope.outputs.content_only != 'true'"],
      ['Build the site as a merge would publish it', "github.event_name == 'pull_request' && steps.scope.outputs.content_only == 'true'"],
      ['Test', "steps.scope.outputs.content_only != 'true'"],
    ]);
    expect(later.find((step) => step.name?.startsWith('Build'))?.run).toBe('npm run build');
    // On a push, what is skipped there still happens before publishing: the build checks the content (and fails on an error).
    expect(runs(workflow.jobs.build!)).toMatch(/npm run build/);
  });

  it('builds and deploys to Pages only from main, after the checks pass', () => {
    const { build, deploy } = workflow.jobs;
    expect(build!.if).toMatch(/refs\/heads\/main/);
    expect(needs(build!)).toEqual(['check']);
    expect(runs(build!)).toMatch(/npm run build/);
    expect(uses(build!).some((action) => action.startsWith('actions/upload-pages-artifact@'))).toBe(true);
    expect(build!.steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(needs(deploy!)).toEqual(['build']);
    expect(uses(deploy!).some((action) => action.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('restores and saves the build cache folder before building, keyed on the lockfile and the config', () => {
    const build = workflow.jobs.build!;
    const cacheIndex = build.steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
    const buildIndex = build.steps.findIndex((step) => /npm run build/.test(step.run ?? ''));
    const installIndex = build.steps.findIndex((step) => /npm (install|ci)/.test(step.run ?? ''));
    expect(cacheIndex).toBeGreaterThan(installIndex);
    expect(cacheIndex).toBeLessThan(buildIndex);
    const cache = build.steps[cacheIndex]!.with!;
    // The folder every step of the build keeps its cache in (src/content/cache.ts).
    expect(cache['path']).toBe(DEFAULT_CACHE_DIR);
    const key = String(cache['key']);
    expect(key).toMatch(/hashFiles\([^)]*'package-lock\.json'[^)]*'rolebook\.config\.json'[^)]*\)/);
    // A key per commit, so each run saves its cache; restore-keys fall back to the latest one of the same lockfile and config.
    expect(key).toContain('github.sha');
    const prefix = key.slice(0, key.indexOf('${{ github.sha }}'));
    expect(String(cache['restore-keys']).trim()).toBe(prefix);
  });

  it('audits production dependencies in its own job that blocks nothing', () => {
    const audit = workflow.jobs.audit!;
    expect(runs(audit)).toContain('npm audit --omit=dev --audit-level=high');
    expect(audit['continue-on-error']).toBe(true);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(needs(job), name).not.toContain('audit');
    }
  });

  it('keeps npm packages and actions up to date with Dependabot', () => {
    const dependabot = parse(readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')) as {
      updates: Array<{ 'package-ecosystem': string }>;
    };
    expect(dependabot.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
