/** The official-site check's technical reasons become sentences that say what to do (issue 17). */
import { describe, expect, it } from 'vitest';
import { explainVerifyError } from '../../../renderer/src/pages/listings/official-site-errors';
import { createI18n } from '../../../shared/i18n/create-i18n';

const zh = createI18n('zh-CN').getFixedT('zh-CN', 'workspace');
const en = createI18n('en').getFixedT('en', 'workspace');

describe('explainVerifyError', () => {
  it('an offline or misspelt host', () => {
    const e = explainVerifyError('fetch failed: getaddrinfo ENOTFOUND www.example-crm.cn', zh);
    expect(e.summary).toContain('找不到这个网站');
    expect(e.summary).toContain('网络');
    expect(e.summary).not.toMatch(/ENOTFOUND|fetch failed/);
    expect(e.detail).toContain('ENOTFOUND');
    expect(explainVerifyError('fetch failed: getaddrinfo ENOTFOUND x', en).summary).toMatch(
      /could not be found/,
    );
  });
  it('HTTP errors, timeouts, refused connections and bad addresses', () => {
    expect(explainVerifyError('HTTP 503', zh).summary).toContain('HTTP 503');
    expect(explainVerifyError('no complete answer within 10000 ms', zh).summary).toContain('没有完整响应');
    expect(explainVerifyError('fetch failed: connect ECONNREFUSED 1.2.3.4:443', zh).summary).toContain(
      '拒绝了连接',
    );
    expect(explainVerifyError('not a valid URL', en).summary).toMatch(/not a valid address/);
  });
  it('anything else still says what to do', () => {
    expect(explainVerifyError('weird', zh).summary).toBe('无法读取该网页。请检查地址和网络后再试。');
  });
});
