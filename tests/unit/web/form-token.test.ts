import { describe, expect, it } from 'vitest';
import { formCookieName, formTokenValid } from '../../../src/web/form-token.ts';

const TOKEN = 'Vq3x_0-9ZZabcdefghijklmnopqrstuvwxyzABCDEFG'; // 43 base64url characters

describe('anonymous form token (double-submit cookie)', () => {
  it('accepts the cookie’s token echoed in the field, from our own page or typed by the user', () => {
    expect(TOKEN).toHaveLength(43);
    expect(formTokenValid({ cookie: TOKEN, field: TOKEN, fetchSite: undefined })).toBe(true);
    expect(formTokenValid({ cookie: TOKEN, field: TOKEN, fetchSite: 'same-origin' })).toBe(true);
    expect(formTokenValid({ cookie: TOKEN, field: TOKEN, fetchSite: 'none' })).toBe(true);
  });

  it('refuses a missing, different or malformed token, and posts from other sites', () => {
    expect(formTokenValid({ cookie: undefined, field: TOKEN, fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: TOKEN, field: undefined, fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: TOKEN, field: [TOKEN], fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: TOKEN, field: `${TOKEN.slice(0, -1)}H`, fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: TOKEN, field: `${TOKEN}x`, fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: '', field: '', fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: 'short', field: 'short', fetchSite: undefined })).toBe(false);
    expect(formTokenValid({ cookie: TOKEN, field: TOKEN, fetchSite: 'cross-site' })).toBe(false);
    expect(formTokenValid({ cookie: TOKEN, field: TOKEN, fetchSite: 'same-site' })).toBe(false);
  });

  it('names the cookie __Host- only over https', () => {
    expect(formCookieName(true)).toBe('__Host-nb_form');
    expect(formCookieName(false)).toBe('nb_form');
  });
});
