// What the empirical-Bayes models of a segment's KPI share: the sums a
// segment brings, the workspace value it is judged against, and what each
// model returns — the prior it fitted across the segments and, per segment,
// the shrunk KPI and the posterior probability that the segment's true KPI is
// worse than the workspace's. Pure types.

/** A segment's sums: the KPI is scale × numerator / denominator. */
export interface RatioSums {
  readonly numerator: number;
  readonly denominator: number;
  /** The count of independent events behind the ratio's noise (conversions for ROAS); the normal model needs it. */
  readonly events?: number;
}

/** What the segments are judged against. */
export interface ShrinkageTarget {
  /** KPI = scale × numerator / denominator (100 for a percentage). */
  readonly scale: number;
  /** The workspace's KPI. */
  readonly workspace: number;
  /** Which side of the workspace value is worse. */
  readonly worseWhen: 'lower' | 'higher';
}

export interface PriorSummary {
  /** The prior's mean, in the KPI's unit: the segments' pooled value. */
  readonly mean: number;
  /** The fitted parameters (alpha, beta; or mean and sd for the normal model). */
  readonly parameters: Readonly<Record<string, number>>;
  /** True when the segments spread no more than their noise: the prior is held at the strength of all their data together. */
  readonly capped: boolean;
}

export interface ShrunkEstimate {
  /** The posterior mean, in the KPI's unit (for a cost per count: 1 / the posterior mean rate). */
  readonly shrunk: number;
  /** P(the segment's true KPI is worse than the workspace's | its data and the prior). */
  readonly probabilityWorse: number;
}

export interface ShrinkageFit {
  readonly prior: PriorSummary;
  /** One per segment, in the order given. */
  readonly estimates: readonly ShrunkEstimate[];
}

/** A model that cannot be fitted says why. */
export type ShrinkageResult = ShrinkageFit | { readonly problem: string };
