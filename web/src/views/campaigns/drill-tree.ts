// The drill-down as data: channel → campaign → ad group → ad, each level a
// /v1/query filtered to its ancestors, flattened into the lines the table
// shows (and the CSV export writes). Pure.
import type { QueryBody, QueryResult } from '../../api/client';
import { queryFilters, type ViewState } from '../../frame/url-state';

export const LEVELS = ['channel', 'campaign', 'ad_group', 'ad'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { channel: 'Channel', campaign: 'Campaign', ad_group: 'Ad group', ad: 'Ad' };
export const DRILL_METRICS = ['cost', 'impressions', 'clicks', 'ctr', 'cpc', 'conversions', 'cpa', 'revenue', 'roas'] as const;

export type Row = QueryResult['rows'][number];
export interface Sort {
  field: string;
  direction: 'asc' | 'desc';
}
/** What has been loaded for a path: its child rows, or the error of asking. */
export interface Loaded {
  rows?: Row[];
  error?: unknown;
}
export type Line =
  | { kind: 'row'; key: string; depth: number; path: string[]; level: Level; row: Row; expandable: boolean; expanded: boolean }
  | { kind: 'loading'; key: string; depth: number }
  | { kind: 'error'; key: string; depth: number; error: unknown };

/** The API's row for what has no value of the dimension (a conversion no ad group can be credited with). */
export const NONE = '(none)';

export function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

/** The query for the children of `path` ([] for the top level): the next level, filtered to the path. */
export function childQuery(state: ViewState, path: readonly string[]): QueryBody {
  const filters = [
    ...queryFilters(state.filters),
    ...path.map((value, i) => ({ dimension: LEVELS[i], op: 'eq' as const, values: [value] })),
  ];
  return { metrics: [...DRILL_METRICS], dimensions: [LEVELS[path.length]], from: state.range.from, to: state.range.to, filters, limit: 1000 };
}

export function parseSort(text: string | null): Sort {
  const [field, direction] = (text ?? '').split(':');
  const known = field === 'name' || (DRILL_METRICS as readonly string[]).includes(field);
  return known ? { field, direction: direction === 'asc' ? 'asc' : 'desc' } : { field: 'cost', direction: 'desc' };
}

/** Rows in order: by the sort field (nulls last), then by name so ties keep a stable order. */
export function sortRows(rows: Row[], level: Level, sort: Sort): Row[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const name = (r: Row) => String(r[level] ?? '');
  return [...rows].sort((a, b) => {
    if (sort.field !== 'name') {
      const x = a[sort.field];
      const y = b[sort.field];
      if (x !== y) {
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (Number(x) - Number(y)) * sign;
      }
    }
    return name(a).localeCompare(name(b)) * (sort.field === 'name' ? sign : 1);
  });
}

/** Opens a row, or closes it together with every row opened below it. */
export function toggleExpanded(open: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(open);
  if (!open.has(key)) return next.add(key);
  const below = `${key.slice(0, -1)},`;
  for (const k of open) if (k === key || k.startsWith(below)) next.delete(k);
  return next;
}

/** The lines the table shows: each loaded level sorted, expanded rows followed by their children. */
export function visibleLines(loaded: ReadonlyMap<string, Loaded>, expanded: ReadonlySet<string>, sort: Sort, path: string[] = []): Line[] {
  const key = pathKey(path);
  const depth = path.length;
  const answer = loaded.get(key);
  if (!answer || (!answer.rows && !answer.error)) return [{ kind: 'loading', key: `${key}:loading`, depth }];
  if (answer.error) return [{ kind: 'error', key: `${key}:error`, depth, error: answer.error }];
  const level = LEVELS[depth];
  const lines: Line[] = [];
  for (const row of sortRows(answer.rows!, level, sort)) {
    const value = row[level] === null ? NONE : String(row[level]);
    const childPath = [...path, value];
    const childKey = pathKey(childPath);
    const expandable = depth < LEVELS.length - 1 && value !== NONE;
    const isOpen = expandable && expanded.has(childKey);
    lines.push({ kind: 'row', key: childKey, depth, path: childPath, level, row, expandable, expanded: isOpen });
    if (isOpen) lines.push(...visibleLines(loaded, expanded, sort, childPath));
  }
  return lines;
}

/** The name a row is shown by, when the API gives one beside the id (campaign → campaign_name). */
export function displayName(row: Row, level: Level): string | null {
  const name = row[`${level}_name`];
  return typeof name === 'string' && name !== '' ? name : null;
}

/** The shown rows as CSV: one column per level (the row's ancestors filled in), its name, then the metrics as numbers. */
export function linesToCsv(lines: readonly Line[]): string {
  const header = [...LEVELS, 'name', ...DRILL_METRICS];
  const body = lines
    .filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row')
    .map((l) => [
      ...LEVELS.map((_, i) => l.path[i] ?? ''),
      displayName(l.row, l.level) ?? l.path[l.path.length - 1],
      ...DRILL_METRICS.map((m) => (l.row[m] === null || l.row[m] === undefined ? '' : String(l.row[m]))),
    ]);
  return [header, ...body].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a cell when needed, and defuses text a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
