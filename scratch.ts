import { renderDuckDbQuery } from './src/warehouse/duckdb/duckdb-relations.js';
import { createDuckDbWarehouse } from './src/warehouse/duckdb/duckdb-warehouse.js';
import { col, countRows } from './src/sql/ast.js';
const w = await createDuckDbWarehouse({ path: ':memory:' });
const ctx = { workspace: 'w', currency: 'USD', timeZone: 'UTC', grossMargin: 0.4, botFiltering: true, attribution: { model: 'last_non_direct' as const, lookback_days: 7 }, storedLookbackDays: 30, stageWindowDays: 90 };
const st = renderDuckDbQuery({ from: { name: 'conversion_facts' }, columns: [{ alias: 'n', expr: countRows() }, { alias: 'c', expr: col('channel') }], where: [], groupBy: ['c'] }, ctx);
try { console.log(await w.query(st)); } catch (e) { console.log((e as Error).message); console.log(st.sql); console.log(st.params); }
await w.close();
