import { describe, expect, it } from 'vitest';
import { unescapeTsv } from './clickhouse-event-ids.js';

describe('unescapeTsv', () => {
  it('reads back the escapes TabSeparated writes in a String', () => {
    expect(unescapeTsv('plain')).toBe('plain');
    expect(unescapeTsv('tab\\there')).toBe('tab\there');
    expect(unescapeTsv('line\\nbreak\\r')).toBe('line\nbreak\r');
    expect(unescapeTsv('back\\\\slash\\\\')).toBe('back\\slash\\');
    expect(unescapeTsv("quote\\'")).toBe("quote'");
    expect(unescapeTsv('nul\\0')).toBe('nul\u0000');
    expect(unescapeTsv('\\\\n')).toBe('\\n');
  });
});
