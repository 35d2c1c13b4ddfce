// The answer of POST /v1/experiments/analyze as a TypeBox schema, for the
// OpenAPI document and the dashboard's typed client; compile-time checks keep
// it in step with the readout, both ways.
import { Type, type Static } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { VariantReadout } from '../experiments/analyze-experiment.js';
import type { ExperimentList, ExperimentReport, ExposureSource, MetricReport } from '../experiments/experiment-service.js';
import type { ReadoutWarning } from '../experiments/readout-warnings.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });
const Interval = Type.Tuple([Type.Number(), Type.Number()], { description: '[low, high] at the confidence level 1 − alpha' });
const Kind = Type.Union([Type.Literal('rate'), Type.Literal('mean')]);

const VariantReadoutSchema = Type.Object(
  {
    name: Type.String(),
    n: Type.Integer({ minimum: 1, description: 'units exposed to the variant' }),
    is_control: Type.Boolean(),
    value: Type.Number({ description: 'the conversion rate (rate) or the mean (mean)' }),
    adjusted_value: Nullable(Type.Number(), 'CUPED: the mean adjusted for the covariate, which the lift compares; null without a covariate'),
    lift: Type.Union(
      [
        Type.Object(
          {
            absolute: Type.Number({ description: 'treatment − control, in the metric’s units' }),
            relative: Nullable(Type.Number(), 'absolute / control (0.1 = +10 %); null where the control’s value is 0'),
            ci: Interval,
            relative_ci: Type.Union([Interval, Type.Null()], { description: 'the relative lift’s interval (delta method); null with the relative lift' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'treatments: the lift over the control; null for the control' },
    ),
    z: Type.Optional(Nullable(Type.Number(), 'rates only: the pooled two-proportion z statistic; null for the control and where nothing varies')),
    t: Type.Optional(Nullable(Type.Number(), 'means only: Welch’s t; null for the control and where nothing varies')),
    df: Type.Optional(Nullable(Type.Number(), 'means only: the Welch–Satterthwaite degrees of freedom of t')),
    p_value: Nullable(Type.Number(), 'two-sided (always valid when sequential); null for the control'),
    p_value_adjusted: Nullable(Type.Number(), 'Benjamini–Hochberg across the treatments; null for the control'),
    probability_to_beat_control: Nullable(Type.Number(), 'Bayesian posterior probability that the variant’s value is above the control’s; null for the control'),
    expected_loss: Type.Union(
      [Type.Object({ choose_variant: Type.Number(), keep_control: Type.Number() }, { additionalProperties: false }), Type.Null()],
      { description: 'in the metric’s units: what shipping this variant, or keeping the control, is expected to lose; null for the control' },
    ),
    cuped: Type.Union(
      [Type.Object({ variance_reduction: Type.Number(), correlation: Nullable(Type.Number(), 'metric–covariate correlation; null where one of them does not vary') }, { additionalProperties: false }), Type.Null()],
      { description: 'CUPED: the share of variance removed; null without a covariate' },
    ),
  },
  { additionalProperties: false },
);

const ReadoutWarningSchema = Type.Object(
  {
    code: Type.Union(
      (['too_little_data', 'suspicious_lift', 'sample_ratio_mismatch', 'no_variance', 'zero_control', 'approximate_probability'] as const).map((c) => Type.Literal(c)),
    ),
    variant: Nullable(Type.String(), 'the variant it concerns; null for the experiment as a whole'),
    message: Type.String(),
  },
  { additionalProperties: false },
);

const ExposureSourceSchema = Type.Object(
  {
    experiment: Type.String(),
    metric: Type.String(),
    per_person: Type.String({ description: 'what one person’s value is' }),
    unit: Type.Union([Type.Literal('rate'), Type.Literal('count'), Type.Literal('money')], { description: 'rate: 1 or 0 per person, read as a share of people' }),
    from: Type.String({ description: 'first local date of the test window (the first exposure’s when not given)' }),
    to: Type.String({ description: 'last local date of the test window (today when not given)' }),
    time_zone: Type.String(),
    exposed: Type.Integer({ description: 'people counted in a variant' }),
    excluded_multiple_variants: Type.Integer({ description: 'people left out for seeing more than one variant' }),
    first_exposure: Type.String({ description: 'ISO 8601 instant' }),
    last_exposure: Type.String({ description: 'ISO 8601 instant' }),
    cuped_days: Nullable(Type.Integer(), 'CUPED: the days before each first exposure its covariate covers; null when not applied'),
  },
  { additionalProperties: false },
);

/** One metric's readout. */
const readoutFields = {
    kind: Kind,
    control: Type.String({ description: 'the control variant’s name' }),
    alpha: Type.Number({ description: 'the significance level used' }),
    prior: Type.Union([Type.Object({ alpha: Type.Number(), beta: Type.Number() }, { additionalProperties: false }), Type.Null()], {
      description: 'rates: the Beta prior of the posteriors; null for means',
    }),
    sequential: Type.Union([Type.Object({ tuning: Type.Number(), rho: Type.Number() }, { additionalProperties: false }), Type.Null()], {
      description: 'sequential testing: the tuning sample size and the mixing parameter ρ; null for fixed-horizon results',
    }),
    cuped: Type.Union([Type.Object({ theta: Type.Number() }, { additionalProperties: false }), Type.Null()], { description: 'CUPED: θ over all units; null without a covariate' }),
    variants: Type.Array(VariantReadoutSchema, { description: 'in the order given; the control among them' }),
    srm: Type.Object(
      {
        chi_square: Type.Number(),
        df: Type.Integer(),
        p_value: Type.Number(),
        flagged: Type.Boolean({ description: 'p_value below threshold: units did not reach the variants in the planned split' }),
        threshold: Type.Number(),
        expected: Type.Array(Type.Number(), { description: 'the units the planned split expects, in variant order' }),
      },
      { additionalProperties: false, description: 'sample ratio mismatch: Pearson’s chi-square of the units against the planned split' },
    ),
    warnings: Type.Array(ReadoutWarningSchema, { description: 'what to know before trusting the readout, the experiment-wide ones first' }),
    source: Type.Union([ExposureSourceSchema, Type.Null()], { description: 'a readout from experiment_exposure events: what was read; null for statistics sent as they are' }),
    notes: Type.Array(Type.String(), { description: 'how the data was read (CUPED applied or not, people left out)' }),
};

const MetricReadoutSchema = Type.Object(readoutFields, { additionalProperties: false });

export const ExperimentReadoutSchema = Type.Object(
  {
    ...readoutFields,
    secondary: Type.Array(MetricReadoutSchema, {
      description: 'the other metrics of a body with `metrics`, each a readout; p_value_adjusted then corrects across every metric and treatment (empty otherwise)',
    }),
  },
  { additionalProperties: false },
);

export const ExperimentListSchema = Type.Object(
  {
    experiments: Type.Array(
      Type.Object(
        {
          experiment: Type.String(),
          variants: Type.Array(Type.Object({ variant: Type.String(), people: Type.Integer() }, { additionalProperties: false }), { description: 'people whose first exposure was to each variant' }),
          people: Type.Integer(),
          first_exposure: Type.String({ description: 'ISO 8601 instant' }),
          last_exposure: Type.String({ description: 'ISO 8601 instant' }),
        },
        { additionalProperties: false },
      ),
      { description: 'most recently exposed first' },
    ),
  },
  { additionalProperties: false },
);

/** Each field of the schema is no wider than the readout's: with FieldsFit, the schema says exactly what the route sends. */
type NoWider<S, T> = { [K in keyof S]-?: K extends keyof T ? ([S[K]] extends [T[K]] ? true : false) : false }[keyof S];

export type ExperimentSchemaCheck = Assert<FieldsFit<typeof ExperimentReadoutSchema, ExperimentReport>>;
export type ExperimentSchemaExact = Assert<NoWider<Static<typeof ExperimentReadoutSchema>, ExperimentReport>>;
export type MetricSchemaCheck = Assert<FieldsFit<typeof MetricReadoutSchema, MetricReport>>;
export type SourceSchemaCheck = Assert<FieldsFit<typeof ExposureSourceSchema, ExposureSource>>;
export type ListSchemaCheck = Assert<FieldsFit<typeof ExperimentListSchema, ExperimentList>>;
export type VariantSchemaCheck = Assert<FieldsFit<typeof VariantReadoutSchema, VariantReadout>>;
export type VariantSchemaExact = Assert<NoWider<Static<typeof VariantReadoutSchema>, VariantReadout>>;
export type WarningSchemaCheck = Assert<FieldsFit<typeof ReadoutWarningSchema, ReadoutWarning>>;
export type WarningSchemaExact = Assert<NoWider<Static<typeof ReadoutWarningSchema>, ReadoutWarning>>;
