// Every relation of the ClickHouse engine reads one workspace.
import { describe, expect, it } from 'vitest';
import { countRows, type Select } from '../../sql/ast.js';
import { quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { RELATION_NAMES, type RelationContext } from '../../sql/relations.js';
import { renderClickHouseQuery } from './clickhouse-relations.js';

describe('ClickHouse relations', () => {
  const context: RelationContext = {
    workspace: 'w',
    currency: 'USD',
    timeZone: 'UTC',
    grossMargin: 0.4,
    botFiltering: true,
    attribution: { model: 'last_non_direct', lookback_days: 30 },
    storedLookbackDays: 30,
    stageWindowDays: 90,
    acquisitionTouch: 'first_touch',
  };

  it('defines every relation over the workspace', () => {
    for (const name of RELATION_NAMES) {
      const select: Select = { from: { name }, columns: [{ alias: 'n', expr: countRows() }], where: [], groupBy: [] };
      expect(renderClickHouseQuery(select, context).sql, name).toContain(quoteString(context.workspace));
    }
  });
});
