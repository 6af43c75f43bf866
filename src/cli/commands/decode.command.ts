/**
 * `decode [--json] [TEXT...]`: decode names given as arguments, or one name per line
 * from stdin. With --json, one JSON object per input line, in input order; without,
 * a readable table. Pure apart from the streams it is given.
 */
import { createInterface } from 'node:readline';
import { decode, type DecodeResult } from '../../core/transliteration/index.ts';
import { parseCommandArgs, type CliIo } from '../cli-io.ts';

function toJson(result: DecodeResult): string {
  return JSON.stringify({
    input: result.input,
    script: result.script,
    readings: result.readings.map((r) => ({
      pinyin: r.pinyin,
      cost: r.cost,
      surname: r.surname,
      given: r.given,
      ...(r.hanzi !== undefined ? { hanzi: r.hanzi } : {}),
      syllables: r.syllables.map((s) => ({ text: s.text, pinyin: s.pinyin, palladius: s.palladius, wadeGiles: s.wadeGiles, rule: s.rule, cost: s.cost })),
    })),
    russianParts: result.russianParts,
  });
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function toTable(result: DecodeResult): string {
  const lines = [`${result.input}  (${result.script})${result.russianParts.length ? `  russian: ${result.russianParts.join(' ')}` : ''}`];
  if (result.readings.length === 0) lines.push('  (no reading)');
  result.readings.forEach((r, i) => {
    const name = r.surname.length ? `${r.surname.join('')} ${r.given.join('')}`.trim() : r.pinyin;
    lines.push(`  ${pad(String(i + 1), 2)} ${pad(r.pinyin, 24)} ${pad(r.cost.toFixed(2), 5)} ${name}`);
    for (const s of r.syllables) {
      lines.push(`       ${pad(s.text, 8)} ${pad(s.pinyin, 7)} ${pad(s.palladius, 7)} ${pad(s.wadeGiles, 9)} ${s.rule}${s.cost ? ` (+${s.cost})` : ''}`);
    }
  });
  return lines.join('\n') + '\n';
}

/** The decoder needs no database; a caller may leave stderr out (a bad option is then reported on the process's). */
type DecodeIo = Pick<CliIo, 'stdin' | 'stdout'> & { stderr?: NodeJS.WritableStream };

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

export async function decodeCommand(args: string[], io: DecodeIo): Promise<number> {
  const parsed = parseCommandArgs('decode', DECODE_USAGE, { ...io, stderr: io.stderr ?? process.stderr }, {
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (typeof parsed === 'number') return parsed;
  const json = parsed.values.json;
  const texts = parsed.positionals;
  const format = json ? (r: DecodeResult) => toJson(r) + '\n' : toTable;
  if (texts.length > 0) {
    for (const t of texts) await write(io.stdout, format(decode(t)));
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.replace(/\r$/, '');
    if (!json && text.trim() === '') continue;
    await write(io.stdout, format(decode(text)));
  }
  return 0;
}

const DECODE_USAGE =
  'usage: namebridge decode [--json] [TEXT...]\n' +
  'decodes Cyrillic names (the arguments, or one per line on stdin) to ranked pinyin readings; needs no database\n' +
  '  --json  one JSON object per name\n';

/** Ready to register in commands/index.ts as `decode`. */
export const decodeCliCommand = {
  needsDatabase: false as const,
  usage: DECODE_USAGE,
  summary: 'decode [--json] [TEXT...]   decode names (args, or one per line on stdin) to ranked pinyin readings',
  run: (args: string[], io: DecodeIo) => decodeCommand(args, io),
};
