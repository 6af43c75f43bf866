#!/usr/bin/env -S node --max-old-space-size=128 --max-semi-space-size=16
// The installed `namebridge` command (`npx namebridge …`, and `npm run cli`). It runs the
// precompiled CLI (dist/cli.mjs, built at `npm install` by scripts/build-cli.mjs)
// when that is newer than every source file, otherwise the TypeScript sources
// through tsx's loader: an edited source never runs stale. The bundle starts in
// half the time and without tsx's loader threads (60 MB less resident memory
// in a long import: docs/benchmarks.md, "CLI start" and "Import").
// The heap flags (as in `npm run cli`) keep a long import's memory flat: see docs/importing.md.
import fs from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli.mjs', root);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return built >= newestSource(new URL('src', root)) && built >= newestSource(new URL('migrations', root));
  } catch {
    return false;
  }
}

if (process.env.NAMEBRIDGE_CLI_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
