// Precompiles the CLI for `npx namebridge` (bin/namebridge.js): one ES module
// per entry in dist/, dependencies left in node_modules. Starting from it
// skips tsx's loader and transforms (docs/benchmarks.md, "CLI start").
// Runs at `npm install` (prepare) and in the Dockerfile; `npm run cli` keeps
// running the sources through tsx.
//
//   node scripts/build-cli.mjs [OUTDIR [NAME=ENTRY ...]]   (tests build extra entries the same way)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const [outdir = 'dist', ...extra] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The decoder version hashes src/core/transliteration/ at start-up (src/search/decoder-version.ts),
// which a bundle does not carry: computed here, from the same code, and defined in the bundle.
const decoderVersion = execFileSync(
  process.execPath,
  ['--import', 'tsx', '--input-type=module', '-e', "const m = await import('./src/search/decoder-version.ts'); process.stdout.write(m.DECODER_VERSION);"],
  { cwd: root, encoding: 'utf8' },
).trim();
if (!/^[0-9a-f]{16}$/.test(decoderVersion)) throw new Error(`build-cli: unexpected decoder version "${decoderVersion}"`);

await build({
  entryPoints: {
    cli: path.join(root, 'src/cli/main.ts'),
    // Started by src/imports/search-fields.pool.ts as a worker thread, beside the bundle.
    'search-fields.worker': path.join(root, 'src/imports/search-fields.worker.ts'),
    ...Object.fromEntries(extra.map((e) => e.split('='))),
  },
  outdir: path.resolve(root, outdir),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  nodePaths: [path.join(root, 'node_modules')],
  define: { NAMEBRIDGE_DECODER_VERSION: JSON.stringify(decoderVersion) },
  logLevel: 'warning',
});
