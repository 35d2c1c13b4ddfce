import { describe, expect, it } from 'vitest';
import { unstorableText } from './stored-text.js';

describe('unstorableText', () => {
  it('names the first field holding a lone surrogate or a NUL, nested ones and keys included', () => {
    expect(unstorableText({ label: 'ok', filters: [{ values: ['fine', 'bad\ud800'] }] })).toEqual({
      field: 'filters[0].values[1]',
      message: 'holds a lone surrogate (e.g. "\\ud800"), which is not valid Unicode text',
    });
    expect(unstorableText({ label: 'a\u0000b' })).toEqual({ field: 'label', message: 'holds a NUL character' });
    expect(unstorableText({ extra: { ['k\udc00']: 1 } })?.field).toBe('extra.k\udc00');
    expect(unstorableText(['\ud83d'])?.field).toBe('[0]');
  });

  it('accepts well-formed text, emoji (a surrogate pair) included, and non-text values', () => {
    expect(unstorableText({ label: 'Ünïcødé 😀', n: 1, ok: true, none: null, list: [1, 'x'] })).toBeUndefined();
  });

  it('walks a body nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'leaf\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableText({ deep })?.message).toContain('lone surrogate');
  });
});
