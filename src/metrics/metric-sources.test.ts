import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from './catalog.js';
import { metricSources } from './metric-sources.js';

const sourcesOf = (id: string) => [...metricSources(CATALOG_BY_ID.get(id)!)].sort();

describe('metricSources', () => {
  it('follows each measure of a formula to the source loaded for it', () => {
    // CAC = (media cost + other costs) / new customers: ad rows, cost rows, lifecycle records.
    expect(sourcesOf('cac')).toEqual(['ad_performance', 'costs', 'lifecycle']);
    // ROAS = revenue (tracked conversions, from events) / cost (ad rows).
    expect(sourcesOf('roas')).toEqual(['ad_performance', 'events']);
    expect(sourcesOf('nps')).toEqual(['surveys']);
  });

  it('names a source once however many facts come from it', () => {
    // Visitors and sessions both come from events.
    expect(metricSources({ facts: ['events', 'sessions', 'conversions'] })).toEqual(['events']);
  });
});
