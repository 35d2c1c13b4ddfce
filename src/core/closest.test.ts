import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean } from './closest.js';

const metrics = ['conversions', 'cvr', 'cpa', 'cpc', 'cpm', 'cost', 'revenue', 'roas', 'ctr', 'clicks', 'impressions', 'sessions'];

describe('closest names', () => {
  it('finds a typo, a missing letter and a plural within a few edits', () => {
    expect(closestNames('conversion', metrics)).toEqual(['conversions']);
    expect(closestNames('revenu', metrics)).toEqual(['revenue']);
    expect(closestNames('impresions', metrics)).toEqual(['impressions']);
  });

  it('ranks the nearest first and caps the list', () => {
    // cpa is 1 edit from "cpx", as are cpc and cpm; ties sort by name.
    expect(closestNames('cpx', metrics)).toEqual(['cpa', 'cpc', 'cpm']);
  });

  it('suggests nothing for a word far from every choice', () => {
    expect(closestNames('banana', metrics)).toEqual([]);
    expect(didYouMean('banana', metrics)).toBe('');
  });

  it('writes the suggestion as a sentence', () => {
    expect(didYouMean('conversion', metrics)).toBe('; did you mean conversions?');
    expect(didYouMean('cpx', metrics)).toBe('; did you mean cpa, cpc or cpm?');
  });
});
