// npm run db:types: src/db/schema.generated.ts from the migrations, by kysely-codegen.
//
// Creates a throw-away database on the PostgreSQL server of DB_TYPES_URL (else
// TEST_DATABASE_URL, DATABASE_URL, or the local postgres@127.0.0.1:5432), runs
// every migration in it, lets kysely-codegen read it (.kysely-codegenrc.json:
// the overrides that keep JSON and enum-like columns typed as the code uses
// them) and drops it. CI runs this and fails when the file in git differs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../src/db/migrate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = 'src/db/schema.generated.ts';

const serverUrl = process.env.DB_TYPES_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `nb_db_types_${randomBytes(4).toString('hex')}`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
try {
  const url = withDatabase(serverUrl, name);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  execFileSync(path.join(ROOT, 'node_modules/.bin/kysely-codegen'), ['--config-file', '.kysely-codegenrc.json', '--url', url, '--out-file', OUT], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(`wrote ${OUT}`);
