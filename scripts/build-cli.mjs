// Precompiles the CLI for `npx namebridge` (bin/namebridge.js): one ES module
// per entry in dist/, dependencies left in node_modules. Starting from it
// skips tsx's loader and transforms (docs/benchmarks.md, "CLI start").
// Runs at `npm install` (prepare) and in the Dockerfile; `npm run cli` keeps
// running the sources through tsx.
import { build } from 'esbuild';

await build({
  entryPoints: {
    cli: 'src/cli/main.ts',
    // Started by src/imports/search-fields.pool.ts as a worker thread, beside the bundle.
    'search-fields.worker': 'src/imports/search-fields.worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
