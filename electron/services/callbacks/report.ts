/**
 * A tester run as a self-contained HTML page (inline CSS, no scripts, no external resources):
 * every check with its verdict, the plain-language explanation and fix of a failure, and each
 * call sent and answer seen (key and tokens masked, as stored).
 */
import { localizedExplanation } from '../../../shared/callbacks/explanations';
import type { CallbackRun, Locale } from '../../../shared/ipc/contract';
import { escapeHtml } from '../reports/check-report';
import { textIn } from '../text';

export function renderCallbackReport(run: CallbackRun, locale: Locale): string {
  const t = textIn(locale, 'callbackReport');
  const e = escapeHtml;
  const checks = run.checks
    .map((check) => {
      const explanation = localizedExplanation(check.id, locale);
      const calls = check.exchanges
        .map(
          (
            x,
          ) => `<details><summary><code>${e(x.label)}</code> · ${x.status !== undefined ? `HTTP ${x.status}` : e(x.outcome)} · ${x.ms} ms</summary>
<pre>GET ${e(x.url)}</pre><pre>${e(x.body ?? x.error ?? t('report.noAnswer'))}</pre></details>`,
        )
        .join('\n');
      const advice =
        check.status === 'fail'
          ? `<p><b>${e(t('report.means'))}:</b> ${e(explanation.means)}</p><p><b>${e(t('report.fix'))}:</b> ${e(explanation.fix)}</p>`
          : '';
      return `<section class="check ${check.status}"><h2><span class="tag">${e(t(`report.status.${check.status}`))}</span> ${e(explanation.title)} <code>${e(check.id)}</code> <small>${check.ms} ms</small></h2>
<p>${e(check.message)}</p>${advice}${calls ? `<h3>${e(t('report.calls'))}</h3>${calls}` : ''}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(t('report.title'))} #${run.id}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1f1f1f;max-width:1000px}
h1{font-size:22px}h2{font-size:16px;margin:0 0 6px}h3{font-size:13px;margin:8px 0 4px}
.check{border:1px solid #d9d9d9;border-left-width:6px;border-radius:6px;padding:10px 14px;margin:10px 0}
.pass{border-left-color:#237804}.fail{border-left-color:#a8071a}.skip{border-left-color:#8c8c8c}
.tag{font-weight:600}.pass .tag{color:#237804}.fail .tag{color:#a8071a}.skip .tag{color:#595959}
pre{white-space:pre-wrap;word-break:break-all;background:#f5f5f5;padding:6px;font-size:12px;margin:4px 0}
small,.muted{color:#595959}
</style></head><body>
<h1>${e(t('report.title'))} #${run.id}</h1>
<p>${e(t('report.endpoint'))}: <code>${e(run.url)}</code><br>${e(t('report.started'))}: ${e(run.startedAt)} · ${e(t('report.finished'))}: ${e(run.finishedAt ?? '—')}<br>
${e(t('report.limits', { timeoutMs: String(run.timeoutMs), retryMs: String(run.retryIntervalMs) }))}</p>
<p><b>${e(t('report.summary', run.summary))}</b></p>
${run.state === 'unreachable' || run.state === 'failed' ? `<p class="fail">${e(t('report.unreachable'))}${e(run.error ?? '')}</p>` : ''}
${checks}
<p class="muted">${e(t('report.masked'))} VendorDesk · formats.md §6</p>
</body></html>
`;
}
