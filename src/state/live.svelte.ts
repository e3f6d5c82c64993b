import type { liveQuery as LiveQueryFn } from '../data/live-query.ts';
import { afterDatabase } from './database.ts';

/** What a live query needs before it can start: Dexie's `liveQuery` and, optionally, the module it reads through. */
interface Loaded<M> {
  liveQuery: typeof LiveQueryFn;
  module: M;
}

/** Dexie's `liveQuery`, once loaded: later queries start at once. */
let dexieLiveQuery: typeof LiveQueryFn | undefined;

/** The latest result of a Dexie live query, kept current as the database changes (in this tab or another). */
export class LiveQuery<T, M = undefined> {
  current = $state.raw<T | undefined>(undefined);
  error = $state.raw<unknown>(null);
  loaded = $state(false);
  // Dexie loads on demand (it is not in the first download), so the query starts once it has loaded.
  #ready = $state.raw<Loaded<M> | null>(null);

  /**
   * `makeQuery` runs inside an effect: reactive values it reads (a route's id, say) restart the
   * query when they change. Must be constructed during component initialisation. `load`, if given,
   * loads the module the query reads through (a screen in the first download must not import the
   * database code statically); `makeQuery` receives it.
   */
  constructor(makeQuery: (module: M) => () => Promise<T>, load?: () => Promise<M>) {
    if (dexieLiveQuery && !load) {
      this.#ready = { liveQuery: dexieLiveQuery, module: undefined as M };
    } else {
      afterDatabase(() => Promise.all([import('../data/live-query.ts'), load?.()])).then(
        ([{ liveQuery }, module]) => {
          dexieLiveQuery = liveQuery;
          this.#ready = { liveQuery, module: module as M };
        },
        (error: unknown) => {
          this.error = error;
          this.loaded = true;
        },
      );
    }
    $effect(() => {
      const ready = this.#ready;
      if (!ready) return;
      const query = makeQuery(ready.module);
      this.loaded = false;
      const subscription = ready.liveQuery(query).subscribe({
        next: (value) => {
          this.current = value;
          this.error = null;
          this.loaded = true;
        },
        error: (error: unknown) => {
          this.error = error;
          this.loaded = true;
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}
