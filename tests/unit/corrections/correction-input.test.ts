import { describe, expect, it } from 'vitest';
import { publicEventData } from '../../../src/corrections/actors.ts';
import { attestedPinyin, checkCorrectionInput } from '../../../src/corrections/correction.input.ts';

const evidence = 'Letters of 1936 in the family archive';
const issuesOf = (input: unknown) => {
  const r = checkCorrectionInput(input);
  return r.ok ? [] : r.issues;
};
const fieldsOf = (input: unknown) => issuesOf(input).map((i) => i.field);

describe('chinese-name proposals', () => {
  it('accepts characters, pinyin or both, keeping the evidence as written', () => {
    const r = checkCorrectionInput({ kind: 'chinese-name', hanzi: '王希祥', pinyin: 'Wáng Xīxiáng', evidence: `  ${evidence}\n` });
    expect(r).toEqual({
      ok: true,
      proposal: { kind: 'chinese-name', hanzi: '王希祥', pinyin: 'Wáng Xīxiáng', evidence: `  ${evidence}\n`, submitter: { name: null, email: null } },
    });
    expect(checkCorrectionInput({ kind: 'chinese-name', hanzi: '王 希 祥', evidence }).ok).toBe(true);
    expect(checkCorrectionInput({ kind: 'chinese-name', pinyin: 'Wang Hsi-hsiang', evidence }).ok).toBe(true);
  });

  it.each([
    ['', 'hanzi'], // blank counts as absent: then neither is given
    ['王希祥王希祥王', 'hanzi'], // 7 characters
    ['Wang', 'hanzi'],
    ['王1', 'hanzi'],
    ['<img src=x onerror=alert(1)>', 'hanzi'],
    ['ワン', 'hanzi'], // katakana is not Han
    ['왕', 'hanzi'],
  ])('refuses the characters %j', (hanzi, field) => {
    expect(fieldsOf({ kind: 'chinese-name', hanzi, evidence })).toContain(field);
  });

  it.each(['hello world', 'xyzq', "'; DROP TABLE records; --", '王希祥', 'Ван-Си-Сян'])('refuses %j as pinyin', (pinyin) => {
    expect(fieldsOf({ kind: 'chinese-name', pinyin, evidence })).toEqual(['pinyin']);
  });

  it('refuses pinyin with a different number of syllables than the characters', () => {
    expect(issuesOf({ kind: 'chinese-name', hanzi: '王希祥', pinyin: 'Wang Li', evidence })).toEqual([
      { field: 'pinyin', message: 'does not have one syllable per character of "王希祥"' },
    ]);
  });

  it('refuses field and value on a name proposal', () => {
    expect(fieldsOf({ kind: 'chinese-name', hanzi: '王', field: 'surname', value: 'x', evidence })).toEqual(['field', 'value']);
  });

  it('computes the attested pinyin from the characters when none is given', () => {
    expect(attestedPinyin('王希祥', null)).toBe('wang xi xiang');
    expect(attestedPinyin('王希祥', 'Wang Hsi-hsiang')).toBe('wang xi xiang');
    expect(attestedPinyin(null, 'wáng xīxiáng')).toBe('wang xi xiang');
  });
});

describe('field proposals', () => {
  it('accepts a correctable field with a value valid for its kind', () => {
    expect(checkCorrectionInput({ kind: 'field', field: 'birthplace', value: 'Чифу', evidence }).ok).toBe(true);
    expect(checkCorrectionInput({ kind: 'field', field: 'executedOn', value: '17.05.1938', evidence }).ok).toBe(true);
    const year = checkCorrectionInput({ kind: 'field', field: 'birthYear', value: 1899, evidence });
    expect(year.ok && year.proposal.kind === 'field' && year.proposal.value).toBe('1899');
  });

  it.each([
    [{ field: 'fullName', value: 'x' }, 'field', /cannot be corrected/],
    [{ field: 'id', value: '1' }, 'field', /not a record field/],
    [{ field: 'birthYear', value: 1700 }, 'value', /outside 1800–1960/],
    [{ field: 'birthYear', value: 'about 1900' }, 'value', /year/],
    [{ field: 'executedOn', value: '31.02.1938' }, 'value', /does not exist/],
    [{ field: 'executedOn', value: '1975' }, 'value', /outside 1800–1960/],
    [{ field: 'occupation', value: '   ' }, 'value', /empty/],
    [{ field: 'occupation', value: 12 }, 'value', /text/],
    [{ field: 'occupation' }, 'value', /required/],
    [{ value: 'x' }, 'field', /required/],
    [{ field: 'surname', value: 'я'.repeat(1001) }, 'value', /at most 1000/],
  ])('refuses %j naming %s', (input, field, message) => {
    const issues = issuesOf({ kind: 'field', evidence, ...input });
    expect(issues.map((i) => i.field)).toContain(field);
    expect(issues.find((i) => i.field === field)?.message).toMatch(message);
  });
});

describe('every proposal', () => {
  it.each([
    [{ kind: 'chinese-name', hanzi: '王' }, 'evidence'],
    [{ kind: 'chinese-name', hanzi: '王', evidence: ' \n ' }, 'evidence'],
    [{ kind: 'chinese-name', hanzi: '王', evidence: 'я'.repeat(10_001) }, 'evidence'],
    [{ kind: 'name', hanzi: '王', evidence }, 'kind'],
    [{ hanzi: '王', evidence }, 'kind'],
    [{ kind: 'chinese-name', hanzi: '王', evidence, submitter: { email: 'not-an-email' } }, 'submitter.email'],
    [{ kind: 'chinese-name', hanzi: '王', evidence, submitter: { phone: '123' } }, 'submitter'],
    [{ kind: 'chinese-name', hanzi: '王', evidence, status: 'approved' }, 'body'],
    [{ kind: 'chinese-name', hanzi: '王', evidence: 'a\u0000b' }, 'evidence'],
    [{ kind: 'field', field: 'occupation', value: 'a\u0000b', evidence }, 'value'],
    [{ kind: 'chinese-name', hanzi: '王', evidence, submitter: { name: 'a\u0000' } }, 'submitter.name'],
  ])('refuses %j naming %s', (input, field) => {
    expect(fieldsOf(input)).toContain(field);
  });

  it('accepts exactly 10,000 characters of evidence, counting code points', () => {
    expect(checkCorrectionInput({ kind: 'chinese-name', hanzi: '王', evidence: '𠀀'.repeat(10_000) }).ok).toBe(true);
  });

  it('keeps the submitter contact, treating blank fields as absent', () => {
    const r = checkCorrectionInput({ kind: 'chinese-name', hanzi: '王', evidence, submitter: { name: ' Li ', email: '' } });
    expect(r.ok && r.proposal.submitter).toEqual({ name: 'Li', email: null });
  });
});

describe('public event data', () => {
  it('drops every key that could carry a contact or secret, at any depth', () => {
    expect(
      publicEventData({ kind: 'field', submitter: { email: 'a@b.c' }, nested: [{ email: 'a@b.c', keep: 1 }], old: { surname: 'Ван' }, clientHash: 'x' }),
    ).toEqual({ kind: 'field', nested: [{ keep: 1 }], old: { surname: 'Ван' } });
  });
});
