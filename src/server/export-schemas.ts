// The bodies of POST /v1/export and POST /v1/sql, and the answer of
// POST /v1/sql, as TypeBox schemas for the OpenAPI document and the
// dashboard's typed client; a compile-time check keeps the answer in step
// with the warehouse's SqlResult.
import { Type } from '@sinclair/typebox';
import { EXPORT_FORMATS } from '../export/export-format.js';
import { MAX_SQL_LIMIT } from '../export/sql-service.js';
import type { SqlResult } from '../warehouse/warehouse.js';
import type { Assert, FieldsFit } from './schema-fit.js';

export const ExportFormatSchema = Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f)), { description: 'csv (with a header row, the default) or parquet' });

export const ExportQueryInputSchema = Type.Object({
  query: Type.Object({}, { additionalProperties: true, description: 'the body of POST /v1/query' }),
  format: Type.Optional(ExportFormatSchema),
});

export const SqlInputSchema = Type.Object({
  sql: Type.String({ description: "one SELECT (or WITH … SELECT) over the workspace's views: events, ad_performance, campaigns, orders, … (one per source) and kpis" }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SQL_LIMIT, description: 'rows returned at most (default 10,000)' })),
});

export const SqlResultSchema = Type.Object({
  columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String({ description: 'the SQL type, e.g. VARCHAR, BIGINT, DECIMAL(18,6)' }) })),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: '64-bit integers and decimals as text' }),
  truncated: Type.Boolean({ description: 'more rows than the limit: the rest were left out' }),
});

export type SqlResultSchemaCheck = Assert<FieldsFit<typeof SqlResultSchema, SqlResult>>;
