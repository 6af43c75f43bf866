/**
 * npm run bench:csv [-- --file F] — raw parse speed of the maintained CSV parsers on one
 * file (default: the 1,000,000-row file bench:import generates), streamed in 64 KB chunks
 * as the importer reads it. Each parser only splits records into string fields; what our
 * importer adds on top (physical line numbers, error records) is measured separately.
 * `namebridge openCsv` is the importer's reader (src/imports/csv-reader.ts) on top of its parser.
 * Prints ms, µs per row and rows/s for each; median of --runs runs.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as csvParse } from 'csv-parse';
import csvParser from 'csv-parser';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { openCsv } from '../src/imports/csv-reader.ts';

const { values } = parseArgs({ options: { file: { type: 'string', default: '/tmp/nb-bench-1000000-1.csv' }, runs: { type: 'string', default: '3' } } });
const file = values.file!;
const runs = Number(values.runs);
const CHUNK = 64 * 1024;

type Runner = () => Promise<number>;

const parsers: Record<string, Runner> = {
  'csv-parse': async () => {
    let n = 0;
    for await (const _ of fs.createReadStream(file, { highWaterMark: CHUNK }).pipe(csvParse({ relax_column_count: true }))) n++;
    return n - 1;
  },
  'csv-parser': async () => {
    let n = 0;
    for await (const _ of fs.createReadStream(file, { highWaterMark: CHUNK }).pipe(csvParser())) n++;
    return n;
  },
  papaparse: () =>
    new Promise((resolve, reject) => {
      let n = 0;
      Papa.parse(fs.createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' }) as unknown as File, {
        step: () => void n++,
        complete: () => resolve(n - 1),
        error: reject,
      });
    }),
  udsv: async () => {
    let n = 0;
    let parser: ReturnType<typeof initParser> | undefined;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' })) {
      const text = chunk as string;
      parser ??= initParser(inferSchema(text));
      parser.chunk<string[]>(text, parser.stringArrs, () => void n++);
    }
    parser?.end();
    return n;
  },
  // What the importer really runs: decoding, line numbers, error records.
  'namebridge openCsv': async () => {
    let n = 0;
    const reader = await openCsv(fs.createReadStream(file, { highWaterMark: CHUNK }));
    for await (const _ of reader.records) n++;
    return n;
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const size = fs.statSync(file).size;
console.log(`${file}: ${(size / 2 ** 20).toFixed(0)} MB, ${runs} runs each, Node ${process.version}`);
for (const [name, run] of Object.entries(parsers)) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await run();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(`${name.padEnd(11)} ${rows} rows  median ${(ms / 1000).toFixed(2)} s  ${((ms * 1000) / rows).toFixed(2)} µs/row  ${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s  (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
}
