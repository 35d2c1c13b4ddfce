// Checks the custom-metric formula parser, evaluator, printer, validator and
// expander. Every expected tree, number and message is written out by hand.

import { describe, expect, it } from 'vitest';
import {
  checkCustomMetrics,
  evaluateFormula,
  expandFormula,
  formatFormula,
  FormulaError,
  formulaMetricIds,
  parseFormula,
  type FormulaNode,
} from './formula.js';

const num = (value: number): FormulaNode => ({ kind: 'number', value });
const m = (id: string): FormulaNode => ({ kind: 'metric', id });
const neg = (operand: FormulaNode): FormulaNode => ({ kind: 'negate', operand });
const bin = (op: '+' | '-' | '*' | '/', left: FormulaNode, right: FormulaNode): FormulaNode => ({ kind: 'binary', op, left, right });
const values = (record: Record<string, number | null>) => (id: string) => record[id] ?? null;
const OPERAND = 'expected a metric id, a number or "("';

function errorOf(text: string): FormulaError {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" not to parse`);
}

describe('parseFormula', () => {
  it('binds * and / tighter than + and -', () => {
    expect(parseFormula('a + b * c')).toEqual(bin('+', m('a'), bin('*', m('b'), m('c'))));
    expect(parseFormula('a * b - c / d')).toEqual(bin('-', bin('*', m('a'), m('b')), bin('/', m('c'), m('d'))));
    expect(parseFormula('(a + b) * c')).toEqual(bin('*', bin('+', m('a'), m('b')), m('c')));
  });

  it('is left associative', () => {
    expect(parseFormula('a - b - c')).toEqual(bin('-', bin('-', m('a'), m('b')), m('c')));
    expect(parseFormula('a / b * c')).toEqual(bin('*', bin('/', m('a'), m('b')), m('c')));
    expect(parseFormula('a - (b - c)')).toEqual(bin('-', m('a'), bin('-', m('b'), m('c'))));
  });

  it('binds unary minus tighter than * and /', () => {
    expect(parseFormula('-a * b')).toEqual(bin('*', neg(m('a')), m('b')));
    expect(parseFormula('a - -b')).toEqual(bin('-', m('a'), neg(m('b'))));
    expect(parseFormula('--a')).toEqual(neg(neg(m('a'))));
    expect(parseFormula('-(a + b)')).toEqual(neg(bin('+', m('a'), m('b'))));
  });

  it('reads numbers', () => {
    expect(parseFormula('12')).toEqual(num(12));
    expect(parseFormula('0.5')).toEqual(num(0.5));
    expect(parseFormula('.5')).toEqual(num(0.5));
    expect(parseFormula('1e3')).toEqual(num(1000));
    expect(parseFormula('2.5E-2')).toEqual(num(0.025));
    expect(parseFormula('revenue_2 * 100')).toEqual(bin('*', m('revenue_2'), num(100)));
  });

  it('accepts ×, ÷ and − as operators, and free whitespace', () => {
    expect(parseFormula('cost × 2 ÷ leads − 1')).toEqual(bin('-', bin('/', bin('*', m('cost'), num(2)), m('leads')), num(1)));
    expect(parseFormula('−a')).toEqual(neg(m('a')));
    expect(parseFormula('  cost\t/\n leads ')).toEqual(bin('/', m('cost'), m('leads')));
    expect(parseFormula('_tmp')).toEqual(m('_tmp'));
  });

  it('accepts up to 500 characters and 50 levels of nesting', () => {
    expect(parseFormula('1+'.repeat(249) + '12')).toMatchObject({ kind: 'binary', op: '+', right: num(12) });
    expect(parseFormula('('.repeat(50) + 'a' + ')'.repeat(50))).toEqual(m('a'));
    expect(parseFormula('-'.repeat(50) + 'a')).toMatchObject({ kind: 'negate' });
  });
});

