// The answers of POST /v1/explain and POST /v1/segments/underperforming as
// TypeBox schemas, for the OpenAPI document and the dashboard's typed client;
// compile-time checks keep them in step with what the services return.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { DatedPeriod, ExplainBreakdown, ExplainDriver, ExplainReport, ExplainSegment } from '../insight/explain-service.js';
import type { SegmentsModel, SegmentsReport, UnderperformingSegment } from '../insight/segments-service.js';
import { FilterSchema } from '../metrics/body-checks.js';
import { COMPARISONS, DIMENSIONS, DIRECTIONS, UNITS } from '../metrics/types.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

const PeriodSchema = Type.Object({ from: Type.String(), to: Type.String() });

export const ExplainDriverSchema = Type.Object({
  id: Type.String({ description: 'a factor of a known factorisation (cpc, cvr), a measure, or the printed part of the formula' }),
  label: Type.String(),
  unit: Type.Union([literals(UNITS), Type.Null()], { description: 'the part’s own unit; null for a printed part of the formula' }),
  previous: nullableNumber('the part’s own value in the previous period'),
  current: nullableNumber('the part’s own value in the period'),
  change_percent: nullableNumber('its own change in percent; null from 0'),
  contribution: Type.Number({ description: 'its part in the KPI’s change, in the KPI’s unit; the drivers add up to change' }),
  share_percent: nullableNumber('contribution / change × 100; null when the KPI did not change'),
  summary: Type.String(),
});

export const ExplainSegmentSchema = Type.Object({
  key: Type.String({ description: 'the segment (dimension value; "(none)" for rows without one)' }),
  status: literals(['new', 'gone', 'both'], 'new: no data before; gone: no data now; both: data in both periods'),
  previous: nullableNumber('the KPI in the segment in the previous period'),
  current: nullableNumber('the KPI in the segment in the period'),
  contribution: Type.Number({ description: 'its part in the segments’ change; the parts add up to breakdown.change' }),
  share_percent: nullableNumber('contribution / breakdown.change × 100'),
  mix: nullableNumber('ratios: the part from its share of the denominator moving; null for sums'),
  rate: nullableNumber('ratios: the part from its own rate moving (mix + rate = contribution); null for sums'),
  summary: Type.String(),
});

const ExplainBreakdownSchema = Type.Object({
  dimension: literals(DIMENSIONS),
  kind: literals(['additive', 'ratio', 'none'], 'additive: each segment’s change; ratio: mix and rate; none: not split by segment'),
  previous: nullableNumber('the KPI over the segments in the previous period'),
  current: nullableNumber('the KPI over the segments in the period'),
  change: nullableNumber('the change the segments’ contributions add up to'),
  segments: Type.Array(ExplainSegmentSchema, { description: 'largest part (either way) first' }),
});

export const ExplainReportSchema = Type.Object({
  metric: Type.String(),
  label: Type.String(),
  unit: literals(UNITS),
  direction: literals(DIRECTIONS),
  currency: Type.String({ description: 'the workspace currency of money values' }),
  compare: literals(COMPARISONS),
  filters: Type.Array(FilterSchema),
  period: PeriodSchema,
  previous_period: PeriodSchema,
  previous: nullableNumber('the KPI in the previous period; null where its denominator is 0'),
  current: nullableNumber('the KPI in the period'),
  change: nullableNumber('current − previous'),
  change_percent: nullableNumber('the change in percent of previous; null from 0'),
  summary: Type.String(),
  method: Type.Union([literals(['known-factors', 'formula', 'whole']), Type.Null()], {
    description: 'known-factors (CPA = CPC ÷ CVR…), formula (the formula’s own terms and factors), whole (the change as one part); null when there is no change to split',
  }),
  drivers: Type.Array(ExplainDriverSchema, { description: 'the parts of the change along the formula, largest first' }),
  breakdown: Type.Union([ExplainBreakdownSchema, Type.Null()], { description: 'the change across the segments of by; null without by' }),
  notes: Type.Array(Type.String()),
});

