// Writes docs/data.md, the fields a user can send for every source, from the
// schemas that validate records and make /openapi.json (src/model/sources.ts)
// and from the import presets. Run with `npm run docs`; a test fails when the
// checked-in file is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PLATFORM_DEFAULT_CHANNELS } from '../src/model/channel-grouping.js';
import { COLUMN_KIND } from '../src/model/fields.js';
import { SOURCES, SOURCE_NAMES, type SourceName } from '../src/model/sources.js';
import { EARLIEST_DATE, LATEST_DATE, MAX_JSON_DEPTH } from '../src/model/validate.js';
import { PRESET_NAMES, presetColumns } from '../src/ingest/presets.js';
import { RECORD_PRESETS } from '../src/ingest/record-presets/registry.js';

export const DATA_DOCS_FILE = fileURLToPath(new URL('./data.md', import.meta.url));

/** What a field means beyond its type, keyed `source.field`; a test checks every key names a real field. */
export const FIELD_NOTES: Readonly<Record<string, string>> = {
  'events.event_id': 'the first copy of an id is kept; later copies count as duplicates',
  'events.type': 'on-site: `page_view`, `scroll`, `video_start`, `video_progress`, `video_complete`, `lead`, `signup`, `purchase`, `experiment_exposure` (and custom types that carry a `url`); off-site: `ad_impression`, `ad_click`, `email_sent`, `email_delivered`, `email_bounce`, `email_open`, `email_click`, `email_unsubscribe`, `social_impression`, `social_like`, `social_share`, `social_comment`; any other name is a custom event. Conversion types are a workspace setting (default `purchase`)',
  'events.session_id': 'when absent, on-site events are grouped into sessions by 30 minutes of inactivity per person (a workspace setting)',
  'events.url': 'UTM parameters (`utm_source` … `utm_id`) and click ids (`gclid`, `gbraid`, `wbraid`, `msclkid`, `fbclid`, `ttclid`, `li_fat_id`) in its query string are read',
  'events.referrer': "the referrer's host gives the source when there are no UTM tags or click ids",
  'events.utm_source': 'overrides the one read from `url` (likewise the other `utm_` fields)',
  'events.utm_id': 'finds the campaign when `campaign_id` is absent',
  'events.utm_campaign': 'finds the campaign (matched to a campaign id, then a name) when `campaign_id` and `utm_id` are absent',
  'events.utm_content': 'names the ad when it matches a known ad id',
  'events.campaign_id': "explicit campaign; email events carry the newsletter's campaign here or in `utm_campaign`",
  'events.channel': 'explicit channel; else derived from source and medium by the channel rules',
  'events.revenue': 'for conversion events; negative only on a `refund` event',
  'events.currency': "of `revenue`; default: the workspace's currency",
  'events.order_id': 'links a purchase to an order; purchase events with the same `order_id` count as one conversion',
  'events.user_agent': 'known bots and crawlers are left out of web metrics',
  'events.properties': 'free-form; read by Beacon: `percent` (scroll, video), `video_id`, `message_id` (email), `experiment`, `variant`, `device`, `country`, `page_title`. Unknown top-level fields of an event are kept here. In CSV: JSON text',
  'ad_performance.platform': `any name, e.g. \`google_ads\`, \`meta_ads\`; gives the channel when the campaign has none: ${PLATFORM_DEFAULT_CHANNELS.map(
    ([channel, platforms]) => `${platforms.map((p) => `\`${p}\``).join(', ')} → ${channel}`,
  ).join('; ')}`,
  'ad_performance.currency': "of `cost` and `platform_conversion_value`; default: the workspace's currency",
  'ad_performance.platform_conversions': 'what the platform claims, kept apart from first-party conversions',
  'ad_performance.platform_conversion_value': 'what the platform claims, kept apart from first-party revenue',
  'ad_performance.reach': 'platform-reported; not additive over days or campaigns',
  'campaigns.channel': "the channel of the campaign's spend; else the platform's default",
  'campaigns.objective': "picks the campaign's headline KPIs (`GET /v1/campaigns/{id}/kpis`)",
  'campaigns.end_date': 'not before `start_date`',
  'campaigns.budget': 'total budget',
  'orders.customer_id': 'the same id as `user_id` in events',
  'orders.revenue': 'negative only when `status` is `refunded`',
  'orders.currency': "of `revenue`; default: the workspace's currency",
  'orders.gross_margin': 'default: the workspace setting',
  'orders.status': 'default `completed`; only completed orders count as revenue',
  'lifecycle.customer_id': 'the same id as `user_id` in events',
  'lifecycle.stage': 'a customer is active while their latest stage is `customer` or `reactivated`; stage counts are distinct customers',
  'lifecycle.campaign_id': 'the source of the lead',
  'lifecycle.channel': 'the source of the lead',
  'lifecycle.mrr': 'monthly subscription revenue from this point on',
  'surveys.kind': 'sets the score range: `nps` 0–10, `csat` 1–5, `ces` 1–7',
  'surveys.score': 'checked against the range of its `kind`',
  'surveys.customer_id': 'the same id as `user_id` in events',
  'costs.currency': "of `amount`; default: the workspace's currency",
  'costs.period': 'default `day`; `month` spreads the amount evenly over the days of the month starting at `date`',
  'costs.channel': 'absent: the cost is `(unallocated)`, in totals (cac, mer) and in no channel row',
  'fx_rates.currency': 'the currency converted from',
};

