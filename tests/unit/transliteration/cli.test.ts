import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { decodeCommand } from '../../../src/cli/commands/decode.command.ts';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await decodeCommand(args, { stdin: Readable.from([stdin]), stdout });
  return { code, out };
}

describe('decode command', () => {
  it('--json with a TEXT argument prints the documented shape', async () => {
    const { code, out } = await run(['--json', 'Ван-Си-Сян']);
    expect(code).toBe(0);
    const obj = JSON.parse(out.trim());
    expect(Object.keys(obj)).toEqual(['input', 'script', 'readings', 'russianParts']);
    expect(obj.readings[0]).toMatchObject({ pinyin: 'wang xi xiang', cost: 0, surname: ['wang'], given: ['xi', 'xiang'] });
    expect(obj.readings[0].syllables[0]).toEqual({ text: 'Ван', pinyin: 'wang', palladius: 'ван', wadeGiles: 'wang', rule: 'standard', cost: 0 });
  });

  it('reads stdin one name per line, one JSON object per line, in input order', async () => {
    const { out } = await run(['--json'], 'Ван-Си-Сян\nzhi\n\nТравин Григорий Максимович\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual(['Ван-Си-Сян', 'zhi', '', 'Травин Григорий Максимович']);
    expect(lines[1].readings[0].pinyin).toBe('zhi');
    expect(lines[1].readings[0].syllables[0].palladius).toBe('чжи');
    expect(lines[3]).toMatchObject({ readings: [], russianParts: ['Травин', 'Григорий', 'Максимович'] });
  });

  it('prints a readable table without --json', async () => {
    const { out } = await run(['Мын-Бин-Юй Франц Эдуардович']);
    expect(out).toContain('meng bing yu');
    expect(out).toContain('older-ын');
    expect(out).toContain('russian: Франц Эдуардович');
  });
});
