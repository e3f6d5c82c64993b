import { beforeEach, describe, expect, it } from 'vitest';
import { scoresHidden } from '../../../src/domain/privacy.ts';
import { revealScores, setPrivateScoring } from '../../../src/data/privacy.ts';
import { db } from '../../../src/data/db.ts';
import { makeWorkshop, resetDb, storeBundle } from '../../factories.ts';

describe('scoresHidden', () => {
  it('hides scores only in a private workshop not yet revealed', () => {
    expect(scoresHidden({ privateScoring: true, revealedAt: null })).toBe(true);
    expect(scoresHidden({ privateScoring: true, revealedAt: '2026-11-27T15:00:00.000Z' })).toBe(false);
    expect(scoresHidden({ privateScoring: false, revealedAt: null })).toBe(false);
    expect(scoresHidden({ privateScoring: false, revealedAt: '2026-11-27T15:00:00.000Z' })).toBe(false);
  });
});

describe('setPrivateScoring and revealScores', () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('reveals the scores, stamping when and bumping updatedAt', async () => {
    const workshop = makeWorkshop({ privateScoring: true });
    await storeBundle({ workshop, groups: [], ratings: [] });
    await revealScores(workshop.id);
    const stored = await db.workshops.get(workshop.id);
    expect(stored?.revealedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stored?.updatedAt).toBe(stored?.revealedAt);
    expect(stored && scoresHidden(stored)).toBe(false);
  });

  it('turning private scoring on hides the scores again; turning it off keeps when they were revealed', async () => {
    const revealedAt = '2026-11-27T15:00:00.000Z';
    const workshop = makeWorkshop({ privateScoring: true, revealedAt });
    await storeBundle({ workshop, groups: [], ratings: [] });

    await setPrivateScoring(workshop.id, false);
    const off = await db.workshops.get(workshop.id);
    expect(off).toMatchObject({ privateScoring: false, revealedAt });
    expect((off?.updatedAt ?? '') > workshop.updatedAt).toBe(true);

    await setPrivateScoring(workshop.id, true);
    const on = await db.workshops.get(workshop.id);
    expect(on).toMatchObject({ privateScoring: true, revealedAt: null });
    expect(on && scoresHidden(on)).toBe(true);
  });
});
