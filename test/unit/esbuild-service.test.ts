/**
 * src/integrations/esbuild-service.ts: once a bundle is written, the esbuild service Astro started
 * is no longer running (it sat idle beside page rendering, at the build's memory peak), and a later
 * transform still works. Real esbuild, Astro's copy; the service is found among this process's
 * children (test/helpers/processes.ts).
 */
import { describe, expect, it } from 'vitest';
import { esbuildOfAstro, stopEsbuildAfterBundlePlugin } from '../../src/integrations/esbuild-service.ts';
import { runningChildren } from '../helpers/processes.ts';

type Esbuild = { transform(code: string, options: object): Promise<{ code: string }>; stop(): Promise<void> | void };

/** This process's running children that are an esbuild service. */
const esbuildServices = () => runningChildren((commandLine) => commandLine.includes('esbuild') && commandLine.includes('--service'));

describe.runIf(process.platform === 'linux')('stopping esbuild after each bundle', () => {
  it("stops the service Astro's esbuild started; the next transform starts it again", async () => {
    const esbuild = esbuildOfAstro() as Esbuild | undefined;
    expect(esbuild, "Astro's esbuild").toBeDefined();
    const before = new Set(esbuildServices());
    await esbuild!.transform('const a: number = import.meta.env.BASE_URL', { loader: 'ts' });
    const started = esbuildServices().filter((pid) => !before.has(pid));
    // Another test in this process may have started it already; then that one is the service to stop.
    const service = started.length > 0 ? started : [...before];
    expect(service).toHaveLength(1);

    const plugin = stopEsbuildAfterBundlePlugin();
    expect(plugin.apply).toBe('build');
    await (plugin.closeBundle as () => Promise<void>)();
    // The child is gone once its pipe closes; give it a moment.
    const running = () => esbuildServices().filter((pid) => service.includes(pid));
    for (let tries = 0; tries < 50 && running().length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running()).toEqual([]);

    const again = await esbuild!.transform('let b: string = "x"', { loader: 'ts' });
    expect(again.code).toContain('let b = "x"');
    await esbuild!.stop();
  });
});
