/**
 * Puts an alert into words in the language of `t`: the scheduler (for the stored fallback
 * text), the OS notification and the in-app banner all use this, so an alert reads the same
 * everywhere and follows a language switch. Alerts stored before they carried a message
 * (null) keep their stored title and body.
 */
import type { TFunction } from 'i18next';
import type { AlertMessage, Locale } from '../ipc/contract';

export interface AlertText {
  title: string;
  body: string;
}

/** `t` in the language `locale` (the violation's name comes from the policy pack in both). */
export function alertText(
  t: TFunction<'alerts'>,
  locale: Locale,
  alert: { recordId: string; title: string; body: string; message: AlertMessage | null },
): AlertText {
  const m = alert.message;
  const id = alert.recordId;
  if (!m) return { title: alert.title, body: alert.body };
  switch (m.code) {
    case 'ticket-deadline':
      return {
        title: t('ticket.title', { id }),
        body: t('ticket.body', { kind: t(`ticketKinds.${m.ticketKind}`), time: m.time }),
      };
    case 'deposit-due':
      return {
        title: t('deposit.title'),
        body: t('deposit.body', { shortfall: m.shortfall, dueDate: m.dueDate }),
      };
    case 'new-violation':
      return violationText(t, locale, id, m);
  }
}

function violationText(
  t: TFunction<'alerts'>,
  locale: Locale,
  id: string,
  m: Extract<AlertMessage, { code: 'new-violation' }>,
): AlertText {
  const what = m.name?.[locale] ?? m.violationCode;
  const c = m.consequence;
  if (!c)
    return {
      title: t('violation.title', { id }),
      body:
        m.points === null
          ? t('violation.undecided', { what })
          : t('violation.decided', { what, points: m.points }),
    };
  let first = t('violation.points', { what, points: m.points ?? 0, total: c.totalAfter });
  first += c.expelled
    ? t('violation.expelled')
    : t('violation.gap', { line: c.expelAt, gap: c.expelAt - c.totalAfter });
  const parts = [first];
  if (typeof c.freeze === 'number' && c.freeze > 0) parts.push(t('violation.freeze', { days: c.freeze }));
  if (c.deduction === 'all') parts.push(t('violation.deductAll'));
  else if (c.deduction > 0) parts.push(t('violation.deduct', { yuan: c.deduction }));
  return {
    title: t('violation.titleNamed', { id, what }),
    body: t('violation.body', { parts: parts.join(t('violation.separator')) }),
  };
}