/** What a whole source means beyond its fields; a test checks every key names a source. */
export const SOURCE_NOTES: Readonly<Partial<Record<SourceName, string>>> = {
  ad_performance:
    'Send rows at campaign, ad group or ad grain. When one day of a campaign has rows at several grains, metrics use the finest one present, so spend is never counted twice.',
  fx_rates:
    'Money in another currency is converted at the rate of its date, else the latest earlier rate; without any rate the amount is left out of money metrics, never guessed.',
};

type JsonSchema = Record<string, unknown>;

/** The text of docs/data.md for the current schemas and presets. */
export function dataDocsText(): string {
  return [intro(), ...SOURCE_NAMES.map(sourceSection), presetsSection(), recordPresetsSection()].join('\n');
}

function intro(): string {
  return `# Beacon input data

<!-- Generated by \`npm run docs\` (docs/generate-data-docs.ts) from src/model/sources.ts, src/ingest/presets.ts and src/ingest/record-presets/; do not edit. -->

The fields of every source Beacon stores, taken from the same schemas that
validate each record and make the OpenAPI document (\`/openapi.json\`).

**Sending records.** Any source: \`POST /v1/import/{source}\` (a JSON array,
NDJSON or CSV with a header row, by Content-Type; gzip by Content-Encoding)
or \`beacon import <source> <file…>\` (\`.csv\`, \`.ndjson\`, \`.json\`, and \`.gz\`
of each). Events also go to \`POST /v1/events\`. Field names are snake_case.
In CSV every cell is text: numbers are read from their decimal text, an empty
cell is an absent field.

**Re-sending is safe.** Each source has a natural key. An event whose
\`event_id\` is known is a duplicate (the first copy is kept). A table row
whose key is known is a duplicate when identical and an update when changed
(the latest arrival wins).

**Refusals are per record.** A record that breaks a rule below is refused with
its index, its line (CSV, NDJSON), the field and the reason; the other records
of the batch are stored.

| type | how to write it | range |
|---|---|---|
| text | a string | the length given per field |
| timestamp | ISO-8601 with a zone: \`2026-03-01T12:00:00Z\`, \`2026-03-01 14:00:00.250+02:00\`; kept to the millisecond | from ${EARLIEST_DATE} up to a day past the server's clock |
| date | \`YYYY-MM-DD\`, in the workspace time zone | ${EARLIEST_DATE} … ${LATEST_DATE} |
| integer | a whole number (in JSON a number or its text) | given per field, at most 2^53 − 1 |
| number | a decimal number (or its text) | given per field |
| money | a decimal number or decimal text, in the record's \`currency\`; stored exactly (\`DECIMAL(18,6)\`) | given per field |
| currency | an ISO 4217 code | \`USD\`, \`EUR\`, … |
| one of | one of the listed values, exactly | |
| JSON object | an object (in CSV: its JSON text) | nested at most ${MAX_JSON_DEPTH} levels |
`;
}

function sourceSection(name: SourceName): string {
  const source = SOURCES[name];
  const schema = source.schema as unknown as JsonSchema;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const description = String(schema.description ?? '').replace(/\s*\(key: [^)]*\)/, '');
  const extra = schema.additionalProperties === true ? 'kept in `properties`' : 'ignored';
  const rows = Object.entries(schema.properties as Record<string, JsonSchema>).map(([field, property]) =>
    fieldRow(name, field, property, required.has(field)),
  );
  const note = SOURCE_NOTES[name] === undefined ? '' : ` ${SOURCE_NOTES[name]}`;
  return `## ${name}

${description}${note}

- Natural key (idempotency): ${source.key.map((k) => `\`${k}\``).join(', ')}
- Date field (what \`/v1/freshness\` reports): \`${source.dateField}\`
- Load: \`POST /v1/import/${name}\`${name === 'events' ? ' or `POST /v1/events`' : ''}, \`beacon import ${name} FILE\`
- Fields not listed: ${extra}

| field | type | required | values | notes |
|---|---|---|---|---|
${rows.join('\n')}
`;
}

function fieldRow(source: SourceName, field: string, property: JsonSchema, required: boolean): string {
  const { type, values } = describeType(property);
  const emptyInKey = SOURCES[source].emptyKeyDefaults?.includes(field) ? 'absent: stored as an empty string, part of the key' : undefined;
  const notes = [property.description, emptyInKey, FIELD_NOTES[`${source}.${field}`]].filter((n) => typeof n === 'string' && n !== '');
  return `| \`${field}\` | ${type} | ${required ? 'yes' : 'no'} | ${values} | ${escapeCell(notes.join('; '))} |`;
}

