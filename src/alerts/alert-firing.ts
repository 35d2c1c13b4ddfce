// A firing: what one rule found when it fired, the data every webhook body is
// written from, and what started the evaluation that found it.
import type { Grain } from '../core/time.js';
import type { Filter } from '../metrics/types.js';
import type { RecommendedAction } from './recommended-action.js';

export type ComparisonOp = 'above' | 'below';

/** The rule's condition, as the rule states it. */
export type AlertCondition =
  | { readonly kind: 'threshold'; readonly op: ComparisonOp; readonly value: number }
  | { readonly kind: 'change'; readonly op: ComparisonOp; readonly percent: number }
  | { readonly kind: 'anomaly'; readonly sensitivity: number }
  | { readonly kind: 'goal_pace'; readonly goal_id: string }
  | { readonly kind: 'funnel'; readonly steps: readonly string[]; readonly window_days: number; readonly op: ComparisonOp; readonly value: number }
  | { readonly kind: 'data_quality'; readonly severity: QualitySeverity };

/** The least severe data-quality finding that fires a data_quality condition. */
export type QualitySeverity = 'error' | 'warning';

/** A segment (a campaign, a channel…) that moved, and its part in the move. */
export interface FiringSegment {
  readonly dimension: string;
  readonly value: string;
  /** The metric's value in the segment. */
  readonly metric_value: number | null;
  /** Its share of the change of the whole, in percent (62.5: 62.5 %); negative when it moved against it. */
  readonly contribution_percent: number;
}

/** The metric query that gives the value (the `POST /v1/query` body). */
export interface FiringQuery {
  readonly metrics: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly grain?: Grain | null;
  readonly dimensions?: readonly string[];
  readonly filters?: readonly Filter[];
}

export interface AlertFiring {
  readonly rule_id: string;
  readonly name: string;
  readonly metric: string;
  readonly value: number | null;
  readonly condition: AlertCondition;
  readonly segments?: readonly FiringSegment[];
  readonly action?: RecommendedAction;
  /** When the rule fired (ISO 8601, UTC). */
  readonly fired_at: string;
  readonly query: FiringQuery;
}

/** What started an evaluation: its schedule, a catch-up at start for runs missed while Beacon was down, an ingestion (real-time rules), or a person (run now). */
export const TRIGGERS = ['schedule', 'catch_up', 'realtime', 'manual'] as const;
export type Trigger = (typeof TRIGGERS)[number];
