// The answer of GET /v1/quality as a TypeBox schema, for the OpenAPI document
// and the dashboard's typed client; a compile-time check keeps it in step
// with the audit's report.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import { QUALITY_CHECKS, SEVERITIES } from '../quality/quality-findings.js';
import type { QualityReport } from '../quality/quality-service.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const day = (description: string) => Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()], { description });

const FindingSchema = Type.Object({
  check: literals(QUALITY_CHECKS),
  severity: literals(SEVERITIES),
  title: Type.String(),
  message: Type.String({ description: 'what it means for the numbers, and what to do' }),
  count: Type.Integer({ description: 'rows, days, platforms or sources at fault' }),
  records: Type.Integer({ description: 'the records they stand for (the events of unknown campaigns…)' }),
  from: day('the first local day affected; null when the finding has no dates'),
  to: day('the last local day affected'),
  examples: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'the latest rows at fault, at most 5' }),
});

export const QualityReportSchema = Type.Object({
  generated_at: Type.String(),
  today: Type.String({ description: 'the workspace’s local day when the audit ran (YYYY-MM-DD)' }),
  findings: Type.Array(FindingSchema, { description: 'errors first, then warnings, then notes; largest first within each' }),
  checks: Type.Array(Type.Object({ check: literals(QUALITY_CHECKS), status: literals(['ok', ...SEVERITIES]) }), { description: 'every check the audit ran' }),
  summary: Type.Object({ error: Type.Integer(), warning: Type.Integer(), info: Type.Integer() }),
  notes: Type.Array(Type.String()),
});

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
export type QualityReportSchemaCheck = Assert<FieldsFit<typeof QualityReportSchema, Mutable<QualityReport>>>;
