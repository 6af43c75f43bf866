import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedRecords } from '../helpers/test-app.ts';
import { createCliDatabase } from '../helpers/test-database.ts';
import { runNode } from '../helpers/processes.ts';

let env: NodeJS.ProcessEnv;
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  let database: Database;
  ({ env, database, drop } = await createCliDatabase('nb-cli-'));
  await seedRecords(database, [
    { fullName: 'Ван-Си-Сян', birthYear: 1888 },
    { fullName: 'Ван-Шу-Фа', birthYear: 1893 },
    { fullName: 'Павлов Николай Васильевич', birthYear: 1900 },
  ]);
  await database.close();
}, 120_000);
afterAll(() => drop());

describe('npm run cli -- search', () => {
  it('--json prints the API response', async () => {
    const result = await runNode(['src/cli/main.ts', 'search', '王希祥', '--json', '--limit', '5'], env);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(body.results[0].record.fullName).toBe('Ван-Си-Сян');
    expect(body.results[0].match.reading).toBe('wang xi xiang');
  });

  it('prints a readable list with the syllables', async () => {
    const result = await runNode(['src/cli/main.ts', 'search', 'Wang', 'Hsi-hsiang', '--birth-year', '1888'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1\. Ван-Си-Сян, b\. 1888/);
    expect(result.stdout).toContain('Си→xi←Hsi');
  });

  it('a bad argument exits non-zero with the reason', async () => {
    const result = await runNode(['src/cli/main.ts', 'search', 'Ван', '--birth-year', 'soon'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/birthYear/);
  });
});
