/**
 * The marketplace AccessKey/SecretKey, kept in the platform's SecretStore (Electron safeStorage,
 * or the encrypted file of electron/services/secrets in browser mode). Only the main process
 * reads the secret; what may travel to the renderer is `describeCredentials` — the access key,
 * masked, and whether a secret is set.
 */
import type { SecretStore } from '../platform';
import type { SigningKeyMaterial } from './signer';

const ACCESS_KEY = 'marketplace.accessKey';
const SECRET_KEY = 'marketplace.secretKey';

export async function loadCredentials(secrets: SecretStore): Promise<SigningKeyMaterial | null> {
  const [accessKey, secretKey] = await Promise.all([secrets.get(ACCESS_KEY), secrets.get(SECRET_KEY)]);
  return accessKey && secretKey ? { accessKey, secretKey } : null;
}

export async function saveCredentials(secrets: SecretStore, credentials: SigningKeyMaterial): Promise<void> {
  const accessKey = credentials.accessKey.trim();
  const secretKey = credentials.secretKey.trim();
  if (!/^[\x21-\x7e]{4,128}$/.test(accessKey))
    throw new Error('AccessKey 格式无效 / the AccessKey must be 4–128 visible ASCII characters');
  if (!/^[\x21-\x7e]{4,256}$/.test(secretKey))
    throw new Error('SecretKey 格式无效 / the SecretKey must be 4–256 visible ASCII characters');
  await secrets.set(ACCESS_KEY, accessKey);
  await secrets.set(SECRET_KEY, secretKey);
}

export async function clearCredentials(secrets: SecretStore): Promise<void> {
  await secrets.delete(ACCESS_KEY);
  await secrets.delete(SECRET_KEY);
}

/** Safe to show and to send to the renderer: never contains the secret. */
export async function describeCredentials(
  secrets: SecretStore,
): Promise<{ accessKey: string | null; hasSecret: boolean }> {
  const credentials = await loadCredentials(secrets);
  if (!credentials) return { accessKey: null, hasSecret: false };
  const ak = credentials.accessKey;
  return { accessKey: ak.length > 8 ? `${ak.slice(0, 4)}…${ak.slice(-4)}` : '****', hasSecret: true };
}

/** A credentials source for the transport that fails with a clear message when none are saved. */
export function credentialsFrom(secrets: SecretStore): () => Promise<SigningKeyMaterial> {
  return async () => {
    const credentials = await loadCredentials(secrets);
    if (!credentials)
      throw new Error('尚未设置云市场 AccessKey/SecretKey / marketplace AccessKey/SecretKey not set');
    return credentials;
  };
}
