// What a person reads about a header that does not fit its source: one error
// when no record can be stored, otherwise warnings. The fix is phrased as the
// option of the edge they used: `--map "…"` on the CLI, `?map=…` over HTTP.
import type { HeaderReport, UnknownColumn } from './header-check.js';
import type { IngestWarning, RecordError } from './ingest-summary.js';

export type OptionStyle = 'cli' | 'http';

/** The `field` of an error or warning about the header row itself. */
export const HEADER_FIELD = '(header)';

/**
 * The one error of a file whose header leaves required fields without a column.
 * @example headerRejection(report, 'cli').message
 *   // 'the header has no column for timestamp, revenue (required by orders); unknown columns: ordered_at (did you mean timestamp?),
 *   //  amount (did you mean revenue?); import it with --map "ordered_at=timestamp,amount=revenue"'
 */
export function headerRejection(report: HeaderReport, style: OptionStyle): RecordError {
  const which = report.preset === undefined ? 'the header' : `the ${report.preset} header`;
  const parts = [`${which} has no column for ${report.missing.join(', ')} (required by ${report.source})`];
  if (report.unknown.length > 0) {
    parts.push(`unknown column${report.unknown.length === 1 ? '' : 's'}: ${report.unknown.map(describeUnknown).join(', ')}`);
  }
  parts.push(fixes(report, style).join(' and '));
  return { index: 0, line: report.line, field: HEADER_FIELD, message: parts.join('; ') };
}

/** One warning per column the source does not have, then the map that would read the suggested fields. */
export function headerWarnings(report: HeaderReport, style: OptionStyle): IngestWarning[] {
  const fate = report.source === 'events' ? 'its values are kept in properties' : 'the column is ignored';
  const warnings = report.unknown.map((u): IngestWarning => {
    const what = u.mappedTo === undefined ? `is not a field of ${report.source}` : `is mapped to ${u.mappedTo}, which is not a field of ${report.source}`;
    const guess = u.suggestion === undefined ? '' : ` (did you mean ${u.suggestion}?)`;
    return { line: report.line, field: u.column, message: `${what}; ${fate}${guess}` };
  });
  if (report.map !== undefined) {
    warnings.push({ line: report.line, field: HEADER_FIELD, message: `to read the suggested fields, import with ${mapOption(report.map, style)}` });
  }
  return warnings;
}

/**
 * How to pass a column map on each edge: a shell-quoted `--map`, or a query
 * parameter encoded for a URL (with `=` and `,` left readable, as a query value may hold them).
 * @example mapOption('Order Total=revenue', 'http') // '?map=Order%20Total=revenue'
 */
export function mapOption(map: string, style: OptionStyle): string {
  if (style === 'http') return `?map=${encodeURIComponent(map).replace(/%3D/gi, '=').replace(/%2C/gi, ',')}`;
  return /["$`\\!]/.test(map) ? `--map '${map.replaceAll("'", `'\\''`)}'` : `--map "${map}"`;
}

function fixes(report: HeaderReport, style: OptionStyle): string[] {
  const suggested = new Set(report.unknown.map((u) => u.suggestion));
  const open = report.missing.filter((field) => !suggested.has(field));
  const out: string[] = [];
  if (report.map !== undefined) out.push(`import it with ${mapOption(report.map, style)}`);
  if (report.source === 'ad_performance' && open.includes('platform')) {
    out.push(`name the platform of its rows with ${style === 'http' ? '?platform=NAME' : '--platform NAME'}`);
  }
  const columns = open.filter((field) => !(report.source === 'ad_performance' && field === 'platform'));
  if (columns.length > 0) {
    out.push(`add a column for ${columns.join(', ')}${report.map === undefined ? ` or map one of yours to ${columns.length === 1 ? 'it' : 'each'} with ${mapOption(placeholderMap(columns), style)}` : ''}`);
  }
  return out;
}

/** `Column=revenue`, or `Column1=timestamp,Column2=revenue`: the shape of the map to write. */
function placeholderMap(fields: readonly string[]): string {
  return fields.map((field, i) => `Column${fields.length === 1 ? '' : i + 1}=${field}`).join(',');
}

function describeUnknown(u: UnknownColumn): string {
  const notes = [u.mappedTo === undefined ? '' : `mapped to ${u.mappedTo}`, u.suggestion === undefined ? '' : `did you mean ${u.suggestion}?`].filter(Boolean);
  return notes.length === 0 ? quoted(u.column) : `${quoted(u.column)} (${notes.join('; ')})`;
}

/** Names with spaces or punctuation are quoted, so a list of them still reads as one. */
function quoted(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : JSON.stringify(name);
}
