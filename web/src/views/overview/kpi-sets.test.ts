import { describe, expect, it } from 'vitest';
import { chooseKpis } from './kpi-sets';

const objectives = { awareness: ['impressions', 'reach'] };
const known = new Set(['cost', 'revenue', 'roas', 'cpa', 'conversions', 'ctr', 'impressions', 'reach']);

describe('the KPIs of the tiles', () => {
  it('are the headline set by default, an objective set, or a list of ids', () => {
    expect(chooseKpis(null, objectives, known).metrics).toEqual(['cost', 'revenue', 'roas', 'cpa', 'conversions', 'ctr']);
    expect(chooseKpis('awareness', objectives, known).metrics).toEqual(['impressions', 'reach']);
    expect(chooseKpis('reach,cost', objectives, known).metrics).toEqual(['reach', 'cost']);
  });

  it('name unknown metrics and leave them out; with none left, the headline set', () => {
    const some = chooseKpis('cost,nope', objectives, known);
    expect(some.metrics).toEqual(['cost']);
    expect(some.problems).toEqual(['There is no metric "nope" in the catalog; it is left out.']);
    const none = chooseKpis('nope', objectives, known);
    expect(none.metrics).toHaveLength(6);
    expect(none.problems).toHaveLength(2);
  });
});
