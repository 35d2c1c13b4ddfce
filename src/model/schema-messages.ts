// What a record's schema violations mean to the person who sent it: one
// { field, message } per field (TypeBox reports a missing field twice, as
// required and as the wrong type), in words rather than schema terms.
import type { TSchema } from '@sinclair/typebox';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

export interface RecordProblem {
  field: string;
  message: string;
}

/** Every field the schema refuses, each once with its first reason, in schema order. */
export function schemaProblems(check: TypeCheck<TSchema>, value: Record<string, unknown>): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const seen = new Set<string>();
  for (const error of check.Errors(value)) {
    const field = fieldOf(error);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: messageOf(error) });
  }
  if (problems.length === 0) problems.push({ field: '(record)', message: 'is not valid' });
  return problems;
}

function fieldOf(error: ValueError): string {
  const path = error.path.replace(/^\//, '').replace(/\//g, '.');
  return path || '(record)';
}

function messageOf(error: ValueError): string {
  const got = error.value === undefined ? '' : `, got ${JSON.stringify(error.value)?.slice(0, 80)}`;
  const schema = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.Object:
      return 'record must be a JSON object';
    case ValueErrorType.String:
      return `must be a string${got}`;
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
      return `must be ${error.type === ValueErrorType.Integer ? 'an integer' : 'a number'}${got}`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must be ≥ ${schema.minimum}${got}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must be ≤ ${schema.maximum}${got}`;
    case ValueErrorType.NumberExclusiveMinimum:
      return `must be > ${schema.exclusiveMinimum}${got}`;
    case ValueErrorType.StringFormat:
      return schema.format === 'beacon-date'
        ? `must be a date YYYY-MM-DD${got}`
        : `must be an ISO-8601 timestamp with a zone (e.g. 2026-03-01T12:00:00Z)${got}`;
    case ValueErrorType.StringPattern:
      return `must be an ISO 4217 currency code such as USD${got}`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${schema.maxLength} characters`;
    case ValueErrorType.StringMinLength:
      return 'must not be empty';
    default:
      if (Array.isArray(schema.anyOf)) {
        const options = (schema.anyOf as { const?: unknown }[]).map((o) => o.const);
        return `must be one of ${options.join(', ')}${got}`;
      }
      return `${error.message}${got}`;
  }
}
