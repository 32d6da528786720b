/**
 * Alerts (deadlines, deposit top-up, new violations). Stored as a code with parameters and put
 * into words when shown (alert-text.ts), so a language switch re-words old alerts too.
 * ICU MessageFormat; Chinese first.
 */
import type { Translation } from '../translation';

const zhCN = {
  ticketKinds: {
    consultation: '咚咚咨询',
    complaint: '投诉',
    'after-sales-email': '售后邮件',
    'after-sales-phone': '售后电话',
  },
  ticket: { title: '工单即将超时：{id}', body: '{kind}须在 {time} 前首次响应。' },
  deposit: {
    title: '保证金待补足',
    body: '缺口 {shortfall, number} 元，须在 {dueDate} 结束前补足（第九条(六)）。',
  },
  violation: {
    title: '新的违规记录：{id}',
    titleNamed: '新的违规记录：{id}（{what}）',
    undecided: '{what}（尚未判定，暂不扣分）。请在“违规扣分”页核对。',
    decided: '{what}，扣 {points} 分。请在“违规扣分”页核对。',
    points: '{what}：扣 {points} 分，本次扣分后累计 {total} 分',
    expelled: '：清退（全部商品下架，保证金不退）',
    gap: '（距 {line} 分清退线还差 {gap} 分）',
    freeze: '冻结服务 {days} 天',
    deductAll: '扣除全部保证金',
    deduct: '扣除保证金 {yuan, number} 元',
    separator: '；',
    body: '{parts}。请在“违规扣分”页核对，有异议请及时申诉。',
  },
  more: '另有 {n} 条提醒，请查看概览。',
};

const en: Translation<typeof zhCN> = {
  ticketKinds: {
    consultation: 'Chat',
    complaint: 'Complaint',
    'after-sales-email': 'After-sales email',
    'after-sales-phone': 'After-sales phone call',
  },
  ticket: { title: 'Ticket about to breach: {id}', body: '{kind} needs a first response before {time}.' },
  deposit: {
    title: 'Deposit top-up due',
    body: 'Short by {shortfall, number} yuan; top up by the end of {dueDate} (第九条(六)).',
  },
  violation: {
    title: 'New violation: {id}',
    titleNamed: 'New violation: {id} ({what})',
    undecided: '{what} (not decided yet, no points so far). Check it on the Points page.',
    decided: '{what}, {points, plural, one {# point} other {# points}}. Check it on the Points page.',
    points: '{what}: {points, plural, one {# point} other {# points}}, {total} this year after it',
    expelled: ': expulsion (all listings removed, deposit forfeited)',
    gap: ' ({gap} short of the {line}-point expulsion line)',
    freeze: 'service frozen for {days, plural, one {# day} other {# days}}',
    deductAll: 'the whole deposit deducted',
    deduct: '{yuan, number} yuan deducted from the deposit',
    separator: '; ',
    body: '{parts}. Check it on the Points page and appeal in time if you disagree.',
  },
  more: '{n, plural, one {# more alert} other {# more alerts}} — see the overview.',
};

export default { 'zh-CN': zhCN, en };
