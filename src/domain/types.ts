/** What a group answered for "now": a scale level, "not sure", or nothing yet. */
export type NowAnswer = number | 'not-sure' | null;

/** A workshop: one session of a council scoring itself against a framework. */
export interface Workshop {
  id: string;
  name: string;
  organisation: string;
  /** The day of the workshop, `YYYY-MM-DD`. */
  date: string;
  facilitator: string;
  frameworkId: string;
  frameworkVersion: string;
  /** ISO 8601 timestamps (UTC, `toISOString()`), compared as strings. */
  createdAt: string;
  updatedAt: string;
  /** Set when the workshop was deleted, so the delete can be undone; null otherwise. */
  deletedAt: string | null;
  /**
   * One tablet passed between groups: while set, no screen shows a group the other groups' scores
   * until the facilitator reveals them on the compare screen (`revealedAt`).
   */
  privateScoring: boolean;
  /** When the facilitator revealed all groups' scores in private mode; null until then. */
  revealedAt: string | null;
}

/** A breakout group inside a workshop; each group scores separately. */
export interface Group {
  id: string;
  workshopId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** A group's answers for one outcome. Its id is `ratingId(groupId, outcomeId)`. */
export interface Rating {
  id: string;
  workshopId: string;
  groupId: string;
  outcomeId: string;
  now: NowAnswer;
  target: number | null;
  /** A confidence option id of the framework (e.g. 'low'), or null. */
  confidence: string | null;
  evidence: string;
  notes: string;
  updatedAt: string;
}

/** The editable fields of a rating. */
export type RatingFields = Pick<Rating, 'now' | 'target' | 'confidence' | 'evidence' | 'notes'>;

/**
 * A change to part of a group's score of an outcome, or of the room's agreed score: what a screen
 * saves, what is kept when the device refuses it, and what a text draft holds.
 */
export type ScoreChange =
  | { kind: 'rating'; workshopId: string; groupId: string; outcomeId: string; fields: Partial<RatingFields> }
  | { kind: 'agreement'; workshopId: string; outcomeId: string; fields: Partial<AgreementFields> };

/** The score the room agreed for an outcome, with why, and any dissent. Its id is `agreementId(workshopId, outcomeId)`. */
export interface Agreement {
  id: string;
  workshopId: string;
  outcomeId: string;
  now: NowAnswer;
  target: number | null;
  rationale: string;
  dissent: string;
  updatedAt: string;
}

/** Where a piece of typed text belongs: a text field of a group's score or of the agreed score. */
export type TextTarget =
  | { kind: 'rating'; workshopId: string; groupId: string; outcomeId: string; field: 'evidence' | 'notes' }
  | { kind: 'agreement'; workshopId: string; outcomeId: string; field: 'rationale' | 'dissent' };

/** The fields of an agreed score that the facilitator edits. */
export type AgreementFields = Pick<Agreement, 'now' | 'target' | 'rationale' | 'dissent'>;

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Something to do about an outcome, with an owner and a due date. */
export interface Action {
  id: string;
  workshopId: string;
  outcomeId: string;
  what: string;
  owner: string;
  /** `YYYY-MM-DD`, or '' when no date is set. */
  due: string;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
}

/** A workshop with all of its groups and ratings, agreed scores and actions, as exported and imported. */
export interface WorkshopBundle {
  workshop: Workshop;
  groups: Group[];
  ratings: Rating[];
  agreements: Agreement[];
  actions: Action[];
}
