import { parseOrThrow } from '../../shared/validate.ts';
import { searchQuerySchema } from '../../search/search.params.ts';
import { searchRecords, type SearchResult } from '../../search/search.service.ts';
import { parseCommandArgs, type CliCommand } from '../cli-io.ts';

export const searchCommand: CliCommand = {
  needsDatabase: true,
  usage:
    'usage: namebridge search QUERY [--json] [--limit N] [--birth-year Y] [--birthplace P]\n' +
    'finds records in any script (characters, pinyin, Wade–Giles, Cyrillic or Latin), best first, each with its reason\n' +
    '  --json          the GET /api/search object\n' +
    '  --limit N       results (default 20)\n' +
    '  --birth-year Y  only records born in year Y\n' +
    '  --birthplace P  only records born in place P (a gazetteer name in any script)\n',
  summary: 'search QUERY [--json] [--limit N] [--birth-year Y] [--birthplace P]   find records in any script',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('search', searchCommand.usage!, io, {
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        'birth-year': { type: 'string' },
        birthplace: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const params = parseOrThrow(
      searchQuerySchema,
      {
        q: positionals.join(' '),
        ...(values.limit ? { limit: values.limit } : {}),
        ...(values['birth-year'] ? { birthYear: values['birth-year'] } : {}),
        ...(values.birthplace ? { birthplace: values.birthplace } : {}),
      },
      'arguments',
    );
    const response = await searchRecords(runtime.database, params);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(response)}\n`);
      return 0;
    }
    const top = response.query.readings[0]?.pinyin ?? '—';
    io.stdout.write(`query: ${response.query.q} (${response.query.script}; read as ${top})\n`);
    for (const w of response.warnings) io.stdout.write(`warning: ${w.message}\n`);
    if (response.results.length === 0) io.stdout.write('no matching records\n');
    response.results.forEach((r, i) => io.stdout.write(formatResult(i + 1, r)));
    return 0;
  },
};

function formatResult(n: number, r: SearchResult): string {
  const born = r.record.birthYear ? `, b. ${r.record.birthYear}` : '';
  const why = r.match.syllables.map((s) => `${s.recordText ?? '·'}→${s.pinyin ?? '·'}←${s.queryText ?? '·'}`).join(' ');
  return `${String(n).padStart(2)}. ${r.record.fullName}${born}  [#${r.record.id}]  ${r.score.toFixed(2)} ${r.strength}  ${r.match.origin}: ${r.match.reading}\n      ${why}\n`;
}
