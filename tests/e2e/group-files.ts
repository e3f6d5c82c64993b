// Workshop files as a group's tablet exports them, for the tests that import several groups' files
// together (the plenary, accessibility) and for the screenshots.
import { lga2022 } from '../../src/framework/lga-2022.ts';

export interface FileWorkshop {
  id: string;
  name: string;
  organisation: string;
  date: string;
  facilitator: string;
}

export interface FileGroup {
  id: string;
  name: string;
}

/** One group's score for one outcome, as the file holds it. */
export interface FileScore {
  now: number | 'not-sure';
  target: number;
  evidence: string;
}

const CONFIDENCE = ['low', 'medium', 'high'] as const;

/**
 * One group's version-2 file of `workshop`: that group, and its score for each outcome of the LGA
 * framework from `score(outcomeId, i)`; confidence cycles low, medium, high. Every time in it is on
 * 27 November 2026 and fixed, so the files merge the same way on every run.
 */
export function groupFile(
  workshop: FileWorkshop,
  group: FileGroup,
  groupIndex: number,
  score: (outcomeId: string, i: number) => FileScore,
): string {
  const created = `2026-11-27T09:0${groupIndex}:00.000Z`;
  const ratings = lga2022.outcomes.map((outcome, i) => ({
    id: `${group.id}/${outcome.id}`,
    groupId: group.id,
    outcomeId: outcome.id,
    ...score(outcome.id, i),
    confidence: CONFIDENCE[(i + groupIndex) % 3]!,
    notes: '',
    updatedAt: `2026-11-27T10:${String(10 + i).padStart(2, '0')}:00.000Z`,
  }));
  const file = {
    format: 'outcomes-workshop',
    formatVersion: 2,
    app: { name: 'Outcomes Workshop', version: '0.1.0' },
    exportedAt: '2026-11-27T11:00:00.000Z',
    workshop: {
      ...workshop,
      frameworkId: lga2022.id,
      frameworkVersion: lga2022.version,
      createdAt: '2026-11-27T09:00:00.000Z',
      updatedAt: '2026-11-27T09:00:00.000Z',
      privateScoring: false,
      revealedAt: null,
      groups: [{ id: group.id, name: group.name, createdAt: created, updatedAt: created }],
      ratings,
      agreements: [],
      actions: [],
    },
  };
  return JSON.stringify(file, null, 2);
}

// ---------------------------------------------------------------------------------------------
// The plenary's three groups (plenary.e2e.ts, and the screenshots of the plenary's screens)

export const PLENARY_WORKSHOP: FileWorkshop = {
  id: '7a1e0c52-2b3d-4c8e-9f51-3a6b1c2d7e10',
  name: 'Riverside plenary',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};

export const PLENARY_GROUPS = [
  { id: '0b7e3a1c-6f55-4e0b-8f5a-8c1d2e3f4a01', name: 'Blue group', file: 'blue.json' },
  { id: '9d2c4b6a-1e3f-4a5b-9c7d-0e1f2a3b4c02', name: 'Green group', file: 'green.json' },
  { id: '4f8a2d1e-7c3b-4e9a-8d6f-5b2c1a0e9f03', name: 'Orange group', file: 'orange.json' },
] as const;

type Now = number | 'not-sure';
/**
 * Each outcome's now and target, per group (Blue, Green, Orange). Partnership splits the room
 * (1, 1 against 4: two camps, the widest range); value is spread over neighbouring levels (2, 3, 4:
 * 2+ apart, not a split); the rest agree or differ by one. Everyone puts leadership at 1 → 5, the
 * widest gap between the medians; Orange is not sure about data.
 */
export const PLENARY_SCORES: Record<string, { now: [Now, Now, Now]; target: [number, number, number] }> = {
  connectivity: { now: [2, 2, 3], target: [3, 3, 4] },
  data: { now: [3, 3, 'not-sure'], target: [4, 4, 4] },
  'democracy-and-participation': { now: [2, 3, 3], target: [3, 4, 4] },
  'economic-productivity-and-growth': { now: [3, 3, 3], target: [3, 3, 3] },
  'ethics-and-sustainability': { now: [2, 2, 2], target: [3, 3, 3] },
  inclusion: { now: [3, 2, 3], target: [4, 4, 4] },
  leadership: { now: [1, 1, 1], target: [5, 5, 5] },
  'organisational-capability': { now: [2, 3, 2], target: [4, 4, 4] },
  partnership: { now: [1, 1, 4], target: [4, 4, 5] },
  'security-and-resilience': { now: [3, 3, 4], target: [4, 4, 4] },
  services: { now: [2, 2, 2], target: [3, 4, 3] },
  value: { now: [2, 3, 4], target: [4, 4, 4] },
};

/** One plenary group's file; Orange's Partnership score carries `orangePartnershipEvidence`. */
export function plenaryFile(groupIndex: number, orangePartnershipEvidence: string): string {
  return groupFile(PLENARY_WORKSHOP, PLENARY_GROUPS[groupIndex]!, groupIndex, (outcomeId) => {
    const scores = PLENARY_SCORES[outcomeId];
    if (!scores) throw new Error(`no scores for ${outcomeId}`);
    return {
      now: scores.now[groupIndex]!,
      target: scores.target[groupIndex]!,
      evidence: groupIndex === 2 && outcomeId === 'partnership' ? orangePartnershipEvidence : '',
    };
  });
}
