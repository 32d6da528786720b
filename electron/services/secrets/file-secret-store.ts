/**
 * SecretStore kept in one encrypted file (mode 0600) in the user-data folder. What encrypts it
 * is pluggable: browser mode uses AES-256-GCM under a local random key kept in a second 0600
 * file (`localKeyCipher`) — it keeps the secret out of plain-text files, database backups and
 * casual reads by other users, not away from someone who can read the user's own files; the
 * desktop app passes a cipher backed by Electron's safeStorage (the OS keychain), the stronger
 * store (electron/main/platform-electron.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from '../platform';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const FILE_MODE = 0o600;

interface EncryptedFile {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

/** Turns the secrets' JSON into bytes at rest and back. */
export interface SecretCipher {
  encrypt(plain: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
}

export interface FileSecretStoreOptions {
  /** The encrypted secrets, e.g. <userData>/secrets.enc.json */
  file: string;
  /** The local key for the default cipher, e.g. <userData>/secrets.key */
  keyFile: string;
  /** Defaults to `localKeyCipher(keyFile)`. */
  cipher?: SecretCipher;
}

async function writePrivate(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, data, { mode: FILE_MODE });
  await chmod(temp, FILE_MODE); // the umask may have narrowed or the file may have existed
  await rename(temp, path);
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** AES-256-GCM under a random key kept beside the secrets (mode 0600). */
export function localKeyCipher(keyFile: string): SecretCipher {
  async function key(create: boolean): Promise<Buffer | null> {
    const existing = await readIfExists(keyFile);
    if (existing) {
      if (existing.length !== KEY_BYTES)
        throw new Error(`密钥文件已损坏 / the key file ${keyFile} is damaged (expected ${KEY_BYTES} bytes)`);
      await chmod(keyFile, FILE_MODE);
      return existing;
    }
    if (!create) return null;
    const fresh = randomBytes(KEY_BYTES);
    await writePrivate(keyFile, fresh);
    return fresh;
  }
  return {
    async encrypt(plain) {
      const k = (await key(true))!;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const file: EncryptedFile = {
        v: 1,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
      return JSON.stringify(file);
    },
    async decrypt(stored) {
      const k = await key(false);
      if (!k) throw new Error(`找不到密钥文件 / ${keyFile} is missing, so the secrets cannot be decrypted`);
      const parsed = JSON.parse(stored) as EncryptedFile;
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(parsed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(parsed.data, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

export function createFileSecretStore(options: FileSecretStoreOptions): SecretStore {
  const cipher = options.cipher ?? localKeyCipher(options.keyFile);
  let queue: Promise<unknown> = Promise.resolve();
  // Reads and writes run one at a time, so two quick `set`s never lose one another.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<Record<string, string>> {
    const raw = await readIfExists(options.file);
    if (!raw) return {};
    let plain: string;
    try {
      plain = await cipher.decrypt(raw.toString('utf8'));
    } catch (error) {
      const reason =
        error instanceof Error && /missing/.test(error.message)
          ? error.message
          : 'damaged, or encrypted with another key';
      throw new Error(`无法解密 / ${options.file} cannot be decrypted (${reason})`, { cause: error });
    }
    return JSON.parse(plain) as Record<string, string>;
  }

  async function save(secrets: Record<string, string>): Promise<void> {
    await writePrivate(options.file, await cipher.encrypt(JSON.stringify(secrets)));
  }

  return {
    get: (name) => serial(async () => (await load())[name] ?? null),
    set: (name, value) =>
      serial(async () => {
        const secrets = await load();
        secrets[name] = value;
        await save(secrets);
      }),
    delete: (name) =>
      serial(async () => {
        const secrets = await load();
        if (!(name in secrets)) return;
        delete secrets[name];
        await save(secrets);
      }),
  };
}
