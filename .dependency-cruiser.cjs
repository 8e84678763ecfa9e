// The stage order of src/ (DESIGN.md "Data flow"), enforced by test/architecture.test.ts:
//   shared ← types ← parse, model ← schema ← dialects ← rules (api) ← engine ← index ← http ← cli
// and migrate (dialects' shapes and detection; src/index.ts hands it the validator) ← index.
// Arrows point one way: a stage imports only stages to its left. Type-only imports count too,
// except that the public types (src/types.ts) and the rules' API (src/rules/api.ts) name each
// other's types (ValidateOptions holds plugins; a rule sees the policy).
const stage = (name, allowed) => ({
  name: `${name}-imports-only-${allowed.length === 0 ? 'itself' : 'earlier-stages'}`,
  comment: `src/${name}/ may import only: ${[name, ...allowed].join(', ')}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => (a.endsWith('.ts') ? `^src/${a.replace(/\./g, '\\.')}$` : `^src/${a}/`))] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    stage('shared', ['types.ts']),
    stage('parse', ['shared', 'types.ts']),
    stage('model', ['shared', 'types.ts']),
    stage('schema', ['shared', 'types.ts']),
    stage('dialects', ['shared', 'types.ts', 'model', 'schema']),
    {
      name: 'rules-see-the-model-and-facts-only',
      comment: 'Rules read the model and the dialect facts; never the schema, the parse layer, the engine or a dialect module.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: ['^src/rules/', '^src/shared/', '^src/types\\.ts$', '^src/model/types\\.ts$', '^src/model/addresses\\.ts$', '^src/dialects/types\\.ts$'] },
    },
    {
      name: 'engine-knows-no-rule',
      comment: 'The engine runs the rules it is given (src/index.ts hands it the built-in ones): only the rules API.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(rules/(?!api\\.ts$)|cli/|formatters/|http/|index\\.ts$)' },
    },
    {
      name: 'http-uses-the-public-api-and-engine',
      comment: 'src/gateway/ (handle(), where HTTP meets the engine) uses the public API, the engine and the dialects\' facts; never the parse layer, the schema or a rule.',
      severity: 'error',
      from: { path: '^src/gateway/' },
      to: { path: '^src/', pathNot: ['^src/gateway/', '^src/index\\.ts$', '^src/types\\.ts$', '^src/engine/', '^src/dialects/', '^src/shared/'] },
    },
    {
      name: 'the-core-knows-no-http',
      comment: 'The core package stays free of HTTP: the library\'s stages never import src/gateway/ (the sidecar and the middlewares do).',
      severity: 'error',
      from: { path: '^src/(index\\.ts$|types\\.ts$|shared/|parse/|model/|schema/|dialects/|rules/|engine/|formatters/)' },
      to: { path: '^src/gateway/' },
    },
    {
      name: 'frameworks-are-types-only',
      comment: 'Express and Fastify are optional peer dependencies: src/ names them in types only (src/gateway/express.ts, src/gateway/fastify.ts), so that nothing of the package loads them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(^|/)node_modules/(express|fastify)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'probe-uses-the-public-api',
      comment: "src/probe/ (qod-policy probe: a running QoD API tested against CAMARA) builds on the public API, the engine's configuration, the dialects' facts and keys, and the formatters' escaping; never the parse layer, the schema, the gateway or a rule module.",
      severity: 'error',
      from: { path: '^src/probe/' },
      to: { path: '^src/', pathNot: ['^src/probe/', '^src/index\\.ts$', '^src/types\\.ts$', '^src/engine/', '^src/dialects/', '^src/shared/', '^src/formatters/', '^src/model/build-model\\.ts$'] },
    },
    {
      name: 'only-the-cli-runs-the-probe',
      comment: 'The probe is a command: nothing but src/cli/ imports src/probe/.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/probe/'] },
      to: { path: '^src/probe/' },
    },
    stage('formatters', ['shared', 'types.ts']),
    stage('migrate', ['shared', 'types.ts', 'dialects', 'engine/config-error.ts']),
    {
      name: 'types-name-only-the-rules-api',
      severity: 'error',
      from: { path: '^src/types\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/rules/api\\.ts$'] },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/schema/compiled/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
