/**
 * Boundaries the build enforces (`npm run lint`). Modules are the folders src/modules/<name>/;
 * another module is reached only through its public index.ts.
 * @type {import('dependency-cruiser').IConfiguration}
 */
/** Files started by a runtime, a tool or a test runner rather than imported. */
const ENTRY_POINTS = [
  '\\.d\\.ts$',
  '\\.spec\\.ts$',
  '\\.e2e-spec\\.ts$',
  '\\.bench\\.ts$',
  '\\.cli\\.ts$',
  '^src/(main|worker|start)\\.ts$',
  '^src/database/data-source\\.ts$',
  '^migrations/index\\.ts$',
  '^test/support/global-(setup|teardown)\\.ts$',
  '^test/bench/(run-all|api-process)\\.ts$',
  '^test/support/contract-replay\\.ts$',
  '^scripts/[^/]+\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only imports included) make load order and ownership unclear.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ folders hold pure rules: no Nest, no TypeORM, no pg.',
      from: { path: '(^|/)domain/' },
      to: { path: '(^|/)node_modules/(@nestjs/[^/]+|typeorm|pg|@types/pg)/' },
    },
    {
      name: 'libs-not-to-src',
      severity: 'error',
      comment: 'libs/* are libraries: they import nothing from the application.',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment:
        "A module imports another module only through that module's index.ts, never its internals.",
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/.+',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'shared-not-to-modules',
      severity: 'error',
      comment:
        "src/common and src/config are shared infrastructure below the modules; the error registry may read the modules' <module>.errors.ts maps (they import nothing).",
      from: { path: '^src/(common|config)/', pathNot: '^src/common/errors/error-codes\\.ts$' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'error-registry-reads-only-error-maps',
      severity: 'error',
      from: { path: '^src/common/errors/error-codes\\.ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/[^/]+\\.errors\\.ts$' },
    },
    {
      name: 'error-maps-import-nothing',
      severity: 'error',
      comment:
        'A <module>.errors.ts is a plain map, so the registry importing it cannot create a cycle.',
      from: { path: '^src/modules/[^/]+/[^/]+\\.errors\\.ts$' },
      to: {},
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A file with no imports in or out is dead code, unless it is an entry point.',
      from: { orphan: true, pathNot: ENTRY_POINTS },
      to: {},
    },
    {
      name: 'no-unreachable',
      severity: 'error',
      comment:
        'Every source file is reachable from an entry point; a file nothing imports is deleted.',
      from: { path: ENTRY_POINTS },
      to: { path: '^(src|libs|migrations|test)/', pathNot: ENTRY_POINTS, reachable: false },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|\\.data|coverage)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
