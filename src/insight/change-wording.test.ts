import { describe, expect, it } from 'vitest';
import { driverSentence, percent, plain, segmentSentence, signed } from './change-wording.js';

describe('change wording', () => {
  it('writes numbers for people', () => {
    expect([signed(3.1), signed(-4.2), signed(0), signed(-0.01234)]).toEqual(['+3.10', '-4.20', '+0', '-0.0123']);
    expect([plain(4.4), plain(0.5), percent(-12.345), percent(10)]).toEqual(['4.40', '0.5', '12.3 %', '10 %']);
  });

  it('says how a part moved and what it did to the KPI', () => {
    expect(driverSentence('CPC', 1, 1.1, 2.1364, 5, 'CPA')).toBe('CPC rose 10 %: +2.14 of the +5.00 CPA change');
    expect(driverSentence('CVR', 5, 4.4, 2.8636, 5, 'CPA')).toBe('CVR fell 12 %: +2.86 of the +5.00 CPA change');
    expect(driverSentence('Cost', 0, 50, 50, 50, 'Cost')).toBe('Cost went from 0 to 50.00: +50.00 of the +50.00 Cost change');
    expect(driverSentence('Clicks', 7, 7, 0, 1, 'CTR')).toBe('Clicks was unchanged: +0 of the +1.00 CTR change');
  });

  it('tags segments that came or went', () => {
    expect(segmentSentence('Search', 'both', 1.2, 5, 'CPA', 1.5, -0.3)).toBe('Search: +1.20 of the +5.00 CPA change (rate +1.50, mix -0.3)');
    expect(segmentSentence('TikTok', 'new', 2, 5, 'CPA', 0, 2)).toBe('TikTok (new): +2.00 of the +5.00 CPA change');
  });
});
