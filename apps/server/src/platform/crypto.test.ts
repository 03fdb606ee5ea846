import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from './config';
import {
  blindIndex,
  blindIndexes,
  DataKeyError,
  installKeyring,
  keyring,
  keyringOf,
  newDataKeyText,
  open,
  openJson,
  resolveKeyring,
  seal,
  SEALED_PREFIX,
  sealedKeyId,
  sealJson,
} from './crypto';
import { toErrorReply } from './http-errors';

const A = newDataKeyText();
const B = newDataKeyText();
const before = (() => {
  try {
    return keyring();
  } catch {
    return null;
  }
})();
afterAll(() => {
  if (before) installKeyring(before);
});

describe('field encryption (AES-256-GCM)', () => {
  it('seals with the current key id and opens again; the same text seals differently each time', () => {
    installKeyring(keyringOf(A));
    const sealed = seal('13912345678');
    expect(sealed.startsWith(`${SEALED_PREFIX}${keyring().current.id}:`)).toBe(true);
    expect(sealed).not.toContain('13912345678');
    expect(seal('13912345678')).not.toBe(sealed);
    expect(open(sealed)).toBe('13912345678');
    expect(openJson(sealJson({ leftBehind: true, note: '祖辈照看' }))).toEqual({ leftBehind: true, note: '祖辈照看' });
  });

  it('a wrong key fails clearly, never with garbage', () => {
    installKeyring(keyringOf(A));
    const sealed = seal('父母在外务工');
    installKeyring(keyringOf(B));
    expect(() => open(sealed)).toThrow(DataKeyError);
    expect(() => open(sealed)).toThrow(/不在密钥环中/);
    // a key that claims the id but is not the key: the tag check refuses
    const forged = `${SEALED_PREFIX}${keyring().current.id}:${sealed.split(':')[2]}`;
    expect(() => open(forged)).toThrow(/无法用密钥/);
    expect(() => open('13912345678')).toThrow(/未加密/);
    // a request that meets it is answered 503 with a code naming the key setting, not a bare 500
    let thrown: unknown;
    try {
      open(sealed);
    } catch (err) {
      thrown = err;
    }
    expect(toErrorReply(thrown as Error)).toMatchObject({ status: 503, body: { code: 'DATA_KEY_UNAVAILABLE' } });
  });

  it('a previous key still opens what it sealed; new values use the current key', () => {
    installKeyring(keyringOf(A));
    const old = seal('旧值');
    installKeyring(keyringOf(B, [A]));
    expect(open(old)).toBe('旧值');
    expect(sealedKeyId(seal('新值'))).toBe(keyring().current.id);
    expect(sealedKeyId(old)).toBe(keyring().previous[0]!.id);
  });

  it('blind indexes are stable per key, differ between keys, and a look-up matches under every key of the ring', () => {
    installKeyring(keyringOf(A));
    const underA = blindIndex('13912345678');
    expect(blindIndex('13912345678')).toBe(underA);
    expect(blindIndex('13912345679')).not.toBe(underA);
    installKeyring(keyringOf(B, [A]));
    expect(blindIndex('13912345678')).not.toBe(underA);
    expect(blindIndexes('13912345678')).toContain(underA);
  });
});

describe('where the key comes from', () => {
  it('DATA_KEY and DATA_KEYS_PREVIOUS are checked when the settings are read', () => {
    expect(() => configFromEnv({ DATA_KEY: 'short' })).toThrow(ConfigError);
    expect(() => configFromEnv({ DATA_KEY: A, DATA_KEYS_PREVIOUS: `${B},nonsense` })).toThrow(/DATA_KEYS_PREVIOUS 第 2 个/);
    const c = configFromEnv({ DATA_KEY: A, DATA_KEYS_PREVIOUS: B, NODE_ENV: 'production' });
    expect(c.dataKeys).toMatchObject({ current: A, previous: [B], production: true });
  });

  it('without DATA_KEY a development server makes a key file (mode 0600) once and keeps using it; production refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sj-keys-'));
    const keyFile = join(dir, 'keys', 'data.key');
    const warnings: string[] = [];
    const first = resolveKeyring({ dataKey: null, previousKeys: [], keyFile, production: false }, (m) => warnings.push(m));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(warnings[0]).toContain('generated a data key');
    const again = resolveKeyring({ dataKey: null, previousKeys: [], keyFile, production: false }, (m) => warnings.push(m));
    expect(again.current.id).toBe(first.current.id);
    expect(readFileSync(keyFile, 'utf8').trim()).toHaveLength(44);
    expect(() => resolveKeyring({ dataKey: null, previousKeys: [], keyFile, production: true })).toThrow(/NODE_ENV=production 时必须设置 DATA_KEY/);
    expect(resolveKeyring({ dataKey: A, previousKeys: [], keyFile, production: true }).current.id).toBe(keyringOf(A).current.id);
  });
});
