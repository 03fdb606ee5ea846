/**
 * Field encryption at rest for personal data of minors (AES-256-GCM, node:crypto) and blind indexes for equality
 * look-ups on encrypted values (HMAC-SHA256 with a key derived from the data key).
 *
 * A sealed value is `enc1:<key id>:<base64 of iv(12) | tag(16) | ciphertext>`: the key id (a fingerprint of the key,
 * never the key) says which key of the keyring opens it, so a previous key keeps reading old rows while
 * `npm run keys:rotate` re-seals them with the current one. The keyring is installed once at start (main.ts, the CLIs,
 * the test harness); a module seals and opens through `seal` / `open` and never sees a key.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SEALED_PREFIX = 'enc1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  id: string;
  key: Buffer;
  /** HMAC key of blind indexes, derived from the data key (HKDF) so that it never doubles as the cipher key. */
  indexKey: Buffer;
}

export interface Keyring {
  current: DataKey;
  /** Keys that still open values sealed before a rotation; nothing new is sealed with them. */
  previous: readonly DataKey[];
}

/** A value that cannot be opened (wrong or missing key, or altered bytes): never answered as data. */
export class DataKeyError extends Error {}

/** A 32-byte key from its text form: 64 hex digits or base64 (44 characters). */
export function parseDataKey(text: string, name = 'DATA_KEY'): DataKey {
  const raw = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64') : null;
  if (!key || key.length !== 32) throw new DataKeyError(`${name}：应为 32 字节的密钥（64 位十六进制或 base64），可用 openssl rand -base64 32 生成`);
  const id = createHash('sha256').update('shuangjian data key id\0').update(key).digest('hex').slice(0, 8);
  const indexKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'shuangjian blind index v1', 32));
  return { id, key, indexKey };
}

export function keyringOf(current: string, previous: readonly string[] = []): Keyring {
  const cur = parseDataKey(current);
  const prev = previous.map((p, i) => parseDataKey(p, `DATA_KEYS_PREVIOUS 第 ${i + 1} 个`)).filter((k) => k.id !== cur.id);
  return { current: cur, previous: prev };
}

export const newDataKeyText = () => randomBytes(32).toString('base64');

/**
 * Where the server's data key comes from: DATA_KEY (with DATA_KEYS_PREVIOUS after a rotation); when unset and not in
 * production, the key file beside the data (outside the database), created with mode 0600 on first start. In
 * production a missing DATA_KEY stops the start: data sealed with a key nobody kept is data lost.
 */
export function resolveKeyring(
  settings: { dataKey: string | null; previousKeys: readonly string[]; keyFile: string; production: boolean },
  warn: (message: string) => void = console.warn,
): Keyring {
  if (settings.dataKey) return keyringOf(settings.dataKey, settings.previousKeys);
  if (settings.production) throw new DataKeyError('NODE_ENV=production 时必须设置 DATA_KEY（32 字节密钥，openssl rand -base64 32），服务器未启动');
  if (!existsSync(settings.keyFile)) {
    mkdirSync(dirname(settings.keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(settings.keyFile, `${newDataKeyText()}\n`, { mode: 0o600, flag: 'wx' });
    warn(`DATA_KEY is not set: generated a data key in ${settings.keyFile} (mode 0600). Back it up apart from the database, or set DATA_KEY; without it the encrypted fields cannot be read.`);
  } else {
    chmodSync(settings.keyFile, 0o600);
    warn(`DATA_KEY is not set: using the data key in ${settings.keyFile}. Set DATA_KEY in production.`);
  }
  return keyringOf(readFileSync(settings.keyFile, 'utf8'), settings.previousKeys);
}

let installed: Keyring | null = null;

/** The keyring every seal and open of this process uses (main.ts, CLIs and the test harness install it once). */
export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

export function keyring(): Keyring {
  if (!installed) throw new DataKeyError('数据密钥未加载：服务器启动时须先加载 DATA_KEY');
  return installed;
}

/** Seals a text with the current key. */
export function seal(plain: string): string {
  const { current } = keyring();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export const sealNullable = (plain: string | null | undefined): string | null => (plain === null || plain === undefined ? null : seal(plain));

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX);

/** The key id a sealed value names. */
export const sealedKeyId = (value: string) => value.slice(SEALED_PREFIX.length, value.indexOf(':', SEALED_PREFIX.length));

/** Opens a sealed value with the keyring's key of its id; a key not in the keyring or altered bytes throw DataKeyError. */
export function open(value: string): string {
  if (!isSealed(value)) throw new DataKeyError('字段未加密：请先完成加密迁移（服务器启动时自动执行）');
  const ring = keyring();
  const id = sealedKeyId(value);
  const k = ring.current.id === id ? ring.current : ring.previous.find((p) => p.id === id);
  if (!k) throw new DataKeyError(`数据密钥 ${id} 不在密钥环中：请检查 DATA_KEY 和 DATA_KEYS_PREVIOUS`);
  const bytes = Buffer.from(value.slice(SEALED_PREFIX.length + id.length + 1), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new DataKeyError(`加密字段无法用密钥 ${id} 解开：数据被改动或密钥不符`);
  }
}

export const openNullable = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : open(value));

/** Seals a JSON value (a set of flags, a record). */
export const sealJson = (value: unknown) => seal(JSON.stringify(value));
export const openJson = <T>(value: string): T => JSON.parse(open(value)) as T;

/** The blind index of a value under the current key (what a row stores beside the sealed value). */
export function blindIndex(plain: string, key: DataKey = keyring().current): string {
  return createHmac('sha256', key.indexKey).update(plain).digest('base64url');
}

/** The blind indexes a look-up matches: under every key of the keyring, so rows not yet rotated are found too. */
export function blindIndexes(plain: string): string[] {
  const ring = keyring();
  return [ring.current, ...ring.previous].map((k) => blindIndex(plain, k));
}
