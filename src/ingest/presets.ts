// Import presets: how a real ad-platform CSV export becomes ad_performance fields.
// Each preset is data (header aliases → field, plus how to clean the cell); the
// CSV reader applies it, so no platform gets code of its own.

import type { ColumnMap } from './column-map.js';

export type PresetName = 'google_ads' | 'meta_ads' | 'linkedin_ads' | 'tiktok_ads';

export const PRESET_NAMES: readonly PresetName[] = ['google_ads', 'meta_ads', 'linkedin_ads', 'tiktok_ads'];

/** @example isPresetName('meta_ads') // true */
export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

type CellKind = 'text' | 'number' | 'date' | 'currency';

interface PresetColumn {
  readonly field: string;
  /** Export header names, preferred first: when several are present the first wins. */
  readonly headers: readonly string[];
  readonly kind: CellKind;
  /** Money columns may carry the currency in the header: `Amount spent (USD)`. */
  readonly currencyInHeader?: true;
}

interface Preset {
  readonly platform: string;
  readonly columns: readonly PresetColumn[];
}

const PRESETS: Readonly<Record<PresetName, Preset>> = {
  // Google Ads UI report download (campaign, ad group or ad level, segmented by Day).
  google_ads: {
    platform: 'google_ads',
    columns: [
      { field: 'date', headers: ['Day', 'Date'], kind: 'date' },
      { field: 'campaign_id', headers: ['Campaign ID'], kind: 'text' },
      { field: 'campaign_name', headers: ['Campaign', 'Campaign name'], kind: 'text' },
      { field: 'ad_group_id', headers: ['Ad group ID'], kind: 'text' },
      { field: 'ad_group_name', headers: ['Ad group', 'Ad group name'], kind: 'text' },
      { field: 'ad_id', headers: ['Ad ID'], kind: 'text' },
      { field: 'ad_name', headers: ['Ad name'], kind: 'text' },
      { field: 'impressions', headers: ['Impr.', 'Impressions'], kind: 'number' },
      { field: 'clicks', headers: ['Clicks'], kind: 'number' },
      { field: 'cost', headers: ['Cost'], kind: 'number', currencyInHeader: true },
      { field: 'currency', headers: ['Currency code', 'Currency'], kind: 'currency' },
      { field: 'platform_conversions', headers: ['Conversions', 'All conv.'], kind: 'number' },
      {
        field: 'platform_conversion_value',
        headers: ['Conv. value', 'Conversion value', 'All conv. value'],
        kind: 'number',
        currencyInHeader: true,
      },
      // Google renamed "Video views" to "Views" in 2024; both still circulate.
      { field: 'video_views', headers: ['Video views', 'Views'], kind: 'number' },
    ],
  },
  // Meta Ads Manager "Export table data" (CSV), any level; "Day" appears with a daily breakdown.
  meta_ads: {
    platform: 'meta_ads',
    columns: [
      { field: 'date', headers: ['Day', 'Reporting starts'], kind: 'date' },
      { field: 'campaign_id', headers: ['Campaign ID'], kind: 'text' },
      { field: 'campaign_name', headers: ['Campaign name'], kind: 'text' },
      { field: 'ad_group_id', headers: ['Ad set ID'], kind: 'text' },
      { field: 'ad_group_name', headers: ['Ad set name'], kind: 'text' },
      { field: 'ad_id', headers: ['Ad ID'], kind: 'text' },
      { field: 'ad_name', headers: ['Ad name'], kind: 'text' },
      { field: 'impressions', headers: ['Impressions'], kind: 'number' },
      { field: 'reach', headers: ['Reach'], kind: 'number' },
      { field: 'clicks', headers: ['Link clicks', 'Clicks (all)'], kind: 'number' },
      { field: 'cost', headers: ['Amount spent'], kind: 'number', currencyInHeader: true },
      { field: 'currency', headers: ['Currency'], kind: 'currency' },
      // "Results" counts whatever the campaign optimises for (reach, leads…), so purchases win.
      { field: 'platform_conversions', headers: ['Purchases', 'Website purchases', 'Results'], kind: 'number' },
      {
        field: 'platform_conversion_value',
        headers: ['Purchases conversion value', 'Website purchases conversion value'],
        kind: 'number',
        currencyInHeader: true,
      },
      { field: 'likes', headers: ['Post reactions'], kind: 'number' },
      { field: 'shares', headers: ['Post shares'], kind: 'number' },
      { field: 'comments', headers: ['Post comments'], kind: 'number' },
      { field: 'video_views', headers: ['Video plays', 'ThruPlays', '3-second video plays'], kind: 'number' },
      { field: 'video_completions', headers: ['Video plays at 100%'], kind: 'number' },
    ],
  },
  // LinkedIn Campaign Manager performance export (campaign or creative level).
  // "Campaign Group" is the campaign's parent, not a finer grain, so it is left unmapped.
  linkedin_ads: {
    platform: 'linkedin_ads',
    columns: [
      { field: 'date', headers: ['Start Date (in UTC)', 'Start Date', 'Day'], kind: 'date' },
      { field: 'campaign_id', headers: ['Campaign ID'], kind: 'text' },
      { field: 'campaign_name', headers: ['Campaign Name'], kind: 'text' },
      { field: 'ad_id', headers: ['Creative ID'], kind: 'text' },
      { field: 'ad_name', headers: ['Creative Name'], kind: 'text' },
      { field: 'impressions', headers: ['Impressions'], kind: 'number' },
      { field: 'clicks', headers: ['Clicks'], kind: 'number' },
      { field: 'cost', headers: ['Total Spent', 'Amount Spent'], kind: 'number', currencyInHeader: true },
      { field: 'currency', headers: ['Currency'], kind: 'currency' },
      { field: 'platform_conversions', headers: ['Conversions', 'Total Conversions'], kind: 'number' },
      {
        field: 'platform_conversion_value',
        headers: ['Conversion Value', 'Total Conversion Value'],
        kind: 'number',
        currencyInHeader: true,
      },
      { field: 'reach', headers: ['Reach', 'Approximate Unique Member Reach'], kind: 'number' },
      { field: 'likes', headers: ['Reactions'], kind: 'number' },
      { field: 'comments', headers: ['Comments'], kind: 'number' },
      { field: 'shares', headers: ['Shares'], kind: 'number' },
      { field: 'video_views', headers: ['Video Views'], kind: 'number' },
      { field: 'video_completions', headers: ['Video Completions'], kind: 'number' },
    ],
  },
  // TikTok Ads Manager "Export" of a custom report (campaign, ad group or ad level, by day).
  // "Clicks (destination)" counts clicks to the advertiser's page, as Meta's "Link clicks" does.
  tiktok_ads: {
    platform: 'tiktok_ads',
    columns: [
      { field: 'date', headers: ['By Day', 'Date', 'Day'], kind: 'date' },
      { field: 'campaign_id', headers: ['Campaign ID'], kind: 'text' },
      { field: 'campaign_name', headers: ['Campaign name'], kind: 'text' },
      { field: 'ad_group_id', headers: ['Ad group ID'], kind: 'text' },
      { field: 'ad_group_name', headers: ['Ad group name'], kind: 'text' },
      { field: 'ad_id', headers: ['Ad ID'], kind: 'text' },
      { field: 'ad_name', headers: ['Ad name'], kind: 'text' },
      { field: 'impressions', headers: ['Impressions'], kind: 'number' },
      { field: 'clicks', headers: ['Clicks (destination)', 'Clicks'], kind: 'number' },
      { field: 'cost', headers: ['Cost', 'Total cost'], kind: 'number', currencyInHeader: true },
      { field: 'currency', headers: ['Currency'], kind: 'currency' },
      { field: 'platform_conversions', headers: ['Conversions'], kind: 'number' },
      {
        field: 'platform_conversion_value',
        headers: ['Total complete payment value', 'Purchase value', 'Total purchase value'],
        kind: 'number',
        currencyInHeader: true,
      },
      { field: 'reach', headers: ['Reach'], kind: 'number' },
      { field: 'likes', headers: ['Likes'], kind: 'number' },
      { field: 'shares', headers: ['Shares'], kind: 'number' },
      { field: 'comments', headers: ['Comments'], kind: 'number' },
      { field: 'video_views', headers: ['Video views'], kind: 'number' },
      { field: 'video_completions', headers: ['Video views at 100%'], kind: 'number' },
    ],
  },
};

