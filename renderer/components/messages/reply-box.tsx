import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import type { SendCheckResult } from '../../../shared/contract/messages';
import { api } from '../../api';
import { Field } from '../field';
import { windowRemaining } from './message-words';
import { willNotSendText } from './send-notification';

/** The 24 h window: while open, its remaining time (updated every minute) and a free-form reply; else why not. */
export function ReplyBox({ contactId, windowOpenUntil, onSent }: { contactId: string; windowOpenUntil: string | null; onSent(): void }): ReactNode {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [check, setCheck] = useState<{ key: string; result: SendCheckResult } | null>(null);
  const id = useId();

  // With no open window, ask the send policy why: after a STOP the owner sees "opted out on 3 May", not "closed".
  useEffect(() => {
    if (windowOpenUntil) return;
    let current = true;
    void api.messages.check({ contactId, kind: 'text' }).then((r) => {
      if (current && r.ok) setCheck({ key: contactId, result: r.value });
    });
    return () => {
      current = false;
    };
  }, [contactId, windowOpenUntil]);

  useEffect(() => {
    if (!windowOpenUntil) return;
    // Read the clock as soon as a window opens (not synchronously in the effect), then once a minute.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [windowOpenUntil]);

  const until = windowOpenUntil ? Date.parse(windowOpenUntil) : 0;
  const open = until > now;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const result = await api.messages.reply({ contactId, text });
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      setStatus('');
      return;
    }
    setError(null);
    setText('');
    setStatus(t('messages.reply.queued'));
    onSent();
  }

  if (!open) {
    const refused = check?.key === contactId && !check.result.ok ? check.result : null;
    if (refused?.reason === 'opted_out') {
      return (
        <div className="window-closed">
          <p>{willNotSendText(t, i18n.language, refused)}</p>
          <p className="muted">{t('messages.willNotSend.afterStop')}</p>
        </div>
      );
    }
    return <p className="window-closed">{t('messages.window.closed')}</p>;
  }
  return (
    <form className="form reply-box" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('messages.reply.title')}</h3>
      <p className="window-open">{t('messages.window.open', { remaining: windowRemaining(t, until, now) })}</p>
      <Field label={t('messages.reply.label')} error={error?.message}>
        {({ id: fieldId, describedBy, invalid }) => (
          <textarea id={fieldId} rows={3} maxLength={4096} value={text} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending} aria-busy={sending}>
          {t('messages.reply.send')}
        </button>
        <span role="status">{status}</span>
      </div>
    </form>
  );
}
