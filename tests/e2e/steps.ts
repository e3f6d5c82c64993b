// Steps that build on each other, for the e2e, stress and WebKit tests that share one browser
// profile from first step to last. Kept apart from harness.ts, which runs outside Vitest too
// (screenshots, bench).
import { it } from 'vitest';

/** Declares one step: a test run after the steps declared before it. */
export type Step = ((name: string, fn: () => Promise<void>, timeout?: number) => void) & {
  /** The name of the first step that failed, or '' while none has. */
  readonly failed: string;
};

/**
 * A `step(name, fn, timeout?)` that runs a test in order with the steps before it: after a failure
 * `onFailure` keeps what the page showed, and the later steps are skipped (they need the one that
 * failed), not failed.
 */
export function orderedSteps(onFailure: (name: string) => Promise<void>): Step {
  let broken = '';
  const step = (name: string, fn: () => Promise<void>, timeout?: number) =>
    it(
      name,
      async (ctx) => {
        if (broken) ctx.skip(`needs the step that failed: ${broken}`);
        ctx.onTestFailed(async () => {
          broken ||= name;
          await onFailure(name);
        });
        await fn();
      },
      timeout,
    );
  return Object.defineProperty(step, 'failed', { get: () => broken }) as Step;
}
