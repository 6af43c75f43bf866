import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of everything that derives a record's stored readings: a hash of
 * the transliteration core's source and tables (src/core/transliteration/,
 * every file), the file that turns decoded readings into index keys
 * (src/core/match/search-fields.ts) and the versions of the packages the core reads
 * characters with. Stored on every reading (record_readings.decoder_version);
 * a reading of another version is stale until `namebridge reindex` rebuilds it.
 *
 * Hashing the source rather than a hand-bumped constant means no one can
 * change a cost and forget to bump it; the price is that a comment-only edit
 * also marks readings stale (a reindex rebuilds them to the same values).
 */
const READING_PACKAGES = ['pinyin-pro', 'opencc-js', 'to-jyutping'];

/**
 * The precompiled CLI (scripts/build-cli.mjs) has no src/core/transliteration/ beside
 * it to hash: the build computes the version from the sources and defines it here.
 */
declare const NAMEBRIDGE_DECODER_VERSION: string | undefined;

export const DECODER_VERSION: string = typeof NAMEBRIDGE_DECODER_VERSION === 'string' ? NAMEBRIDGE_DECODER_VERSION : computeDecoderVersion();

function computeDecoderVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const core = path.join(here, '..', 'core');
  const files = [...listFiles(path.join(core, 'transliteration')), path.join(core, 'match', 'search-fields.ts')];
  const hash = createHash('sha256');
  for (const file of files) {
    // Relative paths, so a checkout in another folder hashes the same.
    hash.update(path.relative(path.join(here, '..'), file).split(path.sep).join('/')).update('\0');
    hash.update(readFileSync(file)).update('\0');
  }
  const require = createRequire(import.meta.url);
  for (const pkg of READING_PACKAGES) {
    hash.update(`${pkg}@${packageVersion(path.dirname(require.resolve(pkg)), pkg)}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The version in the package's own package.json (its exports map hides it from require). */
function packageVersion(from: string, pkg: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    } catch {
      // no package.json at this level: keep walking up
    }
  }
  return 'unknown';
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => !f.endsWith('.md'))
    .sort();
}
