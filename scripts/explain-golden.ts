/**
 * Writes tests/unit/explain/golden/moscow-chinese.tsv: every fact the explainer
 * reads in the Chinese rows of the Moscow list, in zh and en. Review the diff
 * before committing it: the golden file is what the tests hold the explainer to.
 *
 *   npx tsx scripts/explain-golden.ts
 */
import fs from 'node:fs';
import { GOLDEN, GOLDEN_HEADER, goldenLines, readCsv } from '../tests/unit/explain/golden.lines.ts';

const lines = readCsv('fixtures/mos-memo-chinese.csv').flatMap(goldenLines);
fs.writeFileSync(GOLDEN, `${[...GOLDEN_HEADER, ...lines].join('\n')}\n`);
console.log(`${lines.length} facts → ${GOLDEN}`);
