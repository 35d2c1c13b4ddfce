// Writes web/src/api/schema.d.ts, the dashboard's types of the HTTP API,
// from the same OpenAPI document the server serves at /openapi.json.
// Run with `npm run build:api-types`; a test fails when the file is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildOpenApi } from '../../src/server/openapi.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

/** The text of schema.d.ts for the current OpenAPI document. */
export async function apiTypesText(): Promise<string> {
  const document = buildOpenApi('dashboard');
  const ast = await openapiTS(document as unknown as OpenAPI3);
  return `// Generated from Beacon's OpenAPI document by web/tools/generate-api-types.ts; do not edit.\n${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SCHEMA_FILE, await apiTypesText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
