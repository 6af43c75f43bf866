import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { parseTrustProxy } from '../../../src/config/trust-proxy.ts';

describe('TRUST_PROXY', () => {
  it('defaults to loopback', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual(['loopback']);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['loopback, 10.0.0.0/8,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
    ['::1', ['::1']],
  ])('reads %j', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).TRUST_PROXY).toEqual(expected);
  });

  it('refuses true: any client could then forge its address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust every peer/);
  });

  it.each(['10.0.0.0/33', '10.0.0', 'proxy.example.org', '10.0.0.1,,10.0.0.2', '11', 'fd00::/129', '1.2.3.4/8/8'])('refuses %j, naming it', (raw) => {
    const parsed = parseTrustProxy(raw);
    expect(parsed.ok).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(/TRUST_PROXY/);
  });
});
