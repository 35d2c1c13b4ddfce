// docs/data.md, the fields a user can import, against the schemas it is
// generated from and against the OpenAPI document the server serves.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DATA_DOCS_FILE, FIELD_NOTES, SOURCE_NOTES, dataDocsText, describeType } from '../docs/generate-data-docs.js';
import { PRESET_NAMES, presetColumns } from '../src/ingest/presets.js';
import { RECORD_PRESETS } from '../src/ingest/record-presets/registry.js';
import { SOURCES, SOURCE_NAMES } from '../src/model/sources.js';
import { buildOpenApi } from '../src/server/openapi.js';

/** One `## source` section of the Markdown: its bullet lines and its field table. */
function section(markdown: string, source: string): { key: string[]; dateField: string; fields: Map<string, { required: boolean; cells: string[] }> } {
  const start = markdown.indexOf(`\n## ${source}\n`);
  expect(start, `docs/data.md has no section "## ${source}"`).toBeGreaterThan(-1);
  const text = markdown.slice(start + 1, markdown.indexOf('\n## ', start + 1));
  const bullet = (label: string) => [...text.matchAll(/^- (.+?): (.+)$/gm)].find((m) => m[1].startsWith(label))?.[2] ?? '';
  const fields = new Map<string, { required: boolean; cells: string[] }>();
  for (const m of text.matchAll(/^\| `([a-z_]+)` \| (.+) \|$/gm)) {
    const cells = m[2].split(' | ');
    fields.set(m[1], { required: cells[1] === 'yes', cells });
  }
  return { key: [...bullet('Natural key').matchAll(/`([a-z_]+)`/g)].map((k) => k[1]), dateField: bullet('Date field').replaceAll('`', ''), fields };
}

describe('docs/data.md', () => {
  it('is the generator output for the current schemas and presets', async () => {
    const committed = await readFile(DATA_DOCS_FILE, 'utf8');
    expect(committed, 'docs/data.md is stale: run `npm run docs` and commit it').toBe(dataDocsText());
  });

  it("lists each source's fields and required flags exactly as /openapi.json does", async () => {
    const markdown = await readFile(DATA_DOCS_FILE, 'utf8');
    const components = (buildOpenApi('test').components as { schemas: Record<string, { properties: object; required?: string[]; description: string }> }).schemas;
    for (const source of SOURCE_NAMES) {
      const documented = section(markdown, source);
      const api = components[source];
      expect([...documented.fields.keys()], source).toEqual(Object.keys(api.properties));
      const required = [...documented.fields].filter(([, f]) => f.required).map(([name]) => name);
      expect(required.sort(), source).toEqual([...(api.required ?? [])].sort());
      // The schema's description names the key by hand; the table's key comes from SOURCES: both must agree.
      const described = /\(key: ([^)]+)\)/.exec(api.description)?.[1].split(/,\s*/);
      expect(documented.key, source).toEqual(described);
      expect(documented.key.every((k) => documented.fields.has(k)), `${source}: key fields are fields`).toBe(true);
      expect(documented.fields.has(documented.dateField), `${source}: date field ${documented.dateField}`).toBe(true);
    }
  });

  it('states enum values and ranges from the schemas', async () => {
    const markdown = await readFile(DATA_DOCS_FILE, 'utf8');
    const cells = (source: string, field: string) => section(markdown, source).fields.get(field)!.cells;
    expect(cells('surveys', 'kind')).toEqual(['one of', 'yes', '`nps`, `csat`, `ces`', expect.stringContaining('`ces` 1–7')]);
    expect(cells('lifecycle', 'stage')[2]).toBe('`lead`, `mql`, `sql`, `opportunity`, `customer`, `churned`, `reactivated`');
    expect(cells('orders', 'gross_margin').slice(0, 3)).toEqual(['number', 'no', '0 … 1']);
    expect(cells('fx_rates', 'rate').slice(0, 3)).toEqual(['number', 'yes', '> 0']);
    expect(cells('ad_performance', 'cost').slice(0, 3)).toEqual(['money', 'yes', '0 … 999,999,999,999']);
    expect(cells('orders', 'revenue')[2]).toBe('−999,999,999,999 … 999,999,999,999');
    expect(cells('events', 'event_id').slice(0, 3)).toEqual(['text', 'yes', '1–128 characters']);
    expect(cells('events', 'currency').slice(0, 3)).toEqual(['currency', 'no', 'ISO 4217']);
    expect(cells('ad_performance', 'ad_id')[3]).toContain('absent: stored as an empty string');
  });

  it("lists every preset's headers under fields of ad_performance", async () => {
    const markdown = await readFile(DATA_DOCS_FILE, 'utf8');
    const fields = Object.keys(SOURCES.ad_performance.schema.properties);
    for (const name of PRESET_NAMES) {
      const { columns } = presetColumns(name);
      expect(markdown).toContain(`### ${name}\n`);
      for (const column of columns) {
        expect(fields, `${name} maps to ${column.field}`).toContain(column.field);
        expect(markdown).toContain(`| \`${column.field}\` | ${column.headers.map((h) => `\`${h}\``).join(', ')}`);
      }
    }
    expect(markdown).toContain('| `impressions` | `Impr.`, `Impressions` |');
  });

  it('lists every record preset with the source it fills and the formats it reads', async () => {
    const markdown = await readFile(DATA_DOCS_FILE, 'utf8');
    for (const preset of RECORD_PRESETS) {
      expect(SOURCE_NAMES as readonly string[], preset.name).toContain(preset.source);
      expect(markdown).toContain(`### ${preset.name}\n\nFills \`${preset.source}\`; reads ${preset.formats.map((f) => `\`${f}\``).join(', ')}.`);
    }
  });

  it('keeps its notes on fields and sources that exist', () => {
    for (const key of Object.keys(FIELD_NOTES)) {
      const [source, field] = key.split('.');
      expect(SOURCE_NAMES as readonly string[], key).toContain(source);
      expect(Object.keys(SOURCES[source as keyof typeof SOURCES].schema.properties), key).toContain(field);
    }
    for (const source of Object.keys(SOURCE_NOTES)) expect(SOURCE_NAMES as readonly string[]).toContain(source);
  });

  it('refuses to describe a field shape it does not know instead of guessing', () => {
    expect(() => describeType({ type: 'array', 'x-beacon-kind': 'list' })).toThrow(/cannot describe/);
  });
});
