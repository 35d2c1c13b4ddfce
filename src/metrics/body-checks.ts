// Checks a JSON body users POST (goals, benchmark bands…) against its TypeBox
// schema, and that its text can be stored, and reports every bad field at once, named as users write them
// (`filters[0].values`), in one ValidationError with `{ field, message }[]`.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { unstorableText } from '../model/stored-text.js';
import { DIMENSIONS, FILTER_OPS } from './types.js';

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Values one filter may list, and the length of each (dimension values are ids, names, URLs). */
export const MAX_FILTER_VALUES = 1_000;
export const MAX_FILTER_VALUE_LENGTH = 2_048;

/** Same shape as `Filter` in types.ts; values is a non-empty, bounded list of non-empty strings. */
export const FilterSchema = Type.Object(
  {
    dimension: Type.Union(DIMENSIONS.map((d) => Type.Literal(d))),
    op: Type.Union(FILTER_OPS.map((o) => Type.Literal(o))),
    values: Type.Array(Type.String({ minLength: 1, maxLength: MAX_FILTER_VALUE_LENGTH }), { minItems: 1, maxItems: MAX_FILTER_VALUES }),
  },
  { additionalProperties: false },
);

export interface Problem {
  field: string;
  message: string;
}

export function checkBody<T extends TSchema>(what: string, check: TypeCheck<T>, body: unknown): Static<T> {
  if (check.Check(body)) {
    const unstorable = unstorableText(body);
    if (unstorable) throwIfAny(what, [unstorable]);
    return body;
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of check.Errors(body)) {
    const field = fieldName(error.path);
    if (seen.has(field)) continue; // TypeBox may report a field twice (missing, then wrong type): keep the first.
    seen.add(field);
    problems.push({ field, message: describe(error.schema, error.message) });
  }
  throwIfAny(what, problems);
  return body as Static<T>; // unreachable: a failed check always yields an error
}

/** "/filters/0/dimension" → "filters[0].dimension"; the root is "(body)". */
function fieldName(path: string): string {
  if (path === '') return '(body)';
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === '' ? part : `${name}.${part}`), '');
}

/** TypeBox's message, made friendlier for literal unions and date patterns. */
function describe(schema: TSchema, message: string): string {
  const options = (schema.anyOf as TSchema[] | undefined)?.map((s) => s.const);
  if (options && options.every((o) => typeof o === 'string')) return `must be one of ${options.join(', ')}`;
  if (schema.pattern === DATE_PATTERN) return 'must be a date YYYY-MM-DD';
  return message;
}

export function throwIfAny(what: string, problems: Problem[]): void {
  if (problems.length === 0) return;
  throw new ValidationError(`invalid ${what}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
}