describe('parseFormula errors', () => {
  const cases: [string, string, number][] = [
    ['cost / )', `unexpected ")" at position 7 — ${OPERAND}`, 7],
    ['cost /', `unexpected end of formula — ${OPERAND}`, 6],
    ['cost%4', 'unknown character "%" at position 4', 4],
    ['', 'empty formula', 0],
    ['   ', 'empty formula', 0],
    ['(cost + leads', 'unexpected end of formula — expected ")" to close "(" at position 0', 13],
    ['cost + leads)', 'unexpected ")" at position 12 — expected an operator', 12],
    ['(a b)', 'unexpected "b" at position 3 — expected an operator or ")"', 3],
    ['cost leads', 'unexpected "leads" at position 5 — expected an operator', 5],
    ['+a', `unexpected "+" at position 0 — ${OPERAND}`, 0],
    ['()', `unexpected ")" at position 1 — ${OPERAND}`, 1],
    ['a * / b', `unexpected "/" at position 4 — ${OPERAND}`, 4],
    ['a × × b', `unexpected "×" at position 4 — ${OPERAND}`, 4],
    ['Cost / leads', 'unknown character "C" at position 0 — metric ids are lower-case', 0],
    ['a + 💰', 'unknown character "💰" at position 4', 4],
    ['2 * 1e999', 'number "1e999" at position 4 is out of range', 4],
    ['1+'.repeat(250) + '1', 'formula is too long: 501 characters (max 500)', 500],
    ['('.repeat(51) + 'a' + ')'.repeat(51), 'formula is nested too deeply at position 50 (max depth 50)', 50],
    ['-'.repeat(51) + 'a', 'formula is nested too deeply at position 50 (max depth 50)', 50],
    ['-('.repeat(30) + 'a', 'formula is nested too deeply at position 50 (max depth 50)', 50],
  ];
  it.each(cases)('rejects %j', (text, message, position) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it('reports deep nesting as an error, not a stack overflow', () => {
    expect(errorOf('('.repeat(450)).position).toBe(50);
  });
});

describe('formulaMetricIds', () => {
  it('lists distinct ids in order of first appearance', () => {
    expect(formulaMetricIds(parseFormula('cost / leads + cost * clicks - -leads'))).toEqual(['cost', 'leads', 'clicks']);
    expect(formulaMetricIds(parseFormula('1 + 2'))).toEqual([]);
  });
});

describe('evaluateFormula', () => {
  const costPerLead = parseFormula('cost / leads');

  it('computes values', () => {
    expect(evaluateFormula(costPerLead, values({ cost: 100, leads: 4 }))).toBe(25);
    expect(evaluateFormula(parseFormula('(cost + fees) / leads'), values({ cost: 100, fees: 20, leads: 4 }))).toBe(30);
    expect(evaluateFormula(parseFormula('2 + 3 * 4'), values({}))).toBe(14);
    expect(evaluateFormula(parseFormula('0 / leads'), values({ leads: 5 }))).toBe(0);
  });

  it('follows precedence and associativity', () => {
    expect(evaluateFormula(parseFormula('a - b - c'), values({ a: 10, b: 3, c: 2 }))).toBe(5);
    expect(evaluateFormula(parseFormula('a / b * c'), values({ a: 12, b: 3, c: 2 }))).toBe(8);
    expect(evaluateFormula(parseFormula('-a * b'), values({ a: 3, b: 4 }))).toBe(-12);
    expect(evaluateFormula(parseFormula('-(a - b)'), values({ a: 3, b: 4 }))).toBe(1);
    expect(evaluateFormula(parseFormula('1+'.repeat(249) + '12'), values({}))).toBe(261);
  });

  it('returns null for division by zero', () => {
    expect(evaluateFormula(costPerLead, values({ cost: 100, leads: 0 }))).toBeNull();
    expect(evaluateFormula(parseFormula('0 / 0'), values({}))).toBeNull();
  });

  it('propagates a null operand', () => {
    expect(evaluateFormula(costPerLead, values({ cost: 100, leads: null }))).toBeNull();
    expect(evaluateFormula(costPerLead, values({ leads: 4 }))).toBeNull();
    expect(evaluateFormula(parseFormula('-cost + 1'), values({}))).toBeNull();
  });

  it('returns null for a non-finite result or value', () => {
    expect(evaluateFormula(parseFormula('a * b'), values({ a: 1e200, b: 1e200 }))).toBeNull();
    expect(evaluateFormula(parseFormula('a + 1'), () => NaN)).toBeNull();
  });
});

describe('formatFormula', () => {
  const cases: [string, string][] = [
    ['(cost + other) / leads', '(cost + other) / leads'],
    ['((a)) - (b - c)', 'a - (b - c)'],
    ['(a - b) - c', 'a - b - c'],
    ['a / (b * c)', 'a / (b * c)'],
    ['(a * b) / c', 'a * b / c'],
    ['a+b*c', 'a + b * c'],
    ['-(a*b)', '-(a * b)'],
    ['(-a)*b', '-a * b'],
    ['a - (-b)', 'a - -b'],
    ['-(-a)', '--a'],
    ['2×x÷.5', '2 * x / 0.5'],
    ['1e3 + y', '1000 + y'],
  ];
  it.each(cases)('prints %j as %j, which parses back to the same tree', (text, printed) => {
    const node = parseFormula(text);
    expect(formatFormula(node)).toBe(printed);
    expect(parseFormula(printed)).toEqual(node);
  });

  it('keeps parentheses a right-nested tree needs', () => {
    const node = bin('+', m('a'), bin('+', m('b'), m('c')));
    expect(formatFormula(node)).toBe('a + (b + c)');
    expect(parseFormula('a + (b + c)')).toEqual(node);
  });

  it('prints large numbers in a form the parser reads back', () => {
    expect(formatFormula(bin('*', m('a'), num(1e21)))).toBe('a * 1e+21');
    expect(parseFormula('a * 1e+21')).toEqual(bin('*', m('a'), num(1e21)));
  });
});

describe('checkCustomMetrics', () => {
  const catalog = new Set(['revenue', 'cost', 'leads', 'clicks']);
  const EVERY = '(beacon metrics, or GET /v1/catalog, lists every metric)';

  it('accepts valid definitions, including ones built on each other', () => {
    const drafts = [
      { id: 'cpl_x2', formula: 'cost_per_lead * 2' },
      { id: 'cost_per_lead', formula: 'cost / leads' },
      { id: 'a'.repeat(64), formula: 'revenue - cost' },
    ];
    expect(checkCustomMetrics(drafts, catalog)).toEqual([]);
  });

  it('rejects malformed ids', () => {
    const rule = 'use 1–64 lower-case letters, digits or "_", starting with a letter';
    const ids = ['Roas', '1x', '_x', 'a'.repeat(65), ''];
    expect(checkCustomMetrics(ids.map((id) => ({ id, formula: 'revenue / cost' })), catalog)).toEqual(
      ids.map((id) => ({ id, message: `invalid metric id "${id}": ${rule}` })),
    );
  });

  it('rejects an id that collides with a catalog id', () => {
    expect(checkCustomMetrics([{ id: 'cost', formula: 'revenue - leads' }], catalog)).toEqual([
      { id: 'cost', message: '"cost" is already a catalog metric' },
    ]);
  });

  it('rejects duplicate ids', () => {
    const drafts = [
      { id: 'roas', formula: 'revenue / cost' },
      { id: 'roas', formula: 'revenue / cost * 100' },
    ];
    expect(checkCustomMetrics(drafts, catalog)).toEqual([{ id: 'roas', message: 'duplicate metric id "roas"' }]);
  });

  it('rejects a formula that does not parse', () => {
    expect(checkCustomMetrics([{ id: 'bad', formula: 'cost / )' }], catalog)).toEqual([
      { id: 'bad', message: `formula does not parse: unexpected ")" at position 7 — ${OPERAND}` },
    ]);
  });

  it('names an unknown id, suggests the nearest catalog ids, and says where the whole list is', () => {
    expect(checkCustomMetrics([{ id: 'x', formula: 'cost / lead + zzzzzz' }], catalog)).toEqual([
      { id: 'x', message: `unknown metric "lead"; did you mean leads? ${EVERY}` },
      { id: 'x', message: `unknown metric "zzzzzz" ${EVERY}` },
    ]);
  });

  it('finds a 2-cycle', () => {
    const drafts = [
      { id: 'a', formula: 'b + 1' },
      { id: 'b', formula: 'a * cost' },
    ];
    expect(checkCustomMetrics(drafts, catalog)).toEqual([{ id: 'a', message: 'circular definition: a → b → a' }]);
  });

  it('finds a 3-cycle', () => {
    const drafts = [
      { id: 'a', formula: 'b' },
      { id: 'b', formula: 'c / leads' },
      { id: 'c', formula: 'a + cost' },
    ];
    expect(checkCustomMetrics(drafts, catalog)).toEqual([{ id: 'a', message: 'circular definition: a → b → c → a' }]);
  });

  it('treats a formula that uses its own id as a cycle', () => {
    expect(checkCustomMetrics([{ id: 'a', formula: 'a + 1' }], catalog)).toEqual([
      { id: 'a', message: 'circular definition: a → a' },
    ]);
  });

  it('finds a cycle reached through a metric outside it', () => {
    const drafts = [
      { id: 'x', formula: 'a + 1' },
      { id: 'a', formula: 'b' },
      { id: 'b', formula: 'a' },
    ];
    expect(checkCustomMetrics(drafts, catalog)).toEqual([{ id: 'a', message: 'circular definition: a → b → a' }]);
  });
});

describe('expandFormula', () => {
  const drafts = new Map<string, FormulaNode>([
    ['cpl', parseFormula('cost / leads')],
    ['cpl_x2', parseFormula('cpl * 2')],
    ['leads_per_cost', parseFormula('1 / cpl')],
    ['margin', parseFormula('revenue - cost')],
    ['margin_per_lead', parseFormula('margin / leads')],
    ['loss', parseFormula('-margin')],
    ['mix', parseFormula('margin_per_lead - cpl')],
  ]);

  it('replaces custom metrics by their formulas', () => {
    expect(expandFormula('cpl_x2', drafts)).toEqual(bin('*', bin('/', m('cost'), m('leads')), num(2)));
    expect(formatFormula(expandFormula('leads_per_cost', drafts))).toBe('1 / (cost / leads)');
    expect(formatFormula(expandFormula('loss', drafts))).toBe('-(revenue - cost)');
  });

  it('expands recursively down to catalog ids', () => {
    const mix = expandFormula('mix', drafts);
    expect(formatFormula(mix)).toBe('(revenue - cost) / leads - cost / leads');
    expect(formulaMetricIds(mix)).toEqual(['revenue', 'cost', 'leads']);
    // revenue 500, cost 100, leads 4: (500 - 100) / 4 - 100 / 4 = 100 - 25 = 75
    expect(evaluateFormula(mix, values({ revenue: 500, cost: 100, leads: 4 }))).toBe(75);
  });

  it('leaves a catalog-only formula unchanged', () => {
    expect(expandFormula('cpl', drafts)).toEqual(bin('/', m('cost'), m('leads')));
  });

  it('throws on an unknown id or a cycle instead of overflowing the stack', () => {
    expect(() => expandFormula('nope', drafts)).toThrow('unknown custom metric "nope"');
    const cyclic = new Map([['a', parseFormula('b')], ['b', parseFormula('a + 1')]]);
    expect(() => expandFormula('a', cyclic)).toThrow('circular definition through "a"');
  });
});
