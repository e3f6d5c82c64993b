import type {
  Action,
  Agreement,
  AgreementFields,
  Group,
  Rating,
  RatingFields,
  ScoreChange,
  Workshop,
  WorkshopBundle,
} from '../src/domain/types.ts';
import { agreementId, ratingId } from '../src/domain/ids.ts';
import { db } from '../src/data/db.ts';

let counter = 0;
const next = () => (++counter).toString().padStart(4, '0');

/** A workshop with sensible defaults; pass what the test cares about. */
export function makeWorkshop(over: Partial<Workshop> = {}): Workshop {
  const n = next();
  return {
    id: `w-${n}`,
    name: `Workshop ${n}`,
    organisation: 'Exampleshire Council',
    date: '2026-11-27',
    facilitator: 'Sam Patel',
    frameworkId: 'lga-digitalisation-outcomes',
    frameworkVersion: '2022.1',
    createdAt: '2026-11-27T09:00:00.000Z',
    updatedAt: '2026-11-27T09:00:00.000Z',
    deletedAt: null,
    privateScoring: false,
    revealedAt: null,
    ...over,
  };
}

/** A group of a workshop. */
export function makeGroup(workshopId: string, over: Partial<Group> = {}): Group {
  const n = next();
  return {
    id: `g-${n}`,
    workshopId,
    name: `Group ${n}`,
    createdAt: '2026-11-27T09:05:00.000Z',
    updatedAt: '2026-11-27T09:05:00.000Z',
    ...over,
  };
}

/** A group's rating of one outcome. */
export function makeRating(group: Group, outcomeId: string, over: Partial<Rating> = {}): Rating {
  return {
    id: ratingId(group.id, outcomeId),
    workshopId: group.workshopId,
    groupId: group.id,
    outcomeId,
    now: 2,
    target: 4,
    confidence: 'medium',
    evidence: '',
    notes: '',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...over,
  };
}

/** A workshop with `groupCount` groups, each rating the given outcomes. */
export function makeBundle(groupCount = 2, outcomeIds: string[] = ['connectivity', 'data']): WorkshopBundle {
  const workshop = makeWorkshop();
  const groups = Array.from({ length: groupCount }, () => makeGroup(workshop.id));
  const ratings = groups.flatMap((g) => outcomeIds.map((o) => makeRating(g, o)));
  return { workshop, groups, ratings, agreements: [], actions: [] };
}

/** Empties the app's database (fake-indexeddb in Vitest) so each test starts clean. */
export async function resetDb(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

/** Writes a bundle straight into the database, as if it had been created in the app. */
export async function storeBundle(
  bundle: Pick<WorkshopBundle, 'workshop' | 'groups' | 'ratings'> & Partial<WorkshopBundle>,
): Promise<void> {
  await db.transaction('rw', [db.workshops, db.groups, db.ratings, db.agreements, db.actions], async () => {
    await db.workshops.put(bundle.workshop);
    await db.groups.bulkPut(bundle.groups);
    await db.ratings.bulkPut(bundle.ratings);
    await db.agreements.bulkPut(bundle.agreements ?? []);
    await db.actions.bulkPut(bundle.actions ?? []);
  });
}

/** A workshop's agreed score for one outcome (its id is `agreementId(workshopId, outcomeId)`). */
export function makeAgreement(workshopId: string, outcomeId: string, over: Partial<Agreement> = {}): Agreement {
  return {
    id: agreementId(workshopId, outcomeId),
    workshopId,
    outcomeId,
    now: 2,
    target: 4,
    rationale: '',
    dissent: '',
    updatedAt: '2026-11-27T11:00:00.000Z',
    ...over,
  };
}

/** An action of a workshop about one outcome. */
export function makeAction(workshopId: string, outcomeId: string, over: Partial<Action> = {}): Action {
  const n = next();
  return {
    id: `a-${n}`,
    workshopId,
    outcomeId,
    what: `Action ${n}`,
    owner: 'Sam Patel',
    due: '',
    status: 'not-started',
    createdAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.000Z',
    ...over,
  };
}

/** A change to part of a group's score of an outcome, as the scoring screen saves it. */
export function ratingChange(group: Group, outcomeId: string, fields: Partial<RatingFields>): ScoreChange {
  return { kind: 'rating', workshopId: group.workshopId, groupId: group.id, outcomeId, fields };
}

/** A change to part of the room's agreed score of an outcome, as the agree screen saves it. */
export function agreementChange(workshopId: string, outcomeId: string, fields: Partial<AgreementFields>): ScoreChange {
  return { kind: 'agreement', workshopId, outcomeId, fields };
}
