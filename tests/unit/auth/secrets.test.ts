import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, clearedSessionCookie, readCookie, readSessionCookie, sessionCookie } from '../../../src/auth/cookies.ts';
import { looksLikeApiToken, newApiToken, safeEqual, sha256 } from '../../../src/auth/secrets.ts';
import { actorRef, userIdFromActor } from '../../../src/auth/user.types.ts';

describe('API tokens', () => {
  it('are 32 random bytes in base64url after the nb_ marker, stored as sha256 with a short prefix', () => {
    const { token, prefix, hash } = newApiToken();
    expect(token).toMatch(/^nb_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
    expect(looksLikeApiToken(token)).toBe(true);
    expect(prefix).toBe(token.slice(0, 11));
    expect(hash).toBe(sha256(token));
    expect(hash).not.toContain(token.slice(3));
    expect(newApiToken().token).not.toBe(token);
  });

  it('compares secrets in constant time, and unequal lengths as unequal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('session cookie', () => {
  it('reads nb_session among other cookies', () => {
    expect(readCookie('a=1; nb_session=xyz; b=2', SESSION_COOKIE)).toBe('xyz');
    expect(readCookie('nb_session_other=1', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie('nb_session=%E0%A4%A', SESSION_COOKIE)).toBeUndefined();
  });

  it('is httpOnly and SameSite=Lax, Secure only over https', () => {
    const plain = sessionCookie('v', { secure: false, maxAgeSeconds: 60 });
    expect(plain).toBe('nb_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
    expect(sessionCookie('v', { secure: true, maxAgeSeconds: 60 })).toBe('__Host-nb_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure');
    expect(clearedSessionCookie(false)).toMatch(/^nb_session=; .*Max-Age=0/);
    expect(clearedSessionCookie(true)).toMatch(/^__Host-nb_session=; .*Max-Age=0.*; Secure$/);
  });

  it('over https reads only __Host-nb_session: a plain nb_session may have been planted', () => {
    expect(readSessionCookie('nb_session=planted', true)).toEqual({ kind: 'none' });
    expect(readSessionCookie('nb_session=planted; __Host-nb_session=ours', true)).toEqual({ kind: 'one', id: 'ours' });
    expect(readSessionCookie('__Host-nb_session=ours', false)).toEqual({ kind: 'none' });
  });

  it('reports two session cookies as a duplicate, not the first of them', () => {
    expect(readSessionCookie('nb_session=a; lang=zh; nb_session=b', false)).toEqual({ kind: 'duplicate', ids: ['a', 'b'] });
    expect(readSessionCookie('__Host-nb_session=a; __Host-nb_session=b', true)).toMatchObject({ kind: 'duplicate' });
    expect(readSessionCookie(undefined, false)).toEqual({ kind: 'none' });
  });
});

describe('actor references', () => {
  it('name accounts by id, never by email', () => {
    expect(actorRef({ id: 42 })).toBe('user:42');
    expect(userIdFromActor('user:42')).toBe(42);
    expect(userIdFromActor('public')).toBeUndefined();
    expect(userIdFromActor('user:ann@example.org')).toBeUndefined();
  });
});