/**
 * What a preset reads, for docs/data.md: the platform it sets and each field
 * with the export headers it is read from, preferred first.
 * @example presetColumns('linkedin_ads').platform // 'linkedin_ads'
 */
export function presetColumns(name: PresetName): {
  readonly platform: string;
  readonly columns: readonly { readonly field: string; readonly headers: readonly string[]; readonly currencyInHeader: boolean }[];
} {
  const preset = PRESETS[name];
  return {
    platform: preset.platform,
    columns: preset.columns.map(({ field, headers, currencyInHeader }) => ({ field, headers, currencyInHeader: currencyInHeader === true })),
  };
}

/** Turns one CSV cell into a field value; undefined means the field is absent. */
export type CellCleaner = (cell: string) => string | undefined;

export interface PlannedColumn {
  readonly key: string;
  /** Absent: the cell is kept as is (an empty cell is still omitted). */
  readonly clean?: CellCleaner;
}

/** How each column of one CSV file becomes record fields, decided once from its header. */
export interface RowPlan {
  /** By column position; undefined drops the column. */
  readonly columns: readonly (PlannedColumn | undefined)[];
  /** Set on every record before the columns (a column of the same name overrides). */
  readonly fixed: readonly (readonly [key: string, value: string])[];
}

/**
 * True when a row has at least two of the preset's header names: real exports put
 * report-title lines above the header, so the header is found, not assumed.
 * @example isPresetHeader('google_ads', ['Day', 'Campaign', 'Impr.']) // true
 */
