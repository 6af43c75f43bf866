import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, passwordProblem } from '../../../src/auth/passwords.ts';

describe('scrypt password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await checkPassword('correct horse battery', stored)).toBe(true);
    expect(await checkPassword('correct horse batterY', stored)).toBe(false);
    expect(await checkPassword('', stored)).toBe(false);
  });

  it('salts every hash and keeps its parameters beside it, never the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toContain('horse');
  });

  it('treats NFC and NFD spellings of a password as one', async () => {
    const stored = await hashPassword('Hsü Chih-mo 1931');
    expect(await checkPassword('Hsu\u0308 Chih-mo 1931', stored)).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$1$2$3', 'scrypt$99999999$8$1$c2FsdA$aGFzaA', 'bcrypt$x$y$z$a$b'])(
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
