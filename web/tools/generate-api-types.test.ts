import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesText, SCHEMA_FILE } from './generate-api-types.js';

describe('the dashboard API types', () => {
  it('are generated from the current OpenAPI document (run npm run build:api-types when this fails)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await apiTypesText());
  });
});
