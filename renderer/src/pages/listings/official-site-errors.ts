/**
 * Why an official-site check could not read the page, said so a vendor knows what to do (issue 17):
 * the verifier's technical reason ("fetch failed: getaddrinfo ENOTFOUND …") becomes a sentence in
 * the user's language; the reason itself stays available as a detail.
 */
import type { Locale } from '../../../../shared/ipc/contract';

type Explained = { summary: string; detail: string };

const rules: { test: RegExp; 'zh-CN': string; en: string }[] = [
  {
    test: /ENOTFOUND|EAI_AGAIN|getaddrinfo/i,
    'zh-CN': '找不到这个网站：域名无法解析。请检查地址拼写；若地址无误，请检查本机网络连接后再检查一次。',
    en: 'The site could not be found: its domain name does not resolve. Check the address; if it is right, check this computer’s network connection and try again.',
  },
  {
    test: /ECONNREFUSED/i,
    'zh-CN': '网站拒绝了连接：服务器可能未运行或端口不对。请确认官网可以在浏览器中打开后再检查。',
    en: 'The site refused the connection: the server may be down or the port wrong. Make sure the page opens in a browser, then check again.',
  },
  {
    test: /no complete answer within|ETIMEDOUT|timeout/i,
    'zh-CN': '网站在规定时间内没有完整响应。请稍后再检查，或确认网络与官网是否正常。',
    en: 'The site did not answer in time. Try again later, or make sure the network and the site are up.',
  },
  {
    test: /certificate|CERT_|SSL|TLS/i,
    'zh-CN': '网站的 HTTPS 证书无效或不受信任。请联系网站管理员修复证书后再检查。',
    en: 'The site’s HTTPS certificate is invalid or not trusted. Have it fixed, then check again.',
  },
  {
    test: /ECONNRESET|socket hang up|other side closed/i,
    'zh-CN': '连接被网站中途断开。请稍后再检查一次。',
    en: 'The site dropped the connection. Try again in a moment.',
  },
  {
    test: /private|local network|non-public|refus(ed|es) to (fetch|connect)/i,
    'zh-CN': '该地址指向内网或本机，出于安全原因不会访问。官网商品页须是公开可访问的网址。',
    en: 'The address points into a private network or this computer and is not fetched, for safety. The product page must be publicly reachable.',
  },
  {
    test: /not a valid URL/i,
    'zh-CN': '这不是有效的网址。请填写完整地址，例如 https://www.example.com/product。',
    en: 'This is not a valid address. Enter a full one, e.g. https://www.example.com/product.',
  },
  {
    test: /only http and https/i,
    'zh-CN': '只能检查 http:// 或 https:// 开头的网页地址。',
    en: 'Only pages whose address starts with http:// or https:// can be checked.',
  },
];

export function explainVerifyError(error: string, locale: Locale): Explained {
  const http = /^HTTP (\d{3})/.exec(error);
  if (http)
    return {
      summary:
        locale === 'en'
          ? `The site answered with an error (HTTP ${http[1]}). Make sure the page opens in a browser, then check again.`
          : `网站返回错误（HTTP ${http[1]}）。请确认该网页能在浏览器中正常打开后再检查。`,
      detail: error,
    };
  const rule = rules.find((r) => r.test.test(error));
  return {
    summary:
      rule?.[locale] ??
      (locale === 'en'
        ? 'The page could not be read. Check the address and the network, then try again.'
        : '无法读取该网页。请检查地址和网络后再试。'),
    detail: error,
  };
}
