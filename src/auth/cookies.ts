/**
 * The little cookie handling the session needs: read one cookie from the
 * Cookie header, and the attributes of the session cookie. Pure.
 */
export const SESSION_COOKIE = 'nb_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface SessionCookieOptions {
  /** Secure when the request came over https (directly or via a trusted proxy). */
  secure: boolean;
  maxAgeSeconds: number;
}

/** httpOnly (no script reads it), SameSite=Lax (no cross-site form posts carry it), Path=/. */
export function sessionCookie(value: string, options: SessionCookieOptions): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
