import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The layers of README "Layout" are lint rules (eslint.config.js): these lint
 * a deliberately wrong import at a path in the tree, with the project's own
 * configuration, and expect `npm run lint` to refuse it — and the same file
 * with the right import to pass, so no rule here can pass by refusing
 * everything.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const use = (specifier: string, name = 'x') => `import { ${name} } from '${specifier}';\nexport const y = ${name};\n`;

describe('the core fence', () => {
  it('refuses a database package in src/core', async () => {
    expect(await importErrors('src/core/match/fixture.ts', use('kysely', 'sql'))).toEqual([expect.stringContaining('src/core/ is pure')]);
  });

  it('refuses the file system in src/core, with or without the node: prefix', async () => {
    expect(await importErrors('src/core/records/fixture.ts', use('node:fs', 'readFileSync'))).toHaveLength(1);
    expect(await importErrors('src/core/transliteration/tables/fixture.ts', use('fs/promises', 'readFile'))).toHaveLength(1);
  });

  it('refuses anything outside src/core, from a top-level or a nested core file', async () => {
    expect(await importErrors('src/core/match/fixture.ts', use('../../db/schema.ts'))).toEqual([expect.stringContaining('nothing outside src/core')]);
    expect(await importErrors('src/core/match/gazetteer/fixture.ts', use('../../../shared/errors.ts'))).toEqual([expect.stringContaining('nothing outside src/core')]);
  });

  it('lets a core module use another only through its index.ts', async () => {
    expect(await importErrors('src/core/match/fixture.ts', use('../transliteration/lattice.ts'))).toEqual([expect.stringContaining('through its index.ts')]);
    expect(await importErrors('src/core/match/fixture.ts', use('../transliteration/index.ts'))).toEqual([]);
    expect(await importErrors('src/core/match/fixture.ts', use('./ranking.ts'))).toEqual([]);
  });

  it('lets the rest of src/ reach a core module only through its index.ts', async () => {
    expect(await importErrors('src/search/fixture.ts', use('../core/match/ranking.ts'))).toEqual([expect.stringContaining('index.ts')]);
    expect(await importErrors('src/web/pages/fixture.page.ts', use('../../core/records/row-validation.ts'))).toEqual([expect.stringContaining('index.ts')]);
    expect(await importErrors('src/search/fixture.ts', use('../core/match/index.ts'))).toEqual([]);
  });
});

describe('the layers', () => {
  it('keeps repositories below services and HTTP', async () => {
    expect(await importErrors('src/records/fixture.repository.ts', use('./records.service.ts'))).toEqual([expect.stringContaining('SQL only')]);
    expect(await importErrors('src/records/fixture.repository.ts', use('../http/cache.ts'))).toEqual([expect.stringContaining('src/http/')]);
  });

  it('keeps services off HTTP and the adapters', async () => {
    expect(await importErrors('src/records/fixture.service.ts', use('../http/cache.ts'))).toEqual([expect.stringContaining('src/http/')]);
    expect(await importErrors('src/records/fixture.service.ts', use('./records.routes.ts'))).not.toEqual([]);
    expect(await importErrors('src/records/fixture.service.ts', use('./records.repository.ts'))).toEqual([]);
  });

  it("refuses another feature's repository outside its service", async () => {
    expect(await importErrors('src/corrections/fixture.service.ts', use('../records/claims.repository.ts'))).toEqual([expect.stringContaining("Another feature's tables")]);
    expect(await importErrors('src/corrections/fixture.service.ts', use('../records/records.service.ts'))).toEqual([]);
  });

  it('holds for every service, with no file exempt (undo and persons once were)', async () => {
    expect(await importErrors('src/imports/import-undo.service.ts', use('../records/claims.repository.ts'))).toEqual([expect.stringContaining("Another feature's tables")]);
    expect(await importErrors('src/links/persons.service.ts', use('../records/records.repository.ts'))).toEqual([expect.stringContaining("Another feature's tables")]);
    expect(await importErrors('src/links/persons.service.ts', use('./persons.repository.ts'))).toEqual([]);
  });

  it('has pages and routes call services, never repositories', async () => {
    expect(await importErrors('src/web/pages/fixture.page.ts', use('../../records/records.repository.ts'))).toEqual([expect.stringContaining('never repositories')]);
    expect(await importErrors('src/records/fixture.routes.ts', use('./records.repository.ts'))).toEqual([expect.stringContaining('never repositories')]);
    expect(await importErrors('src/cli/commands/fixture.command.ts', use('../../health/stats.repository.ts'))).toEqual([expect.stringContaining('never repositories')]);
    expect(await importErrors('src/web/pages/fixture.page.ts', use('../../records/records.service.ts'))).toEqual([]);
  });

  it("keeps a page out of another feature's routes", async () => {
    expect(await importErrors('src/web/pages/fixture.page.ts', use('../../imports/imports.routes.ts'))).toEqual([expect.stringContaining('mounts routers')]);
  });
});

describe('file size', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';

  it('refuses a hand-written source file past 300 lines, not a data table', async () => {
    expect(await importErrors('src/search/fixture.ts', lines(301))).toEqual([expect.stringContaining('max-lines')]);
    expect(await importErrors('src/search/fixture.ts', lines(300))).toEqual([]);
    expect(await importErrors('src/core/explain/fixture.data.ts', lines(400))).toEqual([]);
  });
});
