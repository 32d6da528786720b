import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clearCredentials,
  describeCredentials,
  loadCredentials,
  saveCredentials,
} from '../../../electron/services/api/credentials';
import { createFileSecretStore } from '../../../electron/services/secrets/file-secret-store';

function paths() {
  const dir = mkdtempSync(join(tmpdir(), 'vendordesk-secrets-'));
  return { file: join(dir, 'secrets.enc.json'), keyFile: join(dir, 'secrets.key') };
}

const SECRET = 'sk-very-secret-0123456789abcdef';

describe('file SecretStore (browser mode)', () => {
  it('stores, reads, survives a new instance and deletes', async () => {
    const p = paths();
    const store = createFileSecretStore(p);
    expect(await store.get('x')).toBeNull();
    await Promise.all([store.set('a', '1'), store.set('b', SECRET)]);
    expect(await createFileSecretStore(p).get('b')).toBe(SECRET);
    expect(await store.get('a')).toBe('1');
    await store.delete('b');
    expect(await createFileSecretStore(p).get('b')).toBeNull();
  });

  it('writes both files with mode 0600 and never the secret in clear', async () => {
    const p = paths();
    await createFileSecretStore(p).set('marketplace.secretKey', SECRET);
    expect(statSync(p.file).mode & 0o777).toBe(0o600);
    expect(statSync(p.keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(p.file, 'utf8')).not.toContain(SECRET);
  });

  it('refuses a tampered file with a message naming it', async () => {
    const p = paths();
    await createFileSecretStore(p).set('k', 'v');
    const file = JSON.parse(readFileSync(p.file, 'utf8')) as { data: string };
    file.data = Buffer.from('tampered').toString('base64');
    writeFileSync(p.file, JSON.stringify(file));
    await expect(createFileSecretStore(p).get('k')).rejects.toThrow(p.file);
  });
});

describe('marketplace credentials', () => {
  it('round-trips, describes without the secret, and clears', async () => {
    const store = createFileSecretStore(paths());
    await saveCredentials(store, { accessKey: ' AKEXAMPLE1234 ', secretKey: SECRET });
    expect(await loadCredentials(store)).toEqual({ accessKey: 'AKEXAMPLE1234', secretKey: SECRET });
    const described = await describeCredentials(store);
    expect(described).toEqual({ accessKey: 'AKEX…1234', hasSecret: true });
    expect(JSON.stringify(described)).not.toContain(SECRET);
    await clearCredentials(store);
    expect(await loadCredentials(store)).toBeNull();
  });

  it('rejects unusable keys', async () => {
    const store = createFileSecretStore(paths());
    await expect(saveCredentials(store, { accessKey: 'a b', secretKey: SECRET })).rejects.toThrow(
      /AccessKey/,
    );
  });
});
