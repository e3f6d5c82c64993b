// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/data/db.ts';
import { writeScore } from '../../../src/data/scores.ts';
import { agreementId, ratingId } from '../../../src/domain/ids.ts';
import type { ScoreChange, TextTarget } from '../../../src/domain/types.ts';
import { flushPendingText, recoverDrafts, saveTextLater } from '../../../src/state/text-save.ts';
import { makeGroup, makeRating, makeWorkshop, resetDb, storeBundle } from '../../factories.ts';

const workshop = makeWorkshop();
const group = makeGroup(workshop.id);
const evidence: TextTarget = {
  kind: 'rating',
  workshopId: workshop.id,
  groupId: group.id,
  outcomeId: 'data',
  field: 'evidence',
};
const DRAFTS = 'outcomes-workshop:text-drafts';
const drafts = () => JSON.parse(localStorage.getItem(DRAFTS) ?? '{}') as Record<string, { text: string; at: string }>;
/** A page that closed before its writes came back: the drafts stay, nothing is written. */
const neverWritten = () => new Promise<never>(() => undefined);

describe('typed text', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetDb();
    await storeBundle({
      workshop,
      groups: [group],
      ratings: [makeRating(group, 'data', { evidence: 'old', updatedAt: '2026-11-27T10:00:00.000Z' })],
    });
  });

  it('is written after the pause as a change to the field it was typed in, with a copy kept until then', async () => {
    const written: ScoreChange[] = [];
    saveTextLater('k', evidence, 'typed', async (change) => written.push(change), 60_000);
    expect(Object.values(drafts()).map((d) => d.text)).toEqual(['typed']);
    await flushPendingText();
    expect(written).toEqual([
      { kind: 'rating', workshopId: workshop.id, groupId: group.id, outcomeId: 'data', fields: { evidence: 'typed' } },
    ]);
    expect(drafts()).toEqual({});
  });

  it('keeps the copy when the write fails', async () => {
    saveTextLater('k', evidence, 'typed', async () => undefined, 60_000);
    await flushPendingText();
    expect(Object.keys(drafts())).toEqual(['k']);
  });

  it('does not drop a newer copy when an older write completes', async () => {
    let finishFirst: (value: unknown) => void = () => undefined;
    saveTextLater('k', evidence, 'first', () => new Promise((resolve) => (finishFirst = resolve)), 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    saveTextLater('k', evidence, 'second', neverWritten, 60_000);
    finishFirst('written');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(drafts()['k']?.text).toBe('second');
  });

  it('ignores damaged copies', async () => {
    localStorage.setItem(DRAFTS, '{not json');
    await recoverDrafts(writeScore);
    localStorage.setItem(
      DRAFTS,
      JSON.stringify({ k: { text: 1 }, j: { text: 'x', at: 'now', target: { kind: 'x' } } }),
    );
    await recoverDrafts(writeScore);
    expect((await db.ratings.get(ratingId(group.id, 'data')))?.evidence).toBe('old');
  });

  it('recovers copies left by a page that closed: written where newer than what is stored', async () => {
    saveTextLater('a', evidence, 'typed before closing', neverWritten);
    saveTextLater('b', { ...evidence, outcomeId: 'value', field: 'notes' }, 'new rating', neverWritten);
    saveTextLater(
      'c',
      { kind: 'agreement', workshopId: workshop.id, outcomeId: 'data', field: 'dissent' },
      'Green disagrees',
      neverWritten,
    );
    saveTextLater('d', { ...evidence, groupId: 'removed-group' }, 'lost group', neverWritten);
    await recoverDrafts(writeScore);
    const data = await db.ratings.get(ratingId(group.id, 'data'));
    expect(data).toMatchObject({ evidence: 'typed before closing', now: 2, target: 4 });
    expect((await db.ratings.get(ratingId(group.id, 'value')))?.notes).toBe('new rating');
    expect((await db.agreements.get(agreementId(workshop.id, 'data')))?.dissent).toBe('Green disagrees');
    expect(await db.ratings.where('groupId').equals('removed-group').count()).toBe(0);
    expect(drafts()).toEqual({});

    localStorage.setItem(
      DRAFTS,
      JSON.stringify({ a: { target: evidence, text: 'older than stored', at: '2026-11-27T09:00:00.000Z' } }),
    );
    await recoverDrafts(writeScore);
    expect((await db.ratings.get(ratingId(group.id, 'data')))?.evidence).toBe('typed before closing');
  });
});
