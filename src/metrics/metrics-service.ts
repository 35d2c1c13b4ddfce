// The metric catalog of a workspace: the catalog with the workspace's own
// metrics, and the user-defined metrics themselves (checked, stored, deleted).
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { didYouMean } from '../core/closest.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { unstorableText } from '../model/stored-text.js';
import type { MetadataStore } from '../warehouse/warehouse.js';
import { CATALOG, CATALOG_BY_ID, describeMetric, type CatalogMetric } from './catalog.js';
import { checkCustomMetrics, expandFormula, formatFormula, formulaMetricIds, parseFormula, treeSize, type FormulaNode } from './formula.js';
import { DIRECTIONS, UNITS } from './types.js';

export const CustomMetricSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    formula: Type.String({ minLength: 1, maxLength: 500 }),
    label: Type.Optional(Type.String({ maxLength: 120 })),
    unit: Type.Optional(Type.Union(UNITS.map((u) => Type.Literal(u)))),
    direction: Type.Optional(Type.Union(DIRECTIONS.map((d) => Type.Literal(d)))),
  },
  { additionalProperties: false },
);

export interface CustomMetric {
  id: string;
  formula: string;
  label?: string;
  unit?: CatalogMetric['unit'];
  direction?: CatalogMetric['direction'];
}

const checkCustom = TypeCompiler.Compile(CustomMetricSchema);

/** Catalog metrics that cannot appear inside a formula (they are not a function of aggregates). */
const NOT_COMPOSABLE = new Set(CATALOG.filter((m) => m.growthOf).map((m) => m.id));

/** A metric of the catalog (or the workspace's own) that can be queried; a ValidationError naming the known ones otherwise. */
export function requireMetric(metrics: ReadonlyMap<string, CatalogMetric>, id: string): CatalogMetric {
  const metric = metrics.get(id);
  if (!metric) throw unknownMetric(id, metrics, 'metric');
  return metric;
}

/** The error for a metric id the catalog does not have: the nearest ids, and where the whole list is (all ids in details.choices). */
export function unknownMetric(id: string, metrics: ReadonlyMap<string, CatalogMetric>, field: string): ValidationError {
  const choices = [...metrics.keys()];
  return new ValidationError(`unknown metric "${id}"${didYouMean(id, choices)} (beacon metrics, or GET /v1/catalog, lists every metric)`, { field, choices });
}

/** The catalog plus the workspace's own metrics, by id. */
export async function metricCatalog(store: MetadataStore, workspace: string): Promise<Map<string, CatalogMetric>> {
  const custom = (await store.listObjects(workspace, 'custom_metric')).map((o) => o.body as CustomMetric);
  const map = new Map(CATALOG_BY_ID);
  for (const metric of describeCustomMetrics(custom)) map.set(metric.id, metric);
  return map;
}

/** Terms a custom metric may have once every metric it uses is written out in measures. */
export const MAX_EXPANDED_TERMS = 2_000;

function describeCustomMetrics(custom: readonly CustomMetric[]): CatalogMetric[] {
  const nodes = new Map<string, FormulaNode>(custom.map((c) => [c.id, parseFormula(c.formula)]));
  const substituted = new Map<FormulaNode, FormulaNode>();
  return custom.map((c) => {
    // In terms of catalog metrics only, then of measures: evaluated on aggregates like any catalog metric.
    const expanded = substitute(expandFormula(c.id, nodes), substituted);
    // Metrics built on metrics share their parts; written out, they could double with each level.
    const terms = treeSize(expanded);
    if (terms > MAX_EXPANDED_TERMS) {
      throw new ValidationError(
        `custom metric "${c.id}": its formula expands to ${terms > 1e9 ? 'over a billion' : terms} terms over measures (at most ${MAX_EXPANDED_TERMS}); ` +
          'use fewer metrics built on other custom metrics',
        { field: 'formula' },
      );
    }
    return describeMetric(
      {
        id: c.id,
        label: c.label ?? c.id,
        formula: c.formula,
        unit: c.unit ?? 'ratio',
        direction: c.direction ?? 'neutral',
        group: 'custom',
        compute: formatFormula(expanded),
      },
      true,
      expanded,
    );
  });
}