const SegmentsModelSchema = Type.Object({
  kind: literals(['beta-binomial', 'gamma-poisson', 'normal'], 'beta-binomial for rates of counts (CTR, CVR), gamma-poisson for a cost per count (CPA, CPC, CPM), normal for other ratios (ROAS)'),
  count: Type.Union([literals(['numerator', 'denominator']), Type.Null()], { description: 'gamma-poisson: the side of the ratio that is the count' }),
  value_cv: nullableNumber('normal: the coefficient of variation of one event’s value'),
});

export const UnderperformingSegmentSchema = Type.Object({
  key: Type.String({ description: 'the dimension values joined with " · "' }),
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]), { description: 'dimension → value' }),
  campaign_name: Type.Union([Type.String(), Type.Null()]),
  numerator: Type.Number(),
  denominator: Type.Number(),
  value: nullableNumber('the KPI as observed; null where its denominator is 0'),
  shrunk: Type.Number({ description: 'the KPI shrunk toward the pooled value by the segment’s evidence' }),
  workspace_value: Type.Number({ description: 'the workspace’s KPI it is judged against' }),
  probability_worse: Type.Number({ description: 'posterior probability that its true KPI is worse than the workspace’s' }),
  spend: Type.Number(),
  excess_cost: Type.Number({ description: 'spend beyond what its results cost at the workspace value, at its observed KPI' }),
  spend_at_stake: Type.Number({ description: 'the same at its shrunk KPI' }),
});

const PriorSchema = Type.Object({
  mean: Type.Number({ description: 'the prior’s mean in the KPI’s unit' }),
  parameters: Type.Record(Type.String(), Type.Number()),
  capped: Type.Boolean({ description: 'the segments spread no more than their noise: the prior is held at the strength of all their data' }),
});

export const SegmentsReportSchema = Type.Object({
  metric: Type.String(),
  label: Type.String(),
  unit: literals(UNITS),
  direction: literals(DIRECTIONS),
  currency: Type.String(),
  dimensions: Type.Array(literals(DIMENSIONS)),
  from: Type.String(),
  to: Type.String(),
  filters: Type.Array(FilterSchema),
  min_spend: Type.Number(),
  model: Type.Union([SegmentsModelSchema, Type.Null()]),
  workspace_value: nullableNumber('the workspace’s KPI; null where its denominator is 0'),
  prior: Type.Union([PriorSchema, Type.Null()]),
  assessed: Type.Integer({ description: 'how many segments were judged' }),
  max_false_discovery_rate: Type.Number(),
  expected_false_discovery_rate: nullableNumber('the expected share of false flags among the flagged; null when none is flagged'),
  spend_at_stake: Type.Number({ description: 'the flagged segments’ spend at stake, summed' }),
  segments: Type.Array(UnderperformingSegmentSchema, { description: 'the significantly worse segments, most money at stake first' }),
  notes: Type.Array(Type.String()),
});

export type ExplainReportSchemaCheck = Assert<FieldsFit<typeof ExplainReportSchema, ExplainReport>>;
export type ExplainDriverSchemaCheck = Assert<FieldsFit<typeof ExplainDriverSchema, ExplainDriver>>;
export type ExplainSegmentSchemaCheck = Assert<FieldsFit<typeof ExplainSegmentSchema, ExplainSegment>>;
export type ExplainBreakdownSchemaCheck = Assert<FieldsFit<typeof ExplainBreakdownSchema, ExplainBreakdown>>;
export type PeriodSchemaCheck = Assert<FieldsFit<typeof PeriodSchema, DatedPeriod>>;
export type SegmentsReportSchemaCheck = Assert<FieldsFit<typeof SegmentsReportSchema, SegmentsReport>>;
export type UnderperformingSegmentSchemaCheck = Assert<FieldsFit<typeof UnderperformingSegmentSchema, UnderperformingSegment>>;
export type SegmentsModelSchemaCheck = Assert<FieldsFit<typeof SegmentsModelSchema, SegmentsModel>>;
