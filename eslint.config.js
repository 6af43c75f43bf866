// One lint set-up for the whole tree: the recommended rules, typed for TypeScript,
// and the architecture (README "Layout") as import rules that fail the lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layers, with ESLint's own no-restricted-imports (regex patterns on the
 * import string): no plugin to keep up to date, and every rule below reads as
 * "this kind of file may not import that". eslint-plugin-boundaries would do the
 * same with six more dependencies and a resolver to configure for `.ts` paths.
 * ESLint applies one no-restricted-imports per file (a later block replaces an
 * earlier one), so each kind of file gets one block whose patterns are the sum
 * of the rules that concern it.
 */

/** Node's modules that do I/O, and the packages that talk to a database, the network or the terminal. */
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'worker_threads', 'cluster', 'dgram', 'dns', 'tls', 'readline', 'os', 'process', 'vm', 'inspector'];
// node:module stays allowed: createRequire loads a CommonJS package (a pure library), nothing else.
const IO_PACKAGES = '^(pg|pg-.+|kysely|kysely-.+|express|express-.+|@electric-sql/.+|pino|pino-.+|prom-client|helmet|eta|swagger-ui-dist|cli-progress|esbuild|tsx)(/.*)?$';

const rule = (regex, message) => ({ regex, message });

const CORE_NO_IO = [
  rule(`^(node:)?(${IO_MODULES.join('|')})(/.*)?$`, 'src/core/ is pure: no file system, network, process or database access.'),
  rule(IO_PACKAGES, 'src/core/ is pure: no database, HTTP or logging package.'),
];
/** From src/core/<module>/x.ts, `../../` leaves the core; from src/core/<module>/<dir>/x.ts, `../../../` does. */
const coreStaysIn = (depth) => [
  rule(`^(\\.\\./){${depth + 1}}`, 'src/core/ imports nothing outside src/core/ (only pure libraries).'),
  rule(`^(\\.\\./){${depth}}[^./][^/]*/(?!index\\.ts$)`, 'Another core module only through its index.ts.'),
];
const CORE_FACE = [rule('(^|/)core/[^/]+/(?!index\\.ts$)', 'A core module only through its index.ts (src/core/<module>/index.ts).')];
const NO_HTTP = [rule('(^|/)http/', 'Only HTTP adapters (routes, openapi, middleware, web/) import src/http/; services, repositories, the CLI and the core do not.')];
const NO_UPWARD = [
  rule('\\.(routes|page|openapi|command)\\.ts$', 'Services and repositories never import adapters (routes, pages, OpenAPI, CLI commands).'),
  rule('(^|/)(web|cli)/', 'Services and repositories never import the web interface or the CLI.'),
];
const NO_SERVICES = [rule('\\.service\\.ts$', 'A repository holds SQL only: it does not call services.')];
const NO_REPOSITORIES = [rule('\\.repository\\.ts$', 'Routes, pages, the CLI and the seed call services, never repositories.')];
const NO_ROUTES = [rule('\\.routes\\.ts$', "Only http/app.ts mounts routers and only a feature's *.openapi.ts reads its routes' schemas.")];
const NO_PAGES = [rule('\\.page\\.ts$', 'Only web/web.router.ts mounts pages.')];
/** Another feature's repository (`../<feature>/x.repository.ts`): go through that feature's service. */
const NO_FOREIGN_REPOSITORIES = [rule("^\\.\\./[^./][^/]*/[^/]*\\.repository\\.ts$", "Another feature's tables only through that feature's service.")];

const restrict = (...lists) => ({ 'no-restricted-imports': ['error', { patterns: lists.flat() }] });

const CORE = 'src/core/**/*.ts';
const REPOSITORIES = 'src/**/*.repository.ts';
const SERVICES = 'src/**/*.service.ts';
const ADAPTERS = ['src/**/*.routes.ts', 'src/**/*.openapi.ts', 'src/web/**/*.ts', 'src/cli/**/*.ts', 'src/seed/**/*.ts', 'src/http/**/*.ts', 'src/auth/auth.middleware.ts', 'src/main.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'docs/screenshots/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off', // migrations take Kysely<any> by design
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The core: pure, and each module's index.ts is its face.
  { files: ['src/core/*/*.ts'], rules: restrict(CORE_NO_IO, coreStaysIn(1)) },
  { files: ['src/core/*/*/**/*.ts'], rules: restrict(CORE_NO_IO, coreStaysIn(2)) },
  // Repositories: SQL only, below the services.
  { files: [REPOSITORIES], ignores: [CORE], rules: restrict(CORE_FACE, NO_HTTP, NO_UPWARD, NO_SERVICES, NO_ROUTES, NO_FOREIGN_REPOSITORIES) },
  // Services: below the adapters; another feature's tables through its service.
  { files: [SERVICES], ignores: [CORE], rules: restrict(CORE_FACE, NO_HTTP, NO_UPWARD, NO_ROUTES, NO_FOREIGN_REPOSITORIES) },
  // Adapters: parse input, call services, shape output.
  { files: ADAPTERS, ignores: ['src/http/app.ts', 'src/**/*.openapi.ts', 'src/web/web.router.ts'], rules: restrict(CORE_FACE, NO_REPOSITORIES, NO_ROUTES, NO_PAGES) },
  { files: ['src/**/*.openapi.ts'], rules: restrict(CORE_FACE, NO_REPOSITORIES, NO_PAGES) },
  { files: ['src/http/app.ts'], rules: restrict(CORE_FACE, NO_REPOSITORIES, NO_PAGES) },
  { files: ['src/web/web.router.ts'], rules: restrict(CORE_FACE, NO_REPOSITORIES, NO_ROUTES) },
  // Everything else in src/ (writers, DTOs, the importer's parts, jobs): no HTTP, no adapters, the core by its face.
  {
    files: ['src/**/*.ts'],
    ignores: [CORE, REPOSITORIES, SERVICES, ...ADAPTERS],
    rules: restrict(CORE_FACE, NO_HTTP, NO_UPWARD, NO_ROUTES, NO_FOREIGN_REPOSITORIES),
  },
  // Small files: a hand-written source file past 300 lines is asking to be split (data tables excepted).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.data.ts', 'src/db/schema.generated.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
);
