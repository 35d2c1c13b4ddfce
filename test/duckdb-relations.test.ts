// Every relation of the DuckDB engine rendered and run on a real, empty DuckDB
// file, and the credited touch of each attribution model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { col, countRows } from '../src/sql/ast.js';
import { RELATION_NAMES, type RelationContext } from '../src/sql/relations.js';
import { renderDuckDbQuery } from '../src/warehouse/duckdb/duckdb-relations.js';
import { createDuckDbWarehouse, type DuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { tempDir } from './support/temp-dir.js';

describe('DuckDB relations', () => {
  const dir = tempDir('dialect');
  let warehouse: DuckDbWarehouse;
  const context: RelationContext = {
    workspace: 'w',
    currency: 'USD',
    timeZone: 'America/New_York',
    grossMargin: 0.4,
    botFiltering: true,
    attribution: { model: 'last_non_direct', lookback_days: 30 },
    storedLookbackDays: 30,
    stageWindowDays: 90,
    acquisitionTouch: 'first_touch',
  };
  beforeAll(async () => {
    warehouse = await createDuckDbWarehouse({ path: `${dir.path}/w.duckdb` });
  });
  afterAll(async () => {
    await warehouse.close();
    dir.remove();
  });

  it.each(RELATION_NAMES)('%s renders and runs (empty workspace → no rows)', async (name) => {
    const statement = renderDuckDbQuery({ from: { name }, columns: [{ alias: 'n', expr: countRows() }], where: [], groupBy: [] }, context);
    expect(await warehouse.query(statement)).toEqual([{ n: '0' }]);
  });

  it('each model of conversion_facts renders a different credited touch', () => {
    const render = (model: RelationContext['attribution']['model']) =>
      renderDuckDbQuery(
        { from: { name: 'conversion_facts' }, columns: [{ alias: 'c', expr: col('channel') }], where: [], groupBy: [] },
        { ...context, attribution: { model, lookback_days: 45 } },
      ).sql;
    // The path's touch with the least order key, the greatest, or the greatest after the non-Direct bonus.
    expect(render('first_touch')).toMatch(/list_sort\(list_transform\(path, .*'ASC'\)/);
    expect(render('last_touch')).toMatch(/list_sort\(list_transform\(path, .*'DESC'\)/);
    expect(render('last_touch')).not.toContain('8796093022208');
    expect(render('last_non_direct')).toMatch(/CASE WHEN coalesce\(\(e\)\."channel" <> \$p\d+, false\) THEN 8796093022208 ELSE 0 END/);
  });
});
