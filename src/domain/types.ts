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

/** A workshop with all of its groups and ratings, as exported and imported. */
export interface WorkshopBundle {
  workshop: Workshop;
  groups: Group[];
  ratings: Rating[];
}