export function isPresetHeader(name: PresetName, cells: readonly string[]): boolean {
  let known = 0;
  for (const cell of cells) if (matchHeader(name, cell) !== undefined && ++known >= 2) return true;
  return false;
}

/**
 * Plans the columns of a preset export. An explicit map wins over the preset for
 * the headers it names; unknown columns pass through under their own name.
 * @example planPresetRow('meta_ads', ['Reporting starts', 'Amount spent (USD)']).fixed
 *   // [['platform', 'meta_ads'], ['currency', 'USD']]
 */
export function planPresetRow(name: PresetName, headers: readonly string[], map?: ColumnMap): RowPlan {
  const preset = PRESETS[name];
  const columns: (PlannedColumn | undefined)[] = headers.map((header) => passThrough(header));
  const claimed = new Set<string>();
  headers.forEach((header, i) => {
    const field = map?.get(header.trim());
    if (field === undefined) return;
    const kind = preset.columns.find((column) => column.field === field)?.kind;
    columns[i] = { key: field, clean: kind === undefined ? undefined : CLEANERS[kind] };
    claimed.add(field);
  });
  const fixed: [string, string][] = [['platform', preset.platform]];
  for (const column of preset.columns) {
    if (claimed.has(column.field)) continue;
    const best = bestHeaderFor(name, column, headers, map);
    if (best === undefined) continue;
    columns[best.index] = { key: column.field, clean: CLEANERS[column.kind] };
    if (best.currency !== undefined && !fixed.some(([key]) => key === 'currency')) fixed.push(['currency', best.currency]);
  }
  return { columns, fixed };
}

/**
 * Total rows sit below the data (`Total: Account`, `Total`, `Grand total`) and
 * are not records. A campaign named "Total Recall" is not one: the word must end
 * the cell or be followed by a colon.
 */
export function isTotalRow(cells: readonly string[]): boolean {
  const first = cells.find((cell) => cell.trim() !== '');
  return first !== undefined && TOTAL_ROW.test(first.trim());
}

const TOTAL_ROW = /^(?:total|totals|grand total)(?::|$)/i;

function passThrough(header: string): PlannedColumn | undefined {
  const key = header.trim();
  // An unnamed column has nothing to be called; "__proto__" is never a field.
  return key === '' || key === '__proto__' ? undefined : { key };
}

function bestHeaderFor(
  name: PresetName,
  column: PresetColumn,
  headers: readonly string[],
  map: ColumnMap | undefined,
): { index: number; currency?: string } | undefined {
  let best: { index: number; rank: number; currency?: string } | undefined;
  headers.forEach((header, index) => {
    if (map?.has(header.trim())) return;
    const match = matchHeader(name, header);
    if (match?.column !== column) return;
    if (best === undefined || match.rank < best.rank) best = { index, rank: match.rank, currency: match.currency };
  });
  return best;
}

