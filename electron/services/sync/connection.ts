/**
 * The marketplace connection: endpoint and region in sync_state, the keys in the secret store
 * (never in the database, logs, errors or the renderer). `clientFactory` is what the engine gets.
 */
import { MarketplaceClient } from '../api/client';
import { clearCredentials, describeCredentials, loadCredentials, saveCredentials } from '../api/credentials';
import type { SigningKeyMaterial } from '../api/signer';
import type { TransportOptions } from '../api/transport';
import type { SecretStore } from '../platform';
import { DEFAULT_ENDPOINT, DEFAULT_REGION, DEFAULT_SERVICE } from '../../../shared/api/paths';
import { AppError } from '../../../shared/ipc/errors';

export interface ConnectionSettings {
  endpoint: string | null;
  region: string | null;
}

export function validateEndpoint(endpoint: string): string {
  const trimmed = endpoint.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(trimmed))
    throw new AppError(
      'invalid-input',
      `接口地址无效 / endpoint "${endpoint}": expected http(s)://host[:port]`,
    );
  return trimmed;
}

export function validateRegion(region: string): string {
  const trimmed = region.trim();
  if (!/^[a-z0-9-]{2,40}$/.test(trimmed))
    throw new AppError('invalid-input', `地域无效 / region "${region}": expected e.g. cn-north-1`);
  return trimmed;
}

export interface ClientFactoryOptions {
  settings: () => ConnectionSettings;
  secrets: SecretStore;
  /** Overrides (the CLI's options and environment). */
  override?: { endpoint?: string; region?: string; credentials?: SigningKeyMaterial };
  transport?: Partial<TransportOptions>;
}

export function clientFactory(options: ClientFactoryOptions): () => Promise<MarketplaceClient> {
  return async () => {
    const s = options.settings();
    const endpoint = options.override?.endpoint ?? s.endpoint ?? null;
    if (!endpoint)
      throw new AppError(
        'invalid-input',
        `尚未设置云市场连接 / no marketplace connection set (default endpoint ${DEFAULT_ENDPOINT} needs keys)`,
      );
    const credentials = options.override?.credentials ?? (await loadCredentials(options.secrets));
    if (!credentials)
      throw new AppError(
        'invalid-input',
        '尚未设置云市场 AccessKey/SecretKey / marketplace AccessKey/SecretKey not set',
      );
    return new MarketplaceClient({
      endpoint,
      region: options.override?.region ?? s.region ?? DEFAULT_REGION,
      service: DEFAULT_SERVICE,
      credentials: async () => credentials,
      ...options.transport,
    });
  };
}

export { saveCredentials, clearCredentials, describeCredentials };
