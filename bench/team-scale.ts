/**
 * `npm run bench:team` (or `npx node --experimental-strip-types bench/team-scale.ts`): the team
 * view at scale. Builds a site whose role guide has 40 skills, imports 200 exported assessments
 * (200 people × 40 skills) on /team/ in Chromium, and reports the longest task
 * (PerformanceObserver "longtask") while importing and rendering, sorting and switching the role.
 * Issue 14 sets the target: no long task over 200 ms. A measuring tool, not a test.
 *
 * `--profile` also records a Chromium CPU profile of each step (unminified build, so function names
 * survive), writes it to bench/out/team-scale/<step>.cpuprofile and prints its self time by
 * function (bench/profile-summary.ts; `--callers REGEX` there says who calls a hot function), and
 * the tasks with the most CPU time with what they did. `--trace` lists those tasks only, from a
 * lighter trace of the normal build: CPU time is the steadier measure on a busy machine.
 *
 * Run directly by Node with --experimental-strip-types: erasable TypeScript only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { formatSummary, summarise } from './profile-summary.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const out = path.join(projectRoot, 'bench/out/team-scale');
const PEOPLE = Number(process.argv.find((arg) => arg.startsWith('--people='))?.slice(9) ?? 200);
const SKILLS = Number(process.argv.find((arg) => arg.startsWith('--skills='))?.slice(9) ?? 40);
const TARGET_MS = 200;
const PROFILE = process.argv.includes('--profile');
/** `--trace`: a light trace only (no CPU profile, minified build), for each step's tasks in CPU time. */
const TRACE = PROFILE || process.argv.includes('--trace');

const skillName = (i: number) => `Skill ${String(i + 1).padStart(2, '0')}`;

function writeContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'roles'), { recursive: true });
  const skills = Array.from({ length: SKILLS }, (_, i) => `- ${skillName(i)} – L${(1 + (i % 4)) * 100}+\n`).join('\n');
  writeFileSync(
    path.join(dir, 'roles/scale.md'),
    `---\ntitle: Scale Role\ndescription: A role with ${SKILLS} skills for the team benchmark.\nauthor: bench\nms.date: 11/1/2026\nms.topic: role-guide\n---\n# Scale Role\n\n## Role Description\n\nA role for the benchmark.\n\n- Does things.\n\n## Required Capabilities\n\n- Many skills.\n\n## Skills\n\n${skills}\nL100 – L400 (essentials/intermediate/advanced/expert)\n\n## Key Stakeholders\n\n- Everyone to help\n\n## Role Profile\n\n|Success Factors|Success Indicators|Success Metrics|\n|---|---|---|\n|**Scale**:<br>Big.|Fast.|**Quantitative**: Speed.|\n`,
  );
}

