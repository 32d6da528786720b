/**
 * The check report a vendor hands to a manager: the listing, every finding with its clause and
 * penalty, the exposure, the rule pack version and the date. Self-contained HTML (inline CSS, no
 * scripts, no external resources) so the same text is saved as .html or printed to PDF.
 */
import { fieldLabel } from '../../../shared/listing/field-label';
import type { TFunction } from 'i18next';
import type { Exposure, Locale } from '../../../shared/ipc/contract';
import type { RulePack } from '../../../shared/check/rulepack';
import { ruleIds, type Finding, type Penalty, type RuleId } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import type { DismissedFinding } from '../../../shared/check/dismissals';
import { textIn } from '../text';
import { beijingDateString } from '../../../shared/calendar/beijing';

type ReportText = TFunction<'report'>;

export interface ReportInput {
  listing: Listing;
  findings: Finding[];
  exposure: Exposure;
  pack: Pick<RulePack, 'id' | 'version' | 'title' | 'penaltyTable'>;
  generatedAt: Date;
  locale: Locale;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const MAX_MATCH = 160;
const clip = (s: string) => (s.length > MAX_MATCH ? `${s.slice(0, MAX_MATCH)}…` : s);

/** A stored ISO time (UTC) in Beijing time; text that is not a time as is. */
const dismissedAt = (iso: string, locale: Locale): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : beijingTime(new Date(ms), locale);
};

export function beijingTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

// A4 (Chinese users print A4; Chromium's default is Letter). The findings table has fixed column
// widths and wraps long text inside its cells, so rows stay short and many fit on a page.
const css = `
@page{size:A4;margin:14mm 12mm}
@media print{body{margin:0}}
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1f2328;margin:32px;font-size:13px;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}dt{color:#59636e}dd{margin:0}
.status{display:inline-block;padding:4px 12px;border-radius:4px;font-weight:600;margin:8px 0}
.ready{background:#dafbe1;color:#1a7f37}.blocked{background:#ffebe9;color:#cf222e}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f6f8fa}thead{display:table-header-group}tr{break-inside:avoid}
table.findings{table-layout:fixed;font-size:12px}
.findings .c-sev{width:9%}.findings .c-rule{width:13%}.findings .c-field{width:19%}.findings .c-msg{width:31%}.findings .c-clause{width:10%}.findings .c-pen{width:18%}
.sev-blocker{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#0969da}
code{font-family:ui-monospace,monospace;font-size:12px;background:#f6f8fa;padding:0 2px;word-break:break-all}
.muted{color:#59636e}.exposure td{font-size:15px}
.rule-id{font-size:10px;color:#59636e;word-break:break-all}
.is-dismissed{opacity:.7}.dismissed{color:#59636e;font-style:italic}
`;

const findingColumns = ['sev', 'rule', 'field', 'msg', 'clause', 'pen'] as const;

function exposureCells(e: Exposure, t: ReportText): [string, string][] {
  const days = t('days', { n: e.freezeDays });
  return [
    [t('points'), String(e.points)],
    [t('freeze'), e.expel ? (e.freezeDays ? `${days} + ${t('expel')}` : t('expel')) : days],
    [t('deposit'), e.depositAll ? t('all') : t('yuan', { n: e.depositYuan })],
  ];
}

function penaltyOf(p: Penalty, t: ReportText): string {
  return t('penalty', {
    points: p.points,
    freeze: p.freezeDays === 'expel' ? t('expel') : t('penaltyFreezeDays', { n: p.freezeDays }),
    deposit:
      p.depositDeduction === 'all'
        ? t('penaltyDepositAll')
        : t('penaltyDepositYuan', { n: p.depositDeduction }),
  });
}

/** A rule's name in the report's language (workspace:rules); a pack's own rule id stays its id. */
function ruleName(id: string, locale: Locale): string {
  return (ruleIds as readonly string[]).includes(id)
    ? textIn(locale, 'workspace')(`rules.${id as RuleId}`)
    : id;
}

