/**
 * The little cookie handling the session needs: read cookies from the Cookie
 * header, and the attributes of the session cookie. Pure.
 *
 * Over https the session cookie is `__Host-nb_session`: browsers accept that
 * name only Secure, host-only and on Path=/, so neither a sibling subdomain
 * nor a plain-http hop can plant one; a plain `nb_session` is then ignored.
 * Over http (a local or development install) it is `nb_session`.
 */
export const SESSION_COOKIE = 'nb_session';
export const SECURE_SESSION_COOKIE = '__Host-nb_session';

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Every value of the cookie `name` in the header, in order (undecodable ones left out). */
export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      values.push(decodeURIComponent(value));
    } catch {
      // A value that is not percent-encoding is no value of ours.
    }
  }
  return values;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  return readCookies(header, name)[0];
}

/**
 * The session cookie of a request: none, one id, or `duplicate` when the
 * header carries it twice. Browsers send both when another host or path set
 * a cookie of the same name, and which comes first is not ours to choose, so a
 * request with two is refused rather than guessed at.
 */
export type SessionCookieValue = { kind: 'none' } | { kind: 'one'; id: string } | { kind: 'duplicate'; ids: string[] };

export function readSessionCookie(header: string | undefined, secure: boolean): SessionCookieValue {
  const ids = readCookies(header, sessionCookieName(secure));
  if (ids.length === 0) return { kind: 'none' };
  return ids.length === 1 ? { kind: 'one', id: ids[0]! } : { kind: 'duplicate', ids };
}

/** Every session id the cookie header holds: the ones to end at logout or at a new login. */
export function sessionIdsIn(header: string | undefined, secure: boolean): string[] {
  return readCookies(header, sessionCookieName(secure));
}

export interface SessionCookieOptions {
  /** Secure when the request came over https (directly or via a trusted proxy). */
  secure: boolean;
  maxAgeSeconds: number;
}

/** httpOnly (no script reads it), SameSite=Lax (no cross-site form posts carry it), Path=/, no Domain. */
export function sessionCookie(value: string, options: SessionCookieOptions): string {
  const parts = [`${sessionCookieName(options.secure)}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
