/** One level of a framework's scale, e.g. { value: 3, name: 'Established' }. */
export interface ScaleLevel {
  value: number;
  name: string;
}

/** The scale every outcome is scored on, and the label of its "don't know" answer. */
export interface Scale {
  levels: ScaleLevel[];
  /** Label of the answer that records "we don't know" for now; left out of every statistic. */
  notSureLabel: string;
}

/** A confidence option, e.g. { id: 'low', label: 'Low' }. */
export interface ConfidenceOption {
  id: string;
  label: string;
}

/** One outcome: the published title and statement, and our own prompts and level descriptors. */
export interface Outcome {
  /** Stable id used in exported files. */
  id: string;
  title: string;
  /** The published one-sentence statement, shown as it is and attributed. */
  statement: string;
  /** 3-5 "things to consider", in our own words. */
  prompts: string[];
  /** One descriptor per scale level, in the order of `scale.levels`. */
  descriptors: string[];
}

/** A scoring framework: everything the scoring screens need, as data. */
export interface Framework {
  id: string;
  version: string;
  title: string;
  /** Who published the outcomes and statements, e.g. "LGA, Socitm and Solace, 2022". */
  attribution: string;
  scale: Scale;
  confidence: ConfidenceOption[];
  outcomes: Outcome[];
}