export function renderCheckReport(input: ReportInput): string {
  const t = textIn(input.locale, 'report');
  const { listing, findings, exposure, pack } = input;
  const live = findings.filter((f) => !(f as DismissedFinding).dismissed);
  const blockers = live.filter((f) => f.severity === 'blocker').length;
  const warnings = live.filter((f) => f.severity === 'warning').length;
  const infos = live.length - blockers - warnings;
  const en = input.locale === 'en';
  const rowsHtml = findings
    .map((f) => {
      const message = en ? (f.messageEn ?? f.message) : f.message;
      const suggestion = en ? (f.suggestionEn ?? f.suggestion) : f.suggestion;
      const row = f.penaltyCode ? pack.penaltyTable[f.penaltyCode]?.row : undefined;
      const reason = en ? (f.reasonEn ?? f.reason) : f.reason;
      const d = (f as DismissedFinding).dismissed;
      const dismissedHtml = d
        ? `<br><span class="dismissed">${escapeHtml(t('dismissed', { by: d.dismissedBy, at: dismissedAt(d.dismissedAt, input.locale), why: d.reason }))}</span>`
        : '';
      return `<tr${d ? ' class="is-dismissed"' : ''}><td class="sev-${f.severity}">${escapeHtml(t(`severity.${f.severity}`))}${d ? `<br>${escapeHtml(t('dismissedTag'))}` : ''}</td><td>${escapeHtml(ruleName(f.ruleId, input.locale))}<br><code class="rule-id">${escapeHtml(f.ruleId)}</code></td>
<td>${escapeHtml(fieldLabel(f.field, input.locale))}${f.match !== undefined ? `<br>「${escapeHtml(clip(f.match))}」` : ''}</td>
<td>${escapeHtml(message)}${reason ? `<br>${escapeHtml(t('reason'))}：${escapeHtml(reason)}` : ''}<br><span class="muted">${escapeHtml(suggestion)}</span>${dismissedHtml}</td>
<td>${escapeHtml(f.clause)}</td>
<td>${f.penalty ? `${escapeHtml(penaltyOf(f.penalty, t))}${row ? `<br><span class="muted">${escapeHtml(row)}</span>` : ''}` : t('noPenalty')}</td></tr>`;
    })
    .join('\n');
  const lang = en ? 'en' : 'zh-CN';
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(`${t('title')} · ${listing.title}`)}</title><style>${css}</style></head>
<body>
<h1>${escapeHtml(t('title'))}</h1>
<p class="muted">${escapeHtml(listing.title)}</p>
<dl>
<dt>${t('listing')}</dt><dd>${escapeHtml(listing.title)}</dd>
${listing.id ? `<dt>${t('listingId')}</dt><dd>${escapeHtml(listing.id)}</dd>` : ''}
${listing.vendor?.name ? `<dt>${t('vendor')}</dt><dd>${escapeHtml(listing.vendor.name)}</dd>` : ''}
<dt>${t('generated')}</dt><dd>${escapeHtml(beijingTime(input.generatedAt, input.locale))}</dd>
<dt>${t('pack')}</dt><dd>${escapeHtml(`${pack.id} ${pack.version}`)} <span class="muted">${escapeHtml(pack.title)}</span></dd>
</dl>
<div class="status ${blockers ? 'blocked' : 'ready'}">${escapeHtml(blockers ? t('notReady', { n: blockers }) : t('ready'))}</div>
<div class="muted">${escapeHtml(t('counts', { b: blockers, w: warnings, i: infos }))}</div>
<h2>${t('exposure')}</h2>
<table class="exposure"><tr>${exposureCells(exposure, t)
    .map(([k]) => `<th>${escapeHtml(k)}</th>`)
    .join('')}</tr><tr>${exposureCells(exposure, t)
    .map(([, v]) => `<td>${escapeHtml(v)}</td>`)
    .join('')}</tr></table>
<p class="muted">${t('rows')}: ${exposure.rows.length ? exposure.rows.map((code) => escapeHtml(pack.penaltyTable[code]?.row ?? code)).join('；') : t('none')}</p>
<h2>${t('findings')}</h2>
${findings.length ? `<table class="findings"><colgroup>${findingColumns.map((c) => `<col class="c-${c}">`).join('')}</colgroup><thead><tr>${findingColumns.map((c) => `<th>${escapeHtml(t(`head.${c}`))}</th>`).join('')}</tr></thead><tbody>\n${rowsHtml}\n</tbody></table>` : `<p>${t('noFindings')}</p>`}
<p class="muted">${escapeHtml(t('note'))}</p>
</body></html>
`;
}

/** A file name for the report from the listing title, safe on every OS. */
export function reportFileName(listing: Listing, generatedAt: Date, extension: 'html' | 'pdf'): string {
  const base =
    (listing.id || listing.title)
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
      .trim()
      .slice(0, 60) || 'listing';
  const day = beijingDateString(generatedAt.getTime());
  return `check-report-${base}-${day}.${extension}`;
}
