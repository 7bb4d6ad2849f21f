import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../shared/contract';
import type { Message } from '../../../shared/contract/messages';
import { api } from '../../api';
import { ConfirmDialog } from '../consent/confirm-dialog';
import { useOwnerGate } from '../owner/use-owner-gate';
import { messageTitle, stateLabel } from './message-words';
import './messages.css';

type OutboxStatus = ResultOf<'outbox:status'>;
const ORDER = ['queued', 'sending', 'accepted', 'sent', 'delivered', 'read', 'failed', 'skipped', 'unknown'];

/**
 * The outbox at a glance: counts by state, and messages whose outcome is unknown for the owner to resend or drop.
 * WhatsApp may already have delivered an unknown message, so resending one asks first and says so.
 */
export function OutboxPanel(): ReactNode {
  const { t, i18n } = useTranslation();
  const { run, dialog } = useOwnerGate();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [loads, setLoads] = useState(0);
  const [confirming, setConfirming] = useState<Message | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    void api.outbox.status().then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [loads]);

  // A campaign changes many items a second: refresh at most once a second.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setLoads((n) => n + 1);
      }, 1000);
    };
    const offChanged = api.events.subscribe('outbox:changed', later);
    const offAlert = api.events.subscribe('outbox:alert', later);
    return () => {
      offChanged();
      offAlert();
      if (timer) clearTimeout(timer);
    };
  }, []);

  /** `confirmUnknown` only after the owner said yes in the dialog: the main process refuses an unknown resend without it. */
  async function act(item: Message, action: 'resend' | 'drop', confirmUnknown = false) {
    const result = await run(() =>
      action === 'resend'
        ? api.outbox.resend(confirmUnknown ? { id: item.id, confirmUnknown: true } : { id: item.id })
        : api.outbox.drop({ id: item.id }),
    );
    setMessage(result.ok ? { text: t(action === 'resend' ? 'messages.outbox.resent' : 'messages.outbox.dropped', { to: item.to }) } : { text: result.error.message, error: true });
    setLoads((n) => n + 1);
  }

  const number = new Intl.NumberFormat(i18n.language);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const states = status ? ORDER.filter((s) => (status.counts[s] ?? 0) > 0) : [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('messages.outbox.title')}</h2>
      {status?.paused && <p className="connection-warning">{t('messages.outbox.paused', { reason: status.paused })}</p>}
      {status?.offline && <p className="connection-warning">{t('messages.outbox.offline')}</p>}
      {status && states.length === 0 && <p className="muted">{t('messages.outbox.empty')}</p>}
      {states.length > 0 && (
        <dl className="outbox-counts" aria-label={t('messages.outbox.counts')}>
          {states.map((s) => (
            <div key={s}>
              <dt>{stateLabel(t, s)}</dt>
              <dd>{number.format(status!.counts[s] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
      {status && status.unknown.length > 0 && (
        <>
          <p>{t('messages.outbox.unknownExplain')}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('messages.outbox.unknownTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('messages.outbox.to')}</th>
                <th scope="col">{t('messages.outbox.what')}</th>
                <th scope="col">{t('messages.outbox.when')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('messages.outbox.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.unknown.map((item) => (
                <tr key={item.id}>
                  <td>{item.to}</td>
                  <td>{messageTitle(t, item)}</td>
                  <td>{time.format(item.createdAt)}</td>
                  <td>
                    <button type="button" onClick={() => (item.state === 'unknown' ? setConfirming(item) : void act(item, 'resend'))}>
                      {t('messages.outbox.resend')}
                      <span className="visually-hidden"> {item.to}</span>
                    </button>{' '}
                    <button type="button" onClick={() => void act(item, 'drop')}>
                      {t('messages.outbox.drop')}
                      <span className="visually-hidden"> {item.to}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p role={message?.error ? 'alert' : 'status'} className={message?.error ? 'form-error' : undefined}>
        {message?.text}
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('messages.outbox.confirmTitle')}
          confirmLabel={t('messages.outbox.confirmResend')}
          onConfirm={() => {
            setConfirming(null);
            void act(confirming, 'resend', true);
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('messages.outbox.confirmBody', { what: messageTitle(t, confirming), to: confirming.to })}</p>
        </ConfirmDialog>
      )}
      {dialog}
    </section>
  );
}