/** One exported file per person, as a role page's Export JSON writes it. */
function exportedFile(person: number): { name: string; mimeType: string; buffer: Buffer } {
  const levels = [-1, 100, 200, 300, 400];
  const entries = Array.from({ length: SKILLS }, (_, i) => ({
    skill: skillName(i),
    level: levels[(person * 7 + i * 3) % levels.length],
    evidence: person % 5 === 0 ? `Evidence for skill ${i + 1} from person ${person + 1}.` : '',
    required: `L${(1 + (i % 4)) * 100}+`,
  }));
  const file = {
    format: 'rolebook-assessments',
    version: 1,
    kind: 'role-guide',
    docId: 'roles/scale',
    current: `Person ${person + 1}`,
    assessments: [{ name: `Person ${person + 1}`, updated: '2026-11-01T09:00:00.000Z', entries }],
  };
  return { name: `person-${person + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)) };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not stretched by other processes on a busy machine. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/**
 * The three tasks with the most CPU time (thread time: a busy machine stretches wall time, not
 * this), each with the CPU time of the work inside it by event name (self time).
 */
function longestTasks(trace: { traceEvents: TraceEvent[] }): string {
  const complete = trace.traceEvents.filter((event) => event.ph === 'X' && event.dur !== undefined);
  const cpu = (event: TraceEvent) => event.tdur ?? event.dur!;
  // Tasks of the page's main thread: `RunTask` in the full timeline, `ThreadControllerImpl::RunTask` in the light trace.
  const main = new Set(trace.traceEvents.filter((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks = complete
    .filter((event) => (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') && main.has(`${event.pid}:${event.tid}`) && cpu(event) > 30_000)
    .sort((a, b) => cpu(b) - cpu(a));
  const header = `  ${tasks.length} tasks over 30 ms of CPU time`;
  const byWall = [...tasks].sort((a, b) => b.dur! - a.dur!);
  const shown = [...new Set([...tasks.slice(0, 3), ...byWall.slice(0, 2)])].map((task) => {
    const inside = complete
      .filter((event) => event.tid === task.tid && event.pid === task.pid && event !== task && event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur!)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // Self time: an event's time less that of the events directly inside it.
    const self = new Map<string, number>();
    const stack: TraceEvent[] = [];
    for (const event of inside) {
      while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= event.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - cpu(event));
      self.set(event.name, (self.get(event.name) ?? 0) + cpu(event));
      stack.push(event);
    }
    const lines = [...self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
    return [`  task of ${(cpu(task) / 1000).toFixed(0)} ms CPU (${(task.dur! / 1000).toFixed(0)} ms wall)`, ...lines].join('\n');
  });
  return [header, ...shown].join('\n');
}

function serve(root: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && !path.extname(file)) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' }[path.extname(file)];
    response.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

async function main(): Promise<void> {
  const content = path.join(out, 'content');
  const dist = path.join(out, 'dist');
  writeContent(content);
  console.log(`Building a site with one role of ${SKILLS} skills …`);
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ROLEBOOK_CONTENT: content, ROLEBOOK_OUT_DIR: dist, ROLEBOOK_CACHE_DIR: path.join(out, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', ...(PROFILE ? { ROLEBOOK_NO_MINIFY: '1' } : {}) },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.url}team/`);
    await page.locator('[data-rb-team-files]').waitFor({ state: 'attached' });
    // The files go to the page as paths on disk: given as buffers, Playwright decodes them in the
    // page's own main thread (base64 → File, ~300 ms for 200 files), which the long tasks then
    // counted against the team view. `--buffers` measures it that way.
    const filesDir = path.join(out, 'files');
    rmSync(filesDir, { recursive: true, force: true });
    mkdirSync(filesDir, { recursive: true });
    const payloads = Array.from({ length: PEOPLE }, (_, i) => exportedFile(i));
    const files = process.argv.includes('--buffers')
      ? payloads
      : payloads.map((file) => {
          writeFileSync(path.join(filesDir, file.name), file.buffer);
          return path.join(filesDir, file.name);
        });
    const takeTasks = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    await takeTasks();
    const results: Record<string, { ms: number; longest: number; tasks: number }> = {};
    const cdp = PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    const profiles: string[] = [];
    const traces: string[] = [];
    const measure = async (label: string, act: () => Promise<void>) => {
      if (TRACE) await browser.startTracing(page, { categories: PROFILE ? ['devtools.timeline', 'disabled-by-default-devtools.timeline'] : ['toplevel', 'devtools.timeline'] });
      if (cdp) await cdp.send('Profiler.start');
      const start = Date.now();
      await act();
      const ms = Date.now() - start;
      await page.waitForTimeout(300);
      const tasks = await takeTasks();
      results[label] = { ms, longest: Math.round(Math.max(0, ...tasks)), tasks: tasks.length };
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const file = path.join(out, `${label.replace(/\W+/g, '-')}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        profiles.push(file);
      }
      if (TRACE) {
        const trace = (await browser.stopTracing()).toString('utf8');
        writeFileSync(path.join(out, `${label.replace(/\W+/g, '-')}.trace.json`), trace);
        traces.push(`${label}\n${longestTasks(JSON.parse(trace) as { traceEvents: TraceEvent[] })}`);
      }
    };
    await measure(`import ${PEOPLE} files and render`, async () => {
      await page.locator('[data-rb-team-files]').setInputFiles(files);
      await page.locator(`[data-rb-team-table] tbody tr:nth-child(${PEOPLE})`).waitFor();
    });
    const cells = await page.locator('[data-rb-team-table] tbody td').count();
    await measure('sort by a skill', async () => {
      await page.locator('[data-rb-sort]').nth(5).click();
      await page.locator('th[aria-sort]').nth(0).waitFor();
    });
    await measure('filter to the role', async () => {
      await page.getByLabel('People assessed on').selectOption('roles/scale');
    });
    await measure('levels only (no role)', async () => {
      await page.getByLabel('Requirements of').selectOption('');
    });
    console.log(`\nTeam view: ${PEOPLE} people × ${SKILLS} skills (${cells} cells) in Chromium ${browser.version()}`);
    // Long tasks stretch on a busy machine: the load average says how busy this one was.
    console.log(`Load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs.`);
    console.log('| Step | Wall time (ms) | Long tasks | Longest task (ms) | Target ≤ 200 ms |');
    console.log('| --- | ---: | ---: | ---: | :---: |');
    for (const [label, result] of Object.entries(results)) {
      console.log(`| ${label} | ${result.ms} | ${result.tasks} | ${result.longest} | ${result.longest <= TARGET_MS ? '✔' : '✘'} |`);
    }
    for (const file of profiles) console.log(`\n${formatSummary(summarise(file, projectRoot, 20))}`);
    for (const trace of traces) console.log(`\n${trace}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
