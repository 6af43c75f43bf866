import net from 'node:net';

/**
 * TRUST_PROXY: which peers may tell us the client's address (X-Forwarded-For)
 * and scheme (X-Forwarded-Proto). What Express's `trust proxy` setting takes:
 *   false                  trust nobody: the peer is the client
 *   a hop count (1–10)     trust that many proxies in front of us, whoever they are
 *   a comma-separated list addresses, CIDRs or Express's names (loopback,
 *                          linklocal, uniquelocal) of the proxies
 * `true` (trust every peer) is refused: any client could then forge its address
 * and escape every limit. Pure.
 */
export type TrustProxy = false | number | string[];

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
export const DEFAULT_TRUST_PROXY = 'loopback';

/** The setting, or a message naming what is wrong with it. */
export function parseTrustProxy(raw: string): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const text = raw.trim();
  if (/^(false|0|no|off)$/i.test(text)) return { ok: true, value: false };
  if (/^(true|yes|on)$/i.test(text)) {
    return { ok: false, message: 'true would trust every peer, so any client could forge its address: give the number of proxies or their addresses' };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { ok: true, value: hops } : { ok: false, message: 'a hop count must be between 0 and 10' };
  }
  const items = text.split(',').map((s) => s.trim());
  const bad = items.filter((item) => !validItem(item));
  if (bad.length > 0) {
    return { ok: false, message: `not an address, CIDR or one of ${[...NAMES].join(', ')}: ${bad.map((b) => JSON.stringify(b)).join(', ')}` };
  }
  return { ok: true, value: items };
}

function validItem(item: string): boolean {
  if (NAMES.has(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  if (rest.length > 0 || !address) return false;
  const family = net.isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
