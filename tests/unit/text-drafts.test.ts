// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/data/db.ts';
import { recoverDrafts } from '../../src/data/draft-recovery.ts';
import { agreementId, ratingId } from '../../src/domain/ids.ts';
import { flushPendingText, scheduleTextSave } from '../../src/state/pending-text.ts';
import { dropDraft, keepDraft, keptDrafts, type DraftTarget } from '../../src/state/text-drafts.ts';
import { makeGroup, makeRating, makeWorkshop, resetDb, storeBundle } from '../factories.ts';

const workshop = makeWorkshop();
const group = makeGroup(workshop.id);
const evidence: DraftTarget = {
  kind: 'rating',
  workshopId: workshop.id,
  groupId: group.id,
  outcomeId: 'data',
  field: 'evidence',
};

describe('text drafts', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetDb();
    await storeBundle({
      workshop,
      groups: [group],
      ratings: [makeRating(group, 'data', { evidence: 'old', updatedAt: '2026-11-27T10:00:00.000Z' })],
    });
  });

  it('keeps a copy of waiting text until its write succeeds', async () => {
    scheduleTextSave('k', async () => 'written', { target: evidence, text: 'typed' }, 60_000);
    expect(keptDrafts().map(([key, d]) => [key, d.text])).toEqual([['k', 'typed']]);
    await flushPendingText();
    expect(keptDrafts()).toEqual([]);
  });

  it('keeps the copy when the write fails', async () => {
    scheduleTextSave('k', async () => undefined, { target: evidence, text: 'typed' }, 60_000);
    await flushPendingText();
    expect(keptDrafts()).toHaveLength(1);
  });

  it('does not drop a newer draft when an older write completes', () => {
    keepDraft('k', { target: evidence, text: 'first', at: '2026-11-27T11:00:00.000Z' });
    keepDraft('k', { target: evidence, text: 'second', at: '2026-11-27T11:00:01.000Z' });
    dropDraft('k', '2026-11-27T11:00:00.000Z');
    expect(keptDrafts()[0]?.[1].text).toBe('second');
  });

  it('ignores damaged storage', () => {
    localStorage.setItem('outcomes-workshop:text-drafts', '{not json');
    expect(keptDrafts()).toEqual([]);
    localStorage.setItem('outcomes-workshop:text-drafts', JSON.stringify({ k: { text: 1 } }));
    expect(keptDrafts()).toEqual([]);
  });

  it('writes a draft newer than the stored record, and leaves a newer record alone', async () => {
    const written = await recoverDrafts([
      { target: evidence, text: 'typed before closing', at: '2026-11-27T10:05:00.000Z' },
      {
        target: { ...evidence, outcomeId: 'value', field: 'notes' },
        text: 'new rating',
        at: '2026-11-27T10:05:00.000Z',
      },
      {
        target: { kind: 'agreement', workshopId: workshop.id, outcomeId: 'data', field: 'dissent' },
        text: 'Green disagrees',
        at: '2026-11-27T10:05:00.000Z',
      },
      { target: { ...evidence, groupId: 'removed-group' }, text: 'lost group', at: '2026-11-27T10:05:00.000Z' },
    ]);
    expect(written).toBe(3);
    const data = await db.ratings.get(ratingId(group.id, 'data'));
    expect(data).toMatchObject({ evidence: 'typed before closing', now: 2, target: 4 });
    expect((await db.ratings.get(ratingId(group.id, 'value')))?.notes).toBe('new rating');
    expect((await db.agreements.get(agreementId(workshop.id, 'data')))?.dissent).toBe('Green disagrees');

    const stale = await recoverDrafts([
      { target: evidence, text: 'older than stored', at: '2026-11-27T09:00:00.000Z' },
    ]);
    expect(stale).toBe(0);
    expect((await db.ratings.get(ratingId(group.id, 'data')))?.evidence).toBe('typed before closing');
  });
});
