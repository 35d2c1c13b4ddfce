import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { formatFromContentType, formatFromFileName } from './input-format.js';

describe('formatFromFileName', () => {
  it.each([
    ['spend.csv', 'csv'],
    ['Spend.TSV', 'csv'],
    ['events.ndjson', 'ndjson'],
    ['events.jsonl.gz', 'ndjson'],
    ['/tmp/orders.json', 'json'],
    ['report.2025-07.csv.gz', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(formatFromFileName(name)).toBe(format);
  });

  it.each(['data.xlsx', 'noextension', 'archive.gz', 'x.constructor'])('rejects %s, naming the accepted extensions', (name) => {
    expect(() => formatFromFileName(name)).toThrow(ValidationError);
    expect(() => formatFromFileName(name)).toThrow(/\.csv, \.tsv, \.ndjson, \.jsonl or \.json/);
  });
});

describe('formatFromContentType', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/x-ndjson', 'ndjson'],
    ['application/ndjson', 'ndjson'],
    ['application/jsonl', 'ndjson'],
    ['application/x-jsonlines', 'ndjson'],
    ['text/csv;charset=UTF-8', 'csv'],
    ['Application/CSV', 'csv'],
  ])('%s is %s', (contentType, format) => {
    expect(formatFromContentType(contentType)).toBe(format);
  });

  it('is undefined for a missing or unknown type', () => {
    expect(formatFromContentType(undefined)).toBeUndefined();
    expect(formatFromContentType('text/plain')).toBeUndefined();
  });
});
