// Beacon's architecture, checked on every `npm test` (`npm run check:layers`).
//
// Layers, innermost first. A folder may import its own files and the folders
// it lists here, nothing else of src/; `npm test` fails on any other import and
// on any cycle. Dependencies point inward:
//
//   core ← model ← sql ← warehouse ← ingest, access, metrics ← analytics modules ← server, cli
//
// - core: errors, time and grains, ids, money.
// - model: the data contract (DATA.md): source schemas, validation, settings,
//   attribution model names, touch parsing and channel grouping.
// - sql: the dialect-neutral SQL tree and its rendering per dialect (pure).
// - warehouse: the storage engines, their relations and derive pipelines, and
//   the derived-view scheduler; knows sql, model and core only.
// - ingest: readers, presets, validation and normalisation, writing.
// - access: workspaces and API keys.
// - metrics: the KPI catalog, planner, assembly, benchmarks and the query service.
// - analytics modules (goals, and attribution, clv, cohorts, funnels, experiments, forecast, anomalies,
//   alerts, budget, insight, export as they land): pure models + a warehouse relation
//   + a service; each may use metrics and the layers below, and an analytics
//   module it builds on (never in a cycle).
// - server and cli: the edges. The CLI may start the server.
// - demo: the seeded demo generator, pure and self-contained.
// - config.ts reads the environment; only the entry points (cli) read it.
// - index.ts is the public surface and may re-export any layer but the edges.
const ANALYTICS = ['goals', 'export', 'attribution', 'clv', 'cohorts', 'experiments', 'forecast', 'anomalies', 'alerts', 'budget', 'insight', 'quality', 'funnels'];

const LAYERS = {
  core: [],
  model: ['core'],
  sql: ['core', 'model'],
  warehouse: ['core', 'model', 'sql'],
  ingest: ['core', 'model', 'warehouse'],
  access: ['core', 'model', 'warehouse'],
  metrics: ['core', 'model', 'sql', 'warehouse'],
  ...Object.fromEntries(ANALYTICS.map((m) => [m, ['core', 'model', 'sql', 'warehouse', 'metrics', ...ANALYTICS]])),
  server: ['core', 'model', 'sql', 'warehouse', 'ingest', 'access', 'metrics', ...ANALYTICS],
  cli: ['core', 'model', 'sql', 'warehouse', 'ingest', 'access', 'metrics', ...ANALYTICS, 'server', 'demo', 'config.ts'],
  demo: [],
};

const folder = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '\\.')}$` : `^src/${name}/`);
const outsideSrc = ['(^|/)node_modules/', '^node:'];

module.exports = {
  forbidden: [
    { name: 'no-cycle', comment: 'Modules import each other in a circle.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-test-code-in-src',
      comment: 'Product code never imports tests or their support (they are not built into dist/).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^test/', '\\.test\\.ts$', '(^|/)node_modules/vitest/'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  allowed: [
    ...Object.entries(LAYERS).map(([layer, inner]) => ({
      comment: `${layer} uses ${inner.length > 0 ? inner.join(', ') : 'nothing else of src/'}`,
      from: { path: folder(layer), pathNot: '\\.test\\.ts$' },
      to: { path: [folder(layer), ...inner.map(folder), ...outsideSrc] },
    })),
    { comment: 'the public surface', from: { path: '^src/index\\.ts$' }, to: { pathNot: ['^src/server/', '^src/cli/', '^src/config\\.ts$'] } },
    { comment: 'the executable', from: { path: '^src/cli\\.ts$' }, to: { path: ['^src/cli/', ...outsideSrc] } },
    { comment: 'config.ts reads only the environment', from: { path: '^src/config\\.ts$' }, to: { path: outsideSrc } },
    { comment: 'tests beside the code may use anything', from: { path: '\\.test\\.ts$' }, to: {} },
    { comment: 'tests and benchmarks may use anything', from: { path: ['^test/', '^bench/'] }, to: {} },
    {
      comment: 'the dashboard reaches Beacon only over HTTP: its code imports itself and its packages, never src/',
      from: { path: '^web/src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^web/src/', ...outsideSrc] },
    },
    { comment: "the dashboard's build tools read the OpenAPI document", from: { path: '^web/(tools/|vite\\.config\\.ts$)' }, to: { path: ['^web/', '^src/server/openapi\\.ts$', ...outsideSrc] } },
    {
      comment: 'docs/data.md is written from the data contract and the import presets (npm run docs)',
      from: { path: '^docs/' },
      to: { path: ['^docs/', '^src/model/', '^src/ingest/presets\\.ts$', '^src/ingest/record-presets/registry\\.ts$', ...outsideSrc] },
    },
    { comment: 'node built-ins', from: {}, to: { dependencyTypes: ['core'] } },
  ],
  allowedSeverity: 'error',
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: ['^dist/', '(^|/)node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
