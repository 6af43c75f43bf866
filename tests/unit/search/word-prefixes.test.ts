import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { lexiconProbeSql, wordPrefixes } from '../../../src/search/probe-queries.ts';

describe('wordPrefixes (the misspelt-name probe’s surnames that begin a query word)', () => {
  it('a compound Chinese surname typed as one word: its first syllables', () => {
    expect(wordPrefixes(['sima'])).toEqual(['si', 'sim']);
    expect(wordPrefixes(['ouyan'])).toEqual(['ou', 'ouy', 'ouya']);
  });

  it('never the whole word (the trigram lookup finds it), never one letter, at most six letters', () => {
    expect(wordPrefixes(['li', 'u'])).toEqual([]);
    expect(wordPrefixes(['kuznetsof'])).toEqual(['ku', 'kuz', 'kuzn', 'kuzne', 'kuznet']);
  });

  it('each beginning once across words', () => {
    expect(wordPrefixes(['ivanof', 'ivan'])).toEqual(['iv', 'iva', 'ivan', 'ivano']);
  });
});

describe('lexiconProbeSql', () => {
  it('looks each distinct word up once, with its beginnings', () => {
    // Compiled only: no database.
    const db = new Kysely<unknown>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    const { parameters } = lexiconProbeSql('ivan ivan sima', {}).compile(db);
    expect(parameters).toContainEqual(['ivan', 'sima']);
    expect(parameters).toContainEqual(['iv', 'iva', 'si', 'sim']);
  });
});
