/**
 * Signature verification, the gateway's side of electron/services/api/signer.ts: the sandbox
 * recomputes the JDCLOUD3 signature over the raw request line, the headers the client says it
 * signed and the raw body. Failures are 401s with a message naming what was wrong.
 */
import { timingSafeEqual } from 'node:crypto';
import {
  DATE_HEADER,
  NONCE_HEADER,
  computeSignature,
  parseAuthorization,
  parseSigningDate,
  type Headers,
} from '../electron/services/api/signer';
import type { Credential, SandboxStore } from './store';

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Nonces are remembered a little longer than the skew window, so a replay inside it is caught. */
const NONCE_MEMORY_MS = 2 * MAX_CLOCK_SKEW_MS + 60_000;

export interface IncomingSignedRequest {
  method: string;
  /** The raw request target: path and query exactly as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  /** The `{regionId}` of the path, or null for paths without one. */
  region: string | null;
}

export type AuthResult = { ok: true; credential: Credential } | { ok: false; message: string };

const fail = (message: string): AuthResult => ({ ok: false, message });

export function verifySignedRequest(
  store: SandboxStore,
  request: IncomingSignedRequest,
  realNowMs: number,
  service: string,
): AuthResult {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return fail('缺少 Authorization 头 / missing Authorization header');
  const auth = parseAuthorization(header);
  if (!auth)
    return fail('Authorization 头格式错误 / malformed Authorization header (expected JDCLOUD3-HMAC-SHA256)');
  const credential = store.credential(auth.accessKey);
  if (!credential) return fail('AccessKey 不存在 / unknown AccessKey');

  const dateText = request.headers[DATE_HEADER];
  const date = typeof dateText === 'string' ? parseSigningDate(dateText) : null;
  if (!date || typeof dateText !== 'string')
    return fail(`缺少或无效的 ${DATE_HEADER} / missing or invalid ${DATE_HEADER}`);
  if (Math.abs(realNowMs - date.getTime()) > MAX_CLOCK_SKEW_MS) {
    return fail(
      `请求时间与服务器时间相差超过 5 分钟 / request time is more than 5 minutes off the server clock (${dateText})`,
    );
  }
  if (auth.day !== dateText.slice(0, 8))
    return fail('签名日期与 x-jdcloud-date 不一致 / credential scope date does not match x-jdcloud-date');
  if (auth.service !== service)
    return fail(`签名服务名应为 ${service} / credential scope service must be "${service}"`);
  if (request.region !== null && auth.region !== request.region) {
    return fail(
      `签名地域与路径不一致 / credential scope region "${auth.region}" does not match the path's "${request.region}"`,
    );
  }

  // Every x-jdcloud-* header that changes the meaning of the request must be covered.
  const mustSign = [
    DATE_HEADER,
    NONCE_HEADER,
    ...Object.keys(request.headers).filter((h) => h.startsWith('x-jdcloud-') && h !== 'x-jdcloud-request-id'),
  ];
  const unsigned = mustSign.filter((h) => !auth.signedHeaders.includes(h));
  if (unsigned.length)
    return fail(`以下请求头必须签名 / these headers must be signed: ${unsigned.join(', ')}`);
  const headers: Headers = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return fail(`签名的请求头不存在 / signed header "${name}" is missing`);
    headers[name] = value;
  }

  const expected = computeSignature(
    { method: request.method, target: request.url, headers, body: request.rawBody },
    credential.secretKey,
    { region: auth.region, service: auth.service },
    dateText,
    auth.signedHeaders,
  ).signature;
  if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(auth.signature, 'hex'))) {
    return fail(
      '签名不匹配 / signature does not match (check the SecretKey, the signed headers and the body)',
    );
  }
  const nonce = String(request.headers[NONCE_HEADER]);
  if (!store.useNonce(credential.accessKey, nonce, realNowMs, NONCE_MEMORY_MS)) {
    return fail('重复的 nonce（请求重放）/ nonce already used (replayed request)');
  }
  return { ok: true, credential };
}
