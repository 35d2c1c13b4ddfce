// Field builders for the data contract. Each builder returns a TypeBox schema
// (validation, TypeScript type and OpenAPI from one definition) annotated with
// the storage kind every warehouse engine maps to its own column type.
import { Type, type TLiteral, type TSchema, type TUnion, type SchemaOptions } from '@sinclair/typebox';

/** How a field is stored; engines map each kind to a column type. */
export type ColumnKind = 'string' | 'timestamp' | 'date' | 'integer' | 'number' | 'money' | 'json';

export const COLUMN_KIND = 'x-beacon-kind';

function withKind<T extends TSchema>(schema: T, kind: ColumnKind): T {
  return Object.assign(schema, { [COLUMN_KIND]: kind });
}

export function columnKindOf(schema: TSchema): ColumnKind {
  const kind = (schema as Record<string, unknown>)[COLUMN_KIND];
  if (typeof kind !== 'string') throw new Error(`schema without ${COLUMN_KIND}: ${JSON.stringify(schema)}`);
  return kind as ColumnKind;
}

export const str = (options: SchemaOptions & { maxLength?: number; minLength?: number } = {}) =>
  withKind(Type.String({ maxLength: 1024, ...options }), 'string');

export const enumOf = <const T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  withKind(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ) as unknown as TUnion<TLiteral<T[number]>[]>,
    'string',
  );

/** ISO-8601 instant with a zone, e.g. 2026-03-01T12:00:00Z or +02:00. */
export const timestamp = (options: SchemaOptions = {}) =>
  withKind(Type.String({ format: 'beacon-timestamp', ...options }), 'timestamp');

/** Calendar date YYYY-MM-DD (in the workspace time zone). */
export const date = (options: SchemaOptions = {}) =>
  withKind(Type.String({ format: 'beacon-date', ...options }), 'date');

/** A count: a whole number from 0 up to 2^53 − 1, the largest one JSON numbers and 64-bit columns both hold exactly. */
export const int = (options: SchemaOptions & { minimum?: number; maximum?: number } = {}) =>
  withKind(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, ...options }), 'integer');

export const num = (options: SchemaOptions & { minimum?: number; maximum?: number } = {}) =>
  withKind(Type.Number(options), 'number');

/** A decimal amount of money, kept exactly (stored as a fixed-point decimal). */
export const money = (options: SchemaOptions & { minimum?: number } = {}) =>
  withKind(Type.Number({ maximum: 999_999_999_999, minimum: -999_999_999_999, ...options }), 'money');

/** ISO 4217 currency code. */
export const currency = (options: SchemaOptions = {}) =>
  withKind(Type.String({ pattern: '^[A-Z]{3}$', ...options }), 'string');

export const object = (options: SchemaOptions = {}) =>
  withKind(Type.Object({}, { additionalProperties: true, ...options }), 'json');
