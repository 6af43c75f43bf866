import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { DECODER_VERSION } from '../../src/search/decoder-version.ts';
import { collect, ROOT } from '../helpers/processes.ts';

/**
 * `npx namebridge …` runs the bin entry (bin/namebridge.js): the precompiled
 * CLI (dist/, scripts/build-cli.mjs) when it is fresh, else the sources.
 * Every command answers --help without touching a database.
 */
const bin = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  collect(spawn(process.execPath, [path.join(ROOT, 'bin/namebridge.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] }));

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT });
}, 120_000);

describe('namebridge bin', () => {
  it('every command prints its usage on --help, exit 0, with no database configured', async () => {
    // A database URL nothing listens on: --help must not try it.
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const results = await Promise.all(Object.keys(COMMANDS).map(async (name) => [name, await bin([name, '--help'], env)] as const));
    for (const [name, result] of results) {
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: namebridge ${name}\\b`));
    }
    const top = await bin(['--help'], env);
    expect(top.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(top.stderr).toContain(`  ${name}`);
  }, 120_000);

  it('npx namebridge works as npm run cli does (decode, from the bundle and from the sources)', async () => {
    const viaNpx = await collect(spawn('npx', ['namebridge', 'decode', '--json', '王希祥'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] }));
    expect(viaNpx.code, viaNpx.stderr).toBe(0);
    const fromSource = await bin(['decode', '--json', '王希祥'], { NAMEBRIDGE_CLI_FROM_SOURCE: '1' });
    expect(fromSource.code, fromSource.stderr).toBe(0);
    expect(viaNpx.stdout).toBe(fromSource.stdout);
    expect(viaNpx.stdout).toContain('wang xi xiang');
  }, 120_000);

  it('a bundle starts the import decoding workers from the worker built beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-bundle-'));
    const probe = path.join(dir, 'probe.ts');
    fs.writeFileSync(
      probe,
      `import { createSearchFieldsComputer } from ${JSON.stringify(path.join(ROOT, 'src/imports/search-fields.pool.ts'))};
const pool = createSearchFieldsComputer(1);
const until = Date.now() + 60_000;
while (pool.status().ready < 1 && !pool.status().broken && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
const [fields] = await pool.computeBatch([['Ван-Си-Сян', null]]);
console.log(JSON.stringify({ status: pool.status(), decoded: JSON.stringify(fields).includes('wang') }));
await pool.close();
`,
    );
    // Built by scripts/build-cli.mjs, as dist/ is: an .mjs entry with search-fields.worker.mjs beside it.
    execFileSync(process.execPath, ['scripts/build-cli.mjs', dir, `probe=${probe}`], { cwd: ROOT });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const stdout = execFileSync(process.execPath, [path.join(dir, 'probe.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual({ status: { workers: 1, ready: 1, broken: false }, decoded: true });
  }, 120_000);

  it('a bundle has the decoder version of its sources (readings it writes are not stale)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-version-'));
    const probe = path.join(dir, 'version.ts');
    fs.writeFileSync(probe, `import { DECODER_VERSION } from ${JSON.stringify(path.join(ROOT, 'src/search/decoder-version.ts'))};\nconsole.log(DECODER_VERSION);\n`);
    execFileSync(process.execPath, ['scripts/build-cli.mjs', dir, `version=${probe}`], { cwd: ROOT });
    // Run from a folder with no src/core/transliteration/ beside it, as an installed bundle is.
    expect(execFileSync(process.execPath, [path.join(dir, 'version.mjs')], { cwd: dir, encoding: 'utf8' }).trim()).toBe(DECODER_VERSION);
  }, 120_000);
});
