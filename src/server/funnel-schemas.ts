// The answer of POST /v1/funnels as a TypeBox schema, for the OpenAPI document
// and the dashboard's typed client; compile-time checks keep it in step.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { FunnelGroupReport, FunnelReport, FunnelStepReport } from '../funnels/funnel-report.js';
import { FUNNEL_BREAKDOWNS, FUNNEL_ORDERS } from '../funnels/funnel-input.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Percent = (description: string) => Type.Union([Type.Number(), Type.Null()], { description: `percent; ${description}` });

const FunnelStepSchema = Type.Object({
  step: Type.Integer({ minimum: 1, description: '1-based position' }),
  name: Type.String({ description: 'the step as asked for' }),
  kind: Type.Union([Type.Literal('event'), Type.Literal('stage'), Type.Literal('session_start')], { description: 'what the name was read as' }),
  count: Type.Integer({ minimum: 0, description: 'people who reached the step' }),
  conversion_from_previous: Percent('null for the first step and where the step before has no one'),
  conversion_from_first: Percent('null where the first step has no one'),
  median_seconds_from_previous: Type.Union([Type.Number(), Type.Null()], { description: 'median time from the step before, among those who reached this one; null for the first step and where no one did' }),
});

const groupFields = {
  entered: Type.Integer({ minimum: 0, description: 'people who entered (ordered and strict: the first step’s count)' }),
  steps: Type.Array(FunnelStepSchema),
  overall_conversion: Percent('the last step’s count / entered; null when no one entered'),
};

const FunnelBreakdownRowSchema = Type.Object({ key: Type.String({ description: 'the channel or campaign id; (none) for an entering event without one' }), ...groupFields });

export const FunnelReportSchema = Type.Object({
  ...groupFields,
  breakdown: Type.Union([Type.Object({ by: literals(FUNNEL_BREAKDOWNS), rows: Type.Array(FunnelBreakdownRowSchema, { description: 'most entered first' }) }), Type.Null()]),
  params: Type.Object({
    steps: Type.Array(Type.String()),
    order: literals(FUNNEL_ORDERS),
    window_days: Type.Number(),
    from: Type.String(),
    to: Type.String(),
    time_zone: Type.String({ description: 'the workspace time zone from and to are read in' }),
    by: Type.Union([literals(FUNNEL_BREAKDOWNS), Type.Null()]),
    bot_filtering: Type.Boolean(),
  }),
  notes: Type.Array(Type.String()),
});

export type FunnelSchemaCheck = Assert<FieldsFit<typeof FunnelReportSchema, FunnelReport>>;
export type FunnelStepSchemaCheck = Assert<FieldsFit<typeof FunnelStepSchema, FunnelStepReport>>;
export type FunnelRowSchemaCheck = Assert<FieldsFit<typeof FunnelBreakdownRowSchema, FunnelGroupReport & { key: string }>>;