interface HeaderMatch {
  readonly column: PresetColumn;
  readonly rank: number;
  readonly currency?: string;
}

function matchHeader(name: PresetName, header: string): HeaderMatch | undefined {
  const index = headerIndex(name);
  const key = normalizeHeader(header);
  const direct = index.get(key);
  if (direct !== undefined) return direct;
  const suffixed = CURRENCY_SUFFIX.exec(key);
  if (suffixed === null) return undefined;
  const base = index.get(suffixed[1]);
  return base?.column.currencyInHeader ? { ...base, currency: suffixed[2].toUpperCase() } : undefined;
}

const CURRENCY_SUFFIX = /^(.*?)\s*\(([a-z]{3})\)$/;

const HEADER_INDEXES = new Map<PresetName, Map<string, HeaderMatch>>();

/** Exports differ in capitalisation and spacing between UI versions, so names match loosely. */
function headerIndex(name: PresetName): Map<string, HeaderMatch> {
  let index = HEADER_INDEXES.get(name);
  if (index === undefined) {
    index = new Map();
    for (const column of PRESETS[name].columns) {
      column.headers.forEach((header, rank) => index!.set(normalizeHeader(header), { column, rank }));
    }
    HEADER_INDEXES.set(name, index);
  }
  return index;
}

function normalizeHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}

const CLEANERS: Readonly<Record<CellKind, CellCleaner>> = {
  text: (cell) => nonEmpty(cell),
  number: (cell) => cleanExportNumber(cell),
  date: (cell) => {
    const text = nonEmpty(cell);
    return text === undefined ? undefined : normalizeExportDate(text);
  },
  currency: (cell) => nonEmpty(cell)?.toUpperCase(),
};

/** Exports write `--` (Google, Meta) for "no value"; the field is then absent. */
function nonEmpty(cell: string): string | undefined {
  const text = cell.trim();
  return text === '' || text === '--' ? undefined : text;
}

const EXPORT_NUMBER = /^(-?)[$€£¥]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A number cell as a plain decimal string: thousands separators and a leading
 * currency symbol removed, `--` absent. Kept a string so money stays exact.
 * Anything else is returned trimmed, for validation to reject with its own message.
 * @example cleanExportNumber('1,234.56') // '1234.56'
 */
export function cleanExportNumber(cell: string): string | undefined {
  const text = nonEmpty(cell);
  if (text === undefined) return undefined;
  const match = EXPORT_NUMBER.exec(text);
  return match === null ? text : match[1] + match[2].replaceAll(',', '') + (match[3] ?? '');
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// "Jul 1, 2025", "July 1, 2025", "Tue, Jul 1, 2025"
const MONTH_FIRST = /^(?:[a-z]+,\s*)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
// "1 Jul 2025"
const DAY_FIRST = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

/**
 * A date cell as `YYYY-MM-DD` from the forms exports use: `2025-07-01`,
 * `2025/07/01`, `07/01/2025` (US month first), `Jul 1, 2025`, `1 Jul 2025`.
 * An unrecognised form is returned unchanged, for validation to reject.
 * @example normalizeExportDate('7/1/2025') // '2025-07-01'
 */
export function normalizeExportDate(text: string): string {
  let match = ISO_DATE.exec(text);
  if (match !== null) return formatDate(match[1], Number(match[2]), Number(match[3])) ?? text;
  match = US_DATE.exec(text);
  if (match !== null) return formatDate(match[3], Number(match[1]), Number(match[2])) ?? text;
  match = MONTH_FIRST.exec(text);
  if (match !== null) return formatDate(match[3], monthNumber(match[1]), Number(match[2])) ?? text;
  match = DAY_FIRST.exec(text);
  if (match !== null) return formatDate(match[3], monthNumber(match[2]), Number(match[1])) ?? text;
  return text;
}

function monthNumber(word: string): number {
  return MONTHS[word.slice(0, 3).toLowerCase()] ?? 0;
}

function formatDate(year: string, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
