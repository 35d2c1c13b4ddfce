import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../frame/url-state';
import { childQuery, csvCell, linesToCsv, parseSort, pathKey, toggleExpanded, visibleLines, type Loaded } from './drill-tree';

const state = parseViewState('?from=2026-11-01&to=2026-11-30&platform=meta_ads', '2026-12-07').state;

describe('the drill-down tree', () => {
  it('asks for the next level, filtered to the row it opens', () => {
    const body = childQuery(state, ['Paid Social', 'c1']);
    expect(body.dimensions).toEqual(['ad_group']);
    expect(body.filters).toEqual([
      { dimension: 'platform', op: 'in', values: ['meta_ads'] },
      { dimension: 'channel', op: 'eq', values: ['Paid Social'] },
      { dimension: 'campaign', op: 'eq', values: ['c1'] },
    ]);
  });

  it('shows open rows followed by their children, each level sorted; (none) rows do not open', () => {
    const loaded = new Map<string, Loaded>([
      [pathKey([]), { rows: [{ channel: 'Search', cost: 5 }, { channel: 'Social', cost: 9 }, { channel: '(none)', cost: 0 }] }],
      [pathKey(['Social']), { rows: [{ campaign: 'b', cost: 4 }, { campaign: 'a', cost: 4 }] }],
    ]);
    const lines = visibleLines(loaded, new Set([pathKey(['Social'])]), parseSort(null));
    expect(lines.map((l) => (l.kind === 'row' ? l.path.join('/') : l.kind))).toEqual(['Social', 'Social/a', 'Social/b', 'Search', '(none)']);
    expect(lines.find((l) => l.kind === 'row' && l.path[0] === '(none)')).toMatchObject({ expandable: false });
    const ascending = visibleLines(loaded, new Set(), parseSort('cost:asc'));
    expect(ascending.map((l) => (l.kind === 'row' ? l.path[0] : ''))).toEqual(['(none)', 'Search', 'Social']);
  });

  it('shows a level still loading, or its error, in place', () => {
    const loaded = new Map<string, Loaded>([[pathKey([]), { rows: [{ channel: 'Social', cost: 1 }] }], [pathKey(['Social']), { error: new Error('boom') }]]);
    expect(visibleLines(loaded, new Set([pathKey(['Social'])]), parseSort(null)).map((l) => l.kind)).toEqual(['row', 'error']);
    expect(visibleLines(new Map(), new Set(), parseSort(null)).map((l) => l.kind)).toEqual(['loading']);
  });

  it('closing a row closes what was opened below it, and only that', () => {
    const open = new Set([pathKey(['Paid']), pathKey(['Paid', 'c1']), pathKey(['Paid Social']), pathKey(['Paid Social', 'c2'])]);
    expect([...toggleExpanded(open, pathKey(['Paid']))]).toEqual([pathKey(['Paid Social']), pathKey(['Paid Social', 'c2'])]);
  });

  it('an unknown sort falls back to cost, highest first', () => {
    expect(parseSort('evil:asc')).toEqual({ field: 'cost', direction: 'desc' });
    expect(parseSort('name:asc')).toEqual({ field: 'name', direction: 'asc' });
  });

  it('writes CSV a spreadsheet reads safely: quoted where needed, formulas defused', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-12.5')).toBe('-12.5');
    const loaded = new Map<string, Loaded>([[pathKey([]), { rows: [{ channel: 'Social', cost: 12.5, roas: null }] }]]);
    const csv = linesToCsv(visibleLines(loaded, new Set(), parseSort(null)));
    expect(csv.split('\r\n')[1]).toBe('Social,,,,Social,12.5,,,,,,,,');
  });
});
