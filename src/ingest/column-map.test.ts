import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { applyColumnMap, parseColumnMap } from './column-map.js';

describe('parseColumnMap', () => {
  it('reads pairs, trimming around names that hold spaces and parentheses', () => {
    expect([...parseColumnMap(' Amount spent (USD) = cost ,Day=date,Impr.=impressions')]).toEqual([
      ['Amount spent (USD)', 'cost'],
      ['Day', 'date'],
      ['Impr.', 'impressions'],
    ]);
  });

  it('splits at the last "=" so a header may contain one', () => {
    expect([...parseColumnMap('a=b=field')]).toEqual([['a=b', 'field']]);
  });

  it.each([
    ['Spent', 'Spent'],
    ['=cost', '=cost'],
    ['Spent=', 'Spent='],
    ['a=b,,c=d', ''],
    ['Spent=not a field', 'Spent=not a field'],
  ])('rejects %j, naming the bad pair', (spec, pair) => {
    expect(() => parseColumnMap(spec)).toThrow(ValidationError);
    expect(() => parseColumnMap(spec)).toThrow(`"${pair}"`);
  });

  it('rejects an empty mapping and a header mapped twice', () => {
    expect(() => parseColumnMap('  ')).toThrow(ValidationError);
    expect(() => parseColumnMap('Cost=cost,Cost=amount')).toThrow(/mapped twice/);
  });
});

describe('applyColumnMap', () => {
  it('renames mapped keys, passes the rest, and lets a mapped key win a clash', () => {
    const map = parseColumnMap('Spent=cost,Day=date');
    expect(applyColumnMap({ Spent: '3', cost: 'old', other: 1 }, map)).toEqual({ cost: '3', other: 1 });
  });

  it('returns the same record for an empty map', () => {
    const record = { a: 1 };
    expect(applyColumnMap(record, new Map())).toBe(record);
  });

  it('keeps a "__proto__" key as data instead of a prototype', () => {
    const record = JSON.parse('{"__proto__":{"polluted":true},"x":1}') as Record<string, unknown>;
    const out = applyColumnMap(record, parseColumnMap('x=y'));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['__proto__', 'y']);
  });
});
