/**
 * 回复工单 / Respond to a ticket, on the Service page's tickets table, for marketplace (synced)
 * tickets only. The reply is saved locally together with its outbox entry (sync.respondToTicket,
 * one transaction) and sent by the sync engine with that entry's idempotency key — also when it
 * is written offline: it waits in the outbox until the marketplace can be reached.
 */
import { Button, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { call } from '../../api';
import { useTranslation } from 'react-i18next';
import { useSync } from './sync-store';
import { errorText } from '../errors/error-text';

/** The marketplace's limit for one response (shared/ipc/contracts/sync.ts). */
const MAX_REPLY = 5000;

export function TicketReplyButton({
  ticket,
  readOnly,
}: {
  ticket: { id: string | number; source: string };
  readOnly: boolean;
}) {
  const { t } = useTranslation('sync');
  const [open, setOpen] = useState(false);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  if (ticket.source !== 'sync') return null;
  const id = String(ticket.id);
  const send = async () => {
    setBusy(true);
    try {
      await call('sync.respondToTicket', { ticketId: id, text: reply });
      void message.success(t('replyQueued'));
      setOpen(false);
      setReply('');
      void useSync.getState().load(); // the header's "N waiting"
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        type="link"
        disabled={readOnly}
        onClick={() => setOpen(true)}
        data-testid={`ticket-reply-${id}`}
      >
        {t('ops.respond')}
      </Button>
      <Modal
        open={open}
        title={`${t('ops.respond')} ${id}`}
        okText={t('replySend')}
        okButtonProps={{ disabled: reply.trim() === '', loading: busy }}
        onOk={() => void send()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={`${t('ops.respond')} ${id}`}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          maxLength={MAX_REPLY}
          showCount
          autoSize={{ minRows: 4, maxRows: 12 }}
          data-testid="ticket-reply-text"
        />
      </Modal>
    </>
  );
}
