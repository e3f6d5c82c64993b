import { describe, expect, it } from 'vitest';
import { left, recentlyShown, showing } from '../../src/state/on-screen.ts';
import type { WorkshopBundle } from '../../src/domain/types.ts';

function bundle(id: string, name: string): WorkshopBundle {
  return {
    workshop: { id, name } as WorkshopBundle['workshop'],
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

  it('keeps the newest copy, and never gives one workshop for another', () => {
    showing(bundle('w2', 'Old'));
    left('w2', 1_000);
    showing(bundle('w2', 'New'));
    expect(recentlyShown('w2', 60_000)?.workshop.name).toBe('New');
    expect(recentlyShown('w3', 60_000)).toBeUndefined();
  });

  it('counts from when the screen first left, not from a later call', () => {
    showing(bundle('w4', 'Four'));
    left('w4', 5_000);
    left('w4', 6_500);
    expect(recentlyShown('w4', 7_100)).toBeUndefined();
  });
});
