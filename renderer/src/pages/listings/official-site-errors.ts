/**
 * Why an official-site check could not read the page, said so a vendor knows what to do (issue 17):
 * the verifier's technical reason ("fetch failed: getaddrinfo ENOTFOUND …") becomes a sentence in
 * the user's language (`workspace:siteErrors`); the reason itself stays available as a detail.
 */
import type { TFunction } from 'i18next';

type Explained = { summary: string; detail: string };

type Reason =
  'notFound' | 'refused' | 'timeout' | 'certificate' | 'reset' | 'private' | 'invalidUrl' | 'scheme';

const rules: { test: RegExp; reason: Reason }[] = [
  { test: /ENOTFOUND|EAI_AGAIN|getaddrinfo/i, reason: 'notFound' },
  { test: /ECONNREFUSED/i, reason: 'refused' },
  { test: /no complete answer within|ETIMEDOUT|timeout/i, reason: 'timeout' },
  { test: /certificate|CERT_|SSL|TLS/i, reason: 'certificate' },
  { test: /ECONNRESET|socket hang up|other side closed/i, reason: 'reset' },
  { test: /private|local network|non-public|refus(ed|es) to (fetch|connect)/i, reason: 'private' },
  { test: /not a valid URL/i, reason: 'invalidUrl' },
  { test: /only http and https/i, reason: 'scheme' },
];

/** `t`: the workspace namespace in the user's language. */
export function explainVerifyError(error: string, t: TFunction<'workspace'>): Explained {
  const http = /^HTTP (\d{3})/.exec(error);
  if (http) return { summary: t('siteErrors.http', { status: http[1] }), detail: error };
  const rule = rules.find((r) => r.test.test(error));
  return { summary: t(`siteErrors.${rule?.reason ?? 'unknown'}`), detail: error };
}
