/**
 * Browser-mode SecretStore: secrets in one file encrypted with AES-256-GCM under a local random
 * key kept in a second file, both mode 0600 in the user-data folder. It keeps the secret out of
 * plain-text files, backups of the database and casual reads by other users; it cannot protect
 * against someone who can read the user's own files (Electron's safeStorage, backed by the OS
 * keychain, is the stronger store and is used in the desktop app).
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

export interface FileSecretStoreOptions {
  /** The encrypted secrets, e.g. <userData>/secrets.enc.json */
  file: string;
  /** The local key, e.g. <userData>/secrets.key */
  keyFile: string;
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

export function createFileSecretStore(options: FileSecretStoreOptions): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  // Reads and writes run one at a time, so two quick `set`s never lose one another.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  async function key(create: boolean): Promise<Buffer | null> {
    const existing = await readIfExists(options.keyFile);
    if (existing) {
      if (existing.length !== KEY_BYTES) throw new Error(`密钥文件已损坏 / the key file ${options.keyFile} is damaged (expected ${KEY_BYTES} bytes)`);
      await chmod(options.keyFile, FILE_MODE);
      return existing;
    }
    if (!create) return null;
    const fresh = randomBytes(KEY_BYTES);
    await writePrivate(options.keyFile, fresh);
    return fresh;
  }

  async function load(): Promise<Record<string, string>> {
    const raw = await readIfExists(options.file);
    if (!raw) return {};
    const k = await key(false);
    if (!k) throw new Error(`找不到密钥文件 / ${options.keyFile} is missing, so ${options.file} cannot be decrypted`);
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as EncryptedFile;
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(parsed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(parsed.data, 'base64')), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as Record<string, string>;
    } catch {
      throw new Error(`无法解密 / ${options.file} cannot be decrypted (damaged, or encrypted with another key)`);
    }
  }

  async function save(secrets: Record<string, string>): Promise<void> {
    const k = (await key(true))!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', k, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    const file: EncryptedFile = { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    await writePrivate(options.file, JSON.stringify(file));
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