/** The documented type and allowed values of one field schema; an unknown shape is a bug here, not a guess. */
export function describeType(property: JsonSchema): { type: string; values: string } {
  const kind = property[COLUMN_KIND];
  if (Array.isArray(property.anyOf)) return { type: 'one of', values: property.anyOf.map((o: JsonSchema) => `\`${String(o.const)}\``).join(', ') };
  if (kind === 'timestamp') return { type: 'timestamp', values: `${EARLIEST_DATE} … a day past now` };
  if (kind === 'date') return { type: 'date', values: `${EARLIEST_DATE} … ${LATEST_DATE}` };
  if (kind === 'json') return { type: 'JSON object', values: `≤ ${MAX_JSON_DEPTH} levels` };
  if (kind === 'string' && property.pattern === '^[A-Z]{3}$') return { type: 'currency', values: 'ISO 4217' };
  if (kind === 'string') return { type: 'text', values: lengthRange(property) };
  if (kind === 'integer' || kind === 'number' || kind === 'money') return { type: kind, values: numberRange(property) };
  throw new Error(`docs/data.md cannot describe the field schema ${JSON.stringify(property)}`);
}

function lengthRange(property: JsonSchema): string {
  const min = Number(property.minLength ?? 0);
  const max = Number(property.maxLength);
  return min > 0 ? `${min}–${formatNumber(max)} characters` : `≤ ${formatNumber(max)} characters`;
}

function numberRange(property: JsonSchema): string {
  const { minimum, maximum, exclusiveMinimum } = property as { minimum?: number; maximum?: number; exclusiveMinimum?: number };
  // Every integer's ceiling, 2^53 − 1, is stated once in the type table.
  const max = maximum === undefined || maximum === Number.MAX_SAFE_INTEGER ? undefined : maximum;
  if (exclusiveMinimum !== undefined) return max === undefined ? `> ${exclusiveMinimum}` : `> ${exclusiveMinimum}, ≤ ${formatNumber(max)}`;
  if (minimum === undefined) return max === undefined ? 'any' : `≤ ${formatNumber(max)}`;
  if (minimum < 0) return `${formatNumber(minimum)} … ${formatNumber(max ?? Infinity)}`;
  return max === undefined ? `≥ ${minimum}` : `${minimum} … ${formatNumber(max)}`;
}

function formatNumber(n: number): string {
  return n < 0 ? `−${formatNumber(-n)}` : n.toLocaleString('en-US');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function presetsSection(): string {
  const sections = PRESET_NAMES.map((name) => {
    const { platform, columns } = presetColumns(name);
    const rows = columns.map(
      ({ field, headers, currencyInHeader }) =>
        `| \`${field}\` | ${headers.map((h) => `\`${h}\``).join(', ')}${currencyInHeader ? ` (a currency in the header, \`${headers[0]} (EUR)\`, sets \`currency\`)` : ''} |`,
    );
    return `### ${name}

Sets \`platform\` to \`${platform}\`.

| field | export headers (the first one present wins) |
|---|---|
${rows.join('\n')}
`;
  });
  return `## Import presets (ad_performance)

\`beacon import ad_performance FILE --preset NAME\` (or \`?preset=NAME\` on
\`POST /v1/import/ad_performance\`) reads an ad platform's CSV export as it is
downloaded: report-title lines above the header and "Total" rows below the
data are skipped, thousands separators and a leading currency symbol are
removed from numbers, \`--\` is an empty cell, and dates may be written
\`2025-07-01\`, \`2025/07/01\`, \`07/01/2025\` (month first), \`Jul 1, 2025\` or
\`1 Jul 2025\`. Headers match without regard to case or repeated spaces; other
columns pass through under their own name. For any other layout, name the
columns yourself: \`--map "Spent=cost,Day=date" --platform NAME\` (\`?map=\` and
\`?platform=\` over HTTP); a mapping also overrides a preset for the headers it
names.

${sections.join('\n')}`;
}

function recordPresetsSection(): string {
  const sections = RECORD_PRESETS.map((preset) => `### ${preset.name}

Fills \`${preset.source}\`; reads ${preset.formats.map((f) => `\`${f}\``).join(', ')}. ${preset.doc.reads}

${preset.doc.mapping.map((line) => `- ${line}`).join('\n')}
`);
  return `## Import presets (other marketing tools)

\`beacon import SOURCE FILE --preset NAME\` (or \`?preset=NAME\` on
\`POST /v1/import/{source}\`) reads a marketing tool's export and turns each
row into zero or more records of the preset's source; a preset named for
another source is refused. A row the preset cannot read is refused with its
line (CSV, NDJSON) or index (JSON array) and the reason, and the rows beside
it are stored. CSV exports may start with a byte order mark and with title
lines above the header. Date-times written without a zone are read in the
zone given by \`--assume-timezone ZONE\` (\`?assume_timezone=\`) and refused
without one; a day-month order that depends on the exporting account's
locale (\`05.03.2024\`, \`05/03/2024 14:22\`) is refused, never guessed.
\`--map "Header=Name"\` renames an export's columns to the names below first.

${sections.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(DATA_DOCS_FILE, dataDocsText());
  console.log(`wrote ${DATA_DOCS_FILE}`);
}
