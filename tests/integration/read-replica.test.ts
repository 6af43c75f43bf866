import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { seedRecords } from '../helpers/test-app.ts';
import { createPostgresCopy, POSTGRES_ONLY, testBackend } from '../helpers/test-database.ts';

describe('DATABASE_READ_URL', () => {
  // PGlite has no replicas: the embedded backend reads and writes one database.
  it.skipIf(testBackend() !== 'postgres')(`${POSTGRES_ONLY} (PGlite has no replicas): sends searches to the replica and everything else to the primary`, async () => {
    const primary = await createPostgresCopy();
    const replica = await createPostgresCopy();
    // Two separate databases stand in for a primary and its replica, so it shows which one answered.
    const onReplica = await openDatabase({ databaseUrl: replica.url, dataDir: '' });
    await seedRecords(onReplica, [{ fullName: 'Ван-Си-Сян' }]);
    await onReplica.close();
    const database = await openDatabase({ databaseUrl: primary.url, readUrl: replica.url, dataDir: '' });
    const config = loadConfig({ DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url });
    const app = createApp({ config, database, logger: createLogger('silent') });
    try {
      const search = await request(app).get('/api/search').query({ q: '王希祥' }).expect(200);
      expect(search.body.results[0].record.fullName).toBe('Ван-Си-Сян');
      const id = search.body.results[0].record.id;
      await request(app).get(`/api/records/${id}`).expect(404); // the primary has no such record
    } finally {
      await database.close();
      await primary.drop();
      await replica.drop();
    }
  });
});
