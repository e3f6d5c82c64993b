import { liveQuery } from 'dexie';

/** The latest result of a Dexie live query, kept current as the database changes (in this tab or another). */
export class LiveQuery<T> {
  current = $state.raw<T | undefined>(undefined);
  error = $state.raw<unknown>(null);
  loaded = $state(false);

  /**
   * `makeQuery` runs inside an effect: reactive values it reads (a route's id, say) restart the
   * query when they change. Must be constructed during component initialisation.
   */
  constructor(makeQuery: () => () => Promise<T>) {
    $effect(() => {
      const query = makeQuery();
      this.loaded = false;
      const subscription = liveQuery(query).subscribe({
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
