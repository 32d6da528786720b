/** Self-check rule packs in Settings (issue 15). ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  cardTitle: '自检规则包',
  cardHint:
    '自检按当前规则包判断。新规则包可从文件载入（先校验，不合格不会保存）；启用后所有商品在后台按新规则重新自检，并列出变化。可随时返回上一个规则包。',
  loadFile: '载入规则包文件',
  loaded: '已载入规则包 {key}（尚未启用）',
  loadFailed: '规则包未载入（未做任何更改）',
  columns: { version: '版本', title: '名称', source: '来源', addedAt: '载入时间', state: '状态' },
  sources: { bundled: '内置', file: '文件', marketplace: '云市场' },
  active: '当前使用',
  previous: '上一个',
  activate: '启用',
  activateConfirm: '启用规则包 {key}？所有商品将按新规则重新自检。',
  revert: '返回上一个规则包',
  revertConfirm: '返回规则包 {key}？所有商品将重新自检。',
  ok: '确定',
  cancel: '取消',
  rechecking: '正在重新自检：{done} / {total} 个商品',
  cancelRecheck: '取消',
  cancelling: '正在取消…',
  diffCancelled:
    '已取消：{total} 个商品中已按新规则重新自检 {listings} 个（以上变化只含这些商品）；其余 {rest} 个在下次打开商品列表时按新规则自检。',
  failed: '操作未完成',
  changelog: '更新说明',
  diffTitle: '{from} → {to}（{at}）',
  diffSummary: '重新自检 {listings} 个商品：新增阻断 {blocked} 个，解除阻断 {clear} 个',
  newlyBlocked: '新增阻断',
  newlyClear: '解除阻断',
  more: '…另有 {n} 个',
  perRule: '按规则（命中的商品数）',
  ruleColumns: { rule: '规则', before: '之前', after: '之后' },
  noChange: '没有商品的结果发生变化。',
};

const en: Translation<typeof zhCN> = {
  cardTitle: 'Self-check rule packs',
  cardHint:
    'The self-check judges by the active rule pack. Load a new pack from a file (validated first; an invalid one is not stored). Activating it re-checks every listing in the background and lists what changed. You can go back to the previous pack at any time.',
  loadFile: 'Load a rule pack file',
  loaded: 'Loaded rule pack {key} (not active yet)',
  loadFailed: 'Rule pack not loaded (nothing changed)',
  columns: { version: 'Version', title: 'Name', source: 'Source', addedAt: 'Loaded', state: 'State' },
  sources: { bundled: 'Bundled', file: 'File', marketplace: 'Marketplace' },
  active: 'Active',
  previous: 'Previous',
  activate: 'Activate',
  activateConfirm: 'Activate rule pack {key}? Every listing will be re-checked with it.',
  revert: 'Go back to the previous pack',
  revertConfirm: 'Go back to rule pack {key}? Every listing will be re-checked.',
  ok: 'OK',
  cancel: 'Cancel',
  rechecking: 'Re-checking: {done} / {total} listings',
  cancelRecheck: 'Cancel',
  cancelling: 'Cancelling…',
  diffCancelled:
    'Cancelled: {listings} of {total} listings were re-checked with the new pack (the changes above cover those only); the other {rest} are checked with it the next time the listings page opens.',
  failed: 'Not completed',
  changelog: 'Changelog',
  diffTitle: '{from} → {to} ({at})',
  diffSummary:
    '{listings, plural, one {# listing} other {# listings}} re-checked: {blocked} newly blocked, {clear} newly clear',
  newlyBlocked: 'Newly blocked',
  newlyClear: 'Newly clear',
  more: '… and {n} more',
  perRule: 'Per rule (listings it was found in)',
  ruleColumns: { rule: 'Rule', before: 'Before', after: 'After' },
  noChange: 'No listing’s result changed.',
};

export default { 'zh-CN': zhCN, en };
