import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { left, recentlyShown, showing } from '../../../src/state/on-screen.ts';
import type { WorkshopBundle } from '../../../src/domain/types.ts';

function bundle(id: string, name: string, privateScoring = false): WorkshopBundle {
  return {
    workshop: { id, name, privateScoring } as WorkshopBundle['workshop'],
    groups: [],
    ratings: [],
    agreements: [],
    actions: [],
  } as WorkshopBundle;
}

describe('the workshop as a screen shows it', () => {
  it('is there while the screen shows it, and for two seconds after it has gone', () => {
    showing(bundle('w1', 'First'));
    expect(recentlyShown('w1', 10_000)?.workshop.name).toBe('First');
    left('w1', 10_000);
    expect(recentlyShown('w1', 11_999)?.workshop.name).toBe('First');
    expect(recentlyShown('w1', 12_001)).toBeUndefined();
    // Gone for good once stale, even if asked about an earlier moment.
    expect(recentlyShown('w1', 10_500)).toBeUndefined();
  });

  it('keeps the newest copy only, and never gives one workshop for another', () => {
    showing(bundle('w2', 'Old'));
    left('w2', 1_000);
    showing(bundle('w2', 'New'));
    expect(recentlyShown('w2', 60_000)?.workshop.name).toBe('New');
    expect(recentlyShown('w3', 60_000)).toBeUndefined();
    showing(bundle('w3', 'Three'));
    expect(recentlyShown('w2', 60_000)).toBeUndefined();
  });

  it('drops the copy as soon as anything is written to the database, here or in another tab', () => {
    showing(bundle('w5', 'Five'));
    expect(recentlyShown('w5')?.workshop.name).toBe('Five');
    // What Dexie fires when a write transaction commits (or another tab says one did).
    Dexie.on('storagemutated').fire({});
    expect(recentlyShown('w5')).toBeUndefined();
  });

  it('never keeps a workshop with private scoring: whether its scores are hidden comes from the database', () => {
    showing(bundle('w6', 'Private', true));
    expect(recentlyShown('w6')).toBeUndefined();
  });

  it('counts from when the screen first left, not from a later call', () => {
    showing(bundle('w4', 'Four'));
    left('w4', 5_000);
    left('w4', 6_500);
    expect(recentlyShown('w4', 7_100)).toBeUndefined();
  });
});
