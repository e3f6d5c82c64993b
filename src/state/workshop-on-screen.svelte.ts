import { dequal } from 'dequal/lite';
import { loadBundle } from '../data/bundles.ts';
import type { WorkshopBundle } from '../domain/types.ts';
import { getFramework } from '../framework/frameworks.ts';
import type { Framework } from '../framework/types.ts';
import { LiveQuery } from './live.svelte.ts';

/**
 * What a workshop's screen draws from: the workshop's bundle, kept current by a live query (in this
 * tab or another), its framework, and whether the workshop is not on this device. Must be made during
 * component initialisation (it starts a live query). `workshopId` is read inside the query's effect,
 * so a new id in the address reads the new workshop.
 */
export class WorkshopOnScreen {
  /** The bundle to draw, or undefined while loading or when the workshop is not here. */
  readonly bundle: WorkshopBundle | undefined;
  /** The workshop's framework; undefined too when this version of the app does not know it. */
  readonly framework: Framework | undefined;
  /** The live query has answered: there is no such workshop on this device (or it was deleted). */
  readonly missing: boolean;
  #query: LiveQuery<WorkshopBundle | undefined>;

  /**
   * `startFrom`, if given, is a copy to draw from until the live query answers (see
   * state/on-screen.ts). The answer usually holds exactly what the copy held (nothing was written in
   * between): the copy is kept then, so the screen is not drawn again from an equal bundle. With 60
   * groups that redraw was a task of about 0.4 s on a throttled tablet, just after the screen
   * appeared. (`dequal/lite` suffices: records hold strings, numbers, booleans, null and arrays only.)
   */
  constructor(workshopId: () => string, startFrom?: () => WorkshopBundle | undefined) {
    const query = new LiveQuery(() => {
      const id = workshopId();
      return () => loadBundle(id);
    });
    this.#query = query;
    const seen = $derived(startFrom?.());
    this.bundle = $derived.by(() => {
      const answer = query.current;
      if (!query.loaded) return answer ?? seen;
      return seen && answer && dequal(answer, seen) ? seen : answer;
    });
    this.framework = $derived(this.bundle ? getFramework(this.bundle.workshop.frameworkId) : undefined);
    this.missing = $derived(query.loaded && !this.bundle);
  }

  /** The live query has answered at least once. */
  get loaded(): boolean {
    return this.#query.loaded;
  }
}
