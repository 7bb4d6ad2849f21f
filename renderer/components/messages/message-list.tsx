import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationEntry, InboundEntry, OutboundEntry } from '../../../shared/contract/messages';
import { inboundKind, inboundText, messageTitle, reasonText, stateLabel } from './message-words';

/**
 * A conversation, oldest first: the customer's messages on one side, the shop's on the other, each saying in words
 * who wrote it (position and colour are only second cues), when, and for ours how far it got.
 * `limit` shows only the latest ones; `who` names the customer.
 */
export function MessageList({ messages, limit, who }: { messages: ConversationEntry[]; limit?: number; who?: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const shown = limit ? messages.slice(-limit) : messages;
  if (shown.length === 0) return <p className="muted">{t('messages.none')}</p>;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const customer = who || t('messages.conversation.customer');
  return (
    <ol className="message-list">
      {shown.map((m) =>
        m.direction === 'inbound' ? (
          <Inbound key={m.id} message={m} who={customer} time={time} />
        ) : (
          <Outbound key={m.id} message={m} time={time} />
        ),
      )}
    </ol>
  );
}

function When({ at, time }: { at: number; time: Intl.DateTimeFormat }): ReactNode {
  return (
    <time dateTime={new Date(at).toISOString()} className="muted">
      {time.format(at)}
    </time>
  );
}

function Inbound({ message, who, time }: { message: InboundEntry; who: string; time: Intl.DateTimeFormat }): ReactNode {
  const { t } = useTranslation();
  const kind = inboundKind(t, message);
  const text = inboundText(message);
  return (
    <li className="message message-inbound" data-message-id={message.id}>
      <div className="message-head">
        <strong>{t('messages.conversation.customerWrote', { who })}</strong>
        <When at={message.createdAt} time={time} />
      </div>
      {kind && <p className="message-kind">{kind}</p>}
      {text && <p className="message-text">{text}</p>}
    </li>
  );
}

function Outbound({ message, time }: { message: OutboundEntry; time: Intl.DateTimeFormat }): ReactNode {
  const { t } = useTranslation();
  const reason = reasonText(t, message);
  const { rendered } = message;
  return (
    <li className={`message message-outbound state-${message.state}`} data-message-id={message.id}>
      <div className="message-head">
        <strong>
          <span className="visually-hidden">{t('messages.conversation.shopSent')} </span>
          {messageTitle(t, message)}
        </strong>
        <span className={`message-state state-${message.state}`}>{stateLabel(t, message.state)}</span>
        <When at={message.createdAt} time={time} />
      </div>
      {rendered && (
        <div className="message-rendered">
          {rendered.header && <p className="preview-header">{rendered.header}</p>}
          <p className="message-text">{rendered.body}</p>
          {rendered.footer && <p className="preview-footer">{rendered.footer}</p>}
        </div>
      )}
      {message.text && <p className="message-text">{message.text}</p>}
      {reason && <p className="message-reason">{reason}</p>}
    </li>
  );
}
