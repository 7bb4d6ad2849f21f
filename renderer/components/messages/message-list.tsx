import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/contract/messages';
import { messageTitle, reasonText, stateLabel } from './message-words';

/** Outgoing messages, newest first, each with its state in words (colour is only a second cue). */
export function MessageList({ messages, limit }: { messages: Message[]; limit?: number }): ReactNode {
  const { t, i18n } = useTranslation();
  const shown = limit ? messages.slice(0, limit) : messages;
  if (shown.length === 0) return <p className="muted">{t('messages.none')}</p>;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="message-list">
      {shown.map((m) => {
        const reason = reasonText(t, m);
        return (
          <li key={m.id} className={`message state-${m.state}`} data-message-id={m.id}>
            <div className="message-head">
              <strong>{messageTitle(t, m)}</strong>
              <span className={`message-state state-${m.state}`}>{stateLabel(t, m.state)}</span>
              <time dateTime={new Date(m.createdAt).toISOString()} className="muted">
                {time.format(m.createdAt)}
              </time>
            </div>
            {m.text && <p className="message-text">{m.text}</p>}
            {reason && <p className="message-reason">{reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
