// Reading a download's file name from its Content-Disposition header.
import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './content-disposition';

describe('fileNameFrom', () => {
  it('reads a quoted name, as /v1/export sends it', () => {
    expect(fileNameFrom('attachment; filename="acme-query.csv"', 'x')).toBe('acme-query.csv');
  });

  it('reads an unquoted name and ignores the parameters around it', () => {
    expect(fileNameFrom('attachment; filename=acme-query.parquet; size=10', 'x')).toBe('acme-query.parquet');
  });

  it('prefers filename* and decodes it', () => {
    expect(fileNameFrom(`attachment; filename="fallback.csv"; filename*=UTF-8''caf%C3%A9%20report.csv`, 'x')).toBe('café report.csv');
  });

  it('unescapes a quoted name and keeps a semicolon inside the quotes', () => {
    expect(fileNameFrom('attachment; filename="a \\"b\\"; c.csv"', 'x')).toBe('a "b"; c.csv');
  });

  it('drops any folder part', () => {
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(fileNameFrom('attachment; filename="C:\\\\tmp\\\\a.csv"', 'x')).toBe('a.csv');
  });

  it('falls back when there is no header, no name, or only a folder', () => {
    expect(fileNameFrom(null, 'beacon.csv')).toBe('beacon.csv');
    expect(fileNameFrom('attachment', 'beacon.csv')).toBe('beacon.csv');
    expect(fileNameFrom('attachment; filename=""', 'beacon.csv')).toBe('beacon.csv');
    expect(fileNameFrom('attachment; filename="../"', 'beacon.csv')).toBe('beacon.csv');
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E0%A4%A`, 'beacon.csv')).toBe('beacon.csv');
  });

  it('does not take a name from another parameter that ends in filename', () => {
    expect(fileNameFrom('attachment; xfilename="no.csv"', 'beacon.csv')).toBe('beacon.csv');
  });
});
