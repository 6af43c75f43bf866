import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, needsRehash, passwordProblem } from '../../../src/auth/passwords.ts';

/** A hash as the accounts of before argon2id were stored: scrypt at N=2^15. */
function legacyScryptHash(password: string): string {
  const salt = Buffer.from('0123456789abcdef');
  const key = scryptSync(password.normalize('NFC'), salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('argon2id password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await checkPassword('correct horse battery', stored)).toBe(true);
    expect(await checkPassword('correct horse batterY', stored)).toBe(false);
    expect(await checkPassword('', stored)).toBe(false);
  });

  it('salts every hash and keeps OWASP parameters beside it, never the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toContain('horse');
    expect(needsRehash(a)).toBe(false);
  });

  it('treats NFC and NFD spellings of a password as one', async () => {
    const stored = await hashPassword('Hsü Chih-mo 1931');
    expect(await checkPassword('Hsu\u0308 Chih-mo 1931', stored)).toBe(true);
  });

  it('still checks the old scrypt hashes, and says they need upgrading', async () => {
    const old = legacyScryptHash('correct horse battery');
    expect(await checkPassword('correct horse battery', old)).toBe(true);
    expect(await checkPassword('wrong horse battery', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA')).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$1$2$3', 'scrypt$99999999$8$1$c2FsdA$aGFzaA', 'bcrypt$x$y$z$a$b', '$argon2id$v=19$m=19456,t=2,p=1$bad'])(
    'answers false, never throws, for the malformed stored hash %j',
    async (stored) => {
      expect(await checkPassword('whatever password', stored)).toBe(false);
    },
  );

  it('requires at least 10 characters and no surrounding blanks', () => {
    expect(passwordProblem('123456789')).toMatch(/at least 10/);
    expect(passwordProblem(' 1234567890')).toMatch(/white space/);
    expect(passwordProblem('1234567890')).toBeUndefined();
  });
});
