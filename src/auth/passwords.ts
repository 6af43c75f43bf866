import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

/**
 * Password hashing. New hashes are argon2id at OWASP's parameters (19 MiB,
 * 2 passes, 1 lane; @node-rs/argon2 leaves the algorithm at its default, argon2id),
 * stored as the standard PHC string "$argon2id$v=19$m=19456,t=2,p=1$salt$hash".
 * argon2id rather than scrypt at N=2^17: the same resistance for a fraction of
 * the memory (128 MiB per scrypt hash, ×4 libuv threads per process) and
 * about 30 ms instead of 2 s per login on a small machine.
 *
 * Hashes written before (scrypt$N$r$p$salt$hash, N=2^15) are still checked, and
 * needsRehash says so: the accounts service rehashes on the next successful
 * login. Pure apart from the CPU: no database, no I/O.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password.normalize('NFC'), ARGON2);
}

/** True when the stored hash is not argon2id at today's parameters (scrypt, or weaker argon2). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/** Constant-time comparison; false (never a throw) for a malformed stored hash. */
export async function checkPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2id$')) {
    try {
      return await argon2Verify(stored, password.normalize('NFC'));
    } catch {
      return false;
    }
  }
  return checkLegacyScrypt(password, stored);
}

/** The hashes of before argon2id: "scrypt$N$r$p$salt$hash". */
async function checkLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length === 0 || expected.length < 16) return false;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  const actual = await new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, expected.length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody has, checked when the email is unknown so that a
 * login for an unknown email takes as long as one for a known email.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

/** Password rules for new accounts; a message for the first broken rule, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() !== password) return 'must not begin or end with white space';
  return undefined;
}