/** Replaces catalog metric ids by their formulas over measures; a part shared in the formula is replaced once (`done`). */
function substitute(node: FormulaNode, done: Map<FormulaNode, FormulaNode>): FormulaNode {
  const found = done.get(node);
  if (found) return found;
  let result: FormulaNode;
  switch (node.kind) {
    case 'metric':
      result = CATALOG_BY_ID.get(node.id)!.node;
      break;
    case 'negate':
      result = { kind: 'negate', operand: substitute(node.operand, done) };
      break;
    case 'binary':
      result = { ...node, left: substitute(node.left, done), right: substitute(node.right, done) };
      break;
    default:
      result = node;
  }
  done.set(node, result);
  return result;
}

export async function listCustomMetrics(store: MetadataStore, workspace: string): Promise<CustomMetric[]> {
  return (await store.listObjects(workspace, 'custom_metric')).map((o) => o.body as CustomMetric);
}

/** Validates and stores (or replaces) a user-defined metric. */
export async function saveCustomMetric(store: MetadataStore, workspace: string, body: unknown): Promise<CatalogMetric> {
  if (!checkCustom.Check(body)) {
    const problem = checkCustom.Errors(body).First()!;
    const field = problem.path.replace(/^\//, '') || '(metric)';
    throw new ValidationError(`invalid custom metric: ${field} ${problem.message}`, { field });
  }
  const unstorable = unstorableText(body);
  if (unstorable) throw new ValidationError(`invalid custom metric: ${unstorable.field} ${unstorable.message}`, { field: unstorable.field });
  const others = (await listCustomMetrics(store, workspace)).filter((c) => c.id !== body.id);
  const drafts = [...others, body];
  // The stored metrics were consistent before: whatever is wrong now comes from this one.
  const problems = checkCustomMetrics(drafts, new Set(CATALOG_BY_ID.keys()));
  if (problems.length > 0) {
    throw new ValidationError(`custom metric "${body.id}": ${problems.map((p) => p.message).join('; ')}`, { problems });
  }
  const blocked = formulaMetricIds(parseFormula(body.formula)).filter((id) => NOT_COMPOSABLE.has(id));
  if (blocked.length > 0) {
    throw new ValidationError(`custom metric "${body.id}": ${blocked.join(', ')} cannot be used in a formula`, { field: 'formula' });
  }
  const [described] = describeCustomMetrics(drafts).filter((m) => m.id === body.id);
  await store.putObject(workspace, 'custom_metric', body.id, body);
  return described;
}

export async function deleteCustomMetric(store: MetadataStore, workspace: string, id: string): Promise<void> {
  const custom = await listCustomMetrics(store, workspace);
  if (!custom.some((c) => c.id === id)) throw new NotFoundError(`unknown custom metric "${id}"`);
  const users = custom.filter((c) => c.id !== id && formulaMetricIds(parseFormula(c.formula)).includes(id)).map((c) => c.id);
  if (users.length > 0) throw new ConflictError(`custom metric "${id}" is used by ${users.join(', ')}; delete those first`, { used_by: users });
  await store.deleteObject(workspace, 'custom_metric', id);
}

/** A metric as the catalog endpoints show it. */
export function publicMetric(metric: CatalogMetric) {
  return {
    id: metric.id,
    label: metric.label,
    formula: metric.formula,
    unit: metric.unit,
    direction: metric.direction,
    group: metric.group,
    facts: metric.facts,
    dimensions: metric.dimensions,
    custom: metric.custom,
    ...(metric.note ? { note: metric.note } : {}),
  };
}
