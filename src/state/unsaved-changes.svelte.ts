// Changes the database refused (storage full, storage gone), kept in memory so that the facilitator
// can still export what is on the screen, and so that the next save that works saves them too.
// Apart from unsaved.svelte.ts, which saves and exports them, as that needs the database code and this
// is read by the storage-fault banner, which is in the first download.
import { SvelteMap } from 'svelte/reactivity';
import type { AgreementFields } from '../data/agreements.ts';
import type { Group, RatingFields, WorkshopBundle } from '../domain/types.ts';

interface UnsavedRating {
  group: Group;
  outcomeId: string;
  change: Partial<RatingFields>;
  at: string;
}

interface UnsavedAgreement {
  workshopId: string;
  outcomeId: string;
  change: Partial<AgreementFields>;
  at: string;
}

class Unsaved {
  readonly ratings = new SvelteMap<string, UnsavedRating>();
  readonly agreements = new SvelteMap<string, UnsavedAgreement>();
  /** The last copy of each workshop read for export, for when the database stops answering reads too. */
  readonly lastRead = new Map<string, WorkshopBundle>();

  /** How many scores (or agreed scores) have changes the database has not taken; shown to the user. */
  get count(): number {
    return this.ratings.size + this.agreements.size;
  }
}

export const unsaved = new Unsaved();
