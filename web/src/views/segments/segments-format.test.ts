// The segments table's cells and the words around it, worked out by hand.
import { describe, expect, it } from 'vitest';
import type { FlaggedSegment } from '../../api/client';
import { dimensionsWords, falseDiscoveryWords, flaggedWords, formatProbability, segmentRows } from './segments-format';

const segment = (s: Partial<FlaggedSegment>): FlaggedSegment => ({
  key: 'k',
  values: {},
  campaign_name: null,
  numerator: 0,
  denominator: 0,
  value: null,
  shrunk: 0,
  workspace_value: 0,
  probability_worse: 0,
  spend: 0,
  excess_cost: 0,
  spend_at_stake: 0,
  ...s,
});

describe('formatProbability', () => {
  it('writes a % with one decimal, "> 99.9%" once it rounds to certainty', () => {
    expect([formatProbability(1), formatProbability(0.9996), formatProbability(0.9994), formatProbability(0.5)]).toEqual(['> 99.9%', '> 99.9%', '99.9%', '50.0%']);
  });
});

describe('segmentRows', () => {
  it('names a campaign by its name with its id beside it, and writes the KPI and the money', () => {
    const [row] = segmentRows(
      [
        segment({
          key: 'Paid Social · cmp_linkedin',
          values: { channel: 'Paid Social', campaign: 'cmp_linkedin' },
          campaign_name: 'LinkedIn – Gifting',
          value: 0.42992,
          shrunk: 0.43003,
          probability_worse: 1,
          spend: 12202.92,
          spend_at_stake: 8780.08,
        }),
      ],
      { unit: 'percent', currency: 'USD' },
    );
    expect(row).toEqual({
      key: 'Paid Social · cmp_linkedin',
      name: 'Paid Social · LinkedIn – Gifting',
      detail: 'cmp_linkedin',
      value: '0.43%',
      shrunk: '0.43%',
      probability: '> 99.9%',
      spend: '$12,203',
      atStake: '$8,780',
    });
  });
  it('names a segment without a value "(none)", and leaves out the detail without a campaign', () => {
    const [row] = segmentRows([segment({ key: '(none)', values: { device: null }, value: null, shrunk: 12.5, spend: 99.5, spend_at_stake: 10.125 })], { unit: 'money', currency: 'EUR' });
    expect([row.name, row.detail, row.value, row.shrunk, row.spend, row.atStake]).toEqual(['(none)', null, '—', '€12.50', '€99.50', '€10.13']);
  });
});

describe('flaggedWords', () => {
  const flagged = [segment({}), segment({})];
  it('counts the flagged among the judged', () => {
    expect(flaggedWords({ assessed: 7, segments: flagged, dimensions: ['channel', 'campaign'], label: 'CTR' })).toBe('2 of the 7 channel × campaign segments judged are clearly worse than the workspace on CTR.');
    expect(flaggedWords({ assessed: 4, segments: [], dimensions: ['ad_group'], label: 'CPA' })).toBe('None of the 4 ad group segments judged is clearly worse than the workspace on CPA.');
    expect(flaggedWords({ assessed: 0, segments: [], dimensions: ['campaign'], label: 'CPA' })).toBe('No campaign segment had data to judge.');
  });
});

describe('falseDiscoveryWords', () => {
  const two = [segment({}), segment({})];
  it('says how many flags may be false against the share allowed', () => {
    // 0.03 of 2 flags is 0.06 of a flag, shown as 0.1.
    expect(falseDiscoveryWords({ expected_false_discovery_rate: 0.03, max_false_discovery_rate: 0.05, segments: two })).toBe('About 3% of these flags (0.1 of 2) may be false alarms; at most 5% is allowed.');
    expect(falseDiscoveryWords({ expected_false_discovery_rate: 0, max_false_discovery_rate: 0.05, segments: two })).toBe('Practically none of these flags is expected to be a false alarm (at most 5% is allowed).');
    expect(falseDiscoveryWords({ expected_false_discovery_rate: 0.0004, max_false_discovery_rate: 0.1, segments: two })).toBe('Under 0.1% of these flags may be false alarms; at most 10% is allowed.');
  });
  it('says the rule when nothing is flagged', () => {
    expect(falseDiscoveryWords({ expected_false_discovery_rate: null, max_false_discovery_rate: 0.05, segments: [] })).toBe('A segment is flagged only while the expected share of false flags stays within 5%.');
  });
});

describe('dimensionsWords', () => {
  it('joins the dimensions with ×', () => {
    expect(dimensionsWords(['channel', 'landing_page'])).toBe('channel × landing page');
  });
});
