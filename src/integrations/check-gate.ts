/**
 * `rolebook build` may start `astro build` while `rolebook check` is still running, so that Astro's
 * own start-up (Node, Astro, Vite, the config and routes: ≈ 1.7 s at 1,000 documents) overlaps
 * the check. Such an Astro process is held at `astro:build:start` — before it empties the output
 * folder or reads any content — until the build says the check passed. The build stops a held
 * process when the check fails, so a content error still stops the build before anything is
 * written.
 *
 * The held process asks first (`waiting`) and the build answers (`go`): a message sent before the
 * process listens would be lost.
 */
export const HOLD_VARIABLE = 'ROLEBOOK_HOLD_UNTIL_CHECKED';
export const GATE_WAITING = 'rolebook:waiting-for-check';
export const GATE_GO = 'rolebook:check-passed';

/** Resolves at once unless this process was started held; then when the build lets it go on. */
export function whenCheckPassed(): Promise<void> {
  const send = process.send?.bind(process);
  if (process.env[HOLD_VARIABLE] !== '1' || !send) return Promise.resolve();
  // The build went away before this process reached the gate: nothing was written, and nobody waits for it.
  if (!process.connected) process.exit(1);
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (message !== GATE_GO) return;
      process.off('message', onMessage);
      process.off('disconnect', onLost);
      // The channel would keep this process alive after the build.
      process.disconnect?.();
      resolve();
    };
    // The build went away without an answer.
    const onLost = () => process.exit(1);
    process.on('message', onMessage);
    process.once('disconnect', onLost);
    send(GATE_WAITING, undefined, undefined, (error: Error | null) => {
      if (error) onLost();
    });
  });
}
