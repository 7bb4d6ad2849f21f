import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract/contacts';
import { api } from '../../api';
import { useStore } from '../../store';
import { MessageList } from './message-list';
import { changeText } from './message-words';
import { ReplyBox } from './reply-box';
import { SandboxPanel } from './sandbox-panel';
import { SendNotification } from './send-notification';
import { useContactMessages } from './use-contact-messages';
import './messages.css';

/**
 * A contact's conversation: what the customer wrote, what was sent and how far it got (live), the 24 h window with a
 * reply box beneath it, the "Send a notification" form, and in sandbox mode a way to play the customer.
 * `onContactChanged` lets the page refresh the consent badges when an inbound message (a STOP) changed them.
 */
export function ContactMessages({ contact, onContactChanged }: { contact: Contact; onContactChanged?: () => void }): ReactNode {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  const loadConnection = useStore((s) => s.loadConnection);
  const { messages, windowOpenUntil, error, lastChange, reload } = useContactMessages(contact.id);
  const id = useId();
  const who = contact.name || contact.phoneDisplay;
  const scroller = useRef<HTMLDivElement>(null);
  const newest = messages && messages.length > 0 ? messages[messages.length - 1]!.id : null;

  // The newest message sits just above the reply box, as in a chat: bring it into view when it changes.
  useEffect(() => {
    const box = scroller.current;
    if (box && newest) box.scrollTop = box.scrollHeight;
  }, [newest]);

  useEffect(() => {
    void loadConnection();
  }, [loadConnection]);

  // The page passes a new callback each render: subscribe once and call the latest one.
  const changed = useRef(onContactChanged);
  useEffect(() => {
    changed.current = onContactChanged;
  });
  useEffect(
    () =>
      api.events.subscribe('data:changed', ({ domain }) => {
        if (domain === 'contacts') changed.current?.();
      }),
    [],
  );

  return (
    <>
      <section className="contact-section contact-messages" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('messages.title')}</h2>
        <p className="visually-hidden" role="status">
          {lastChange ? changeText(t, lastChange, who) : ''}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        {messages === null ? (
          <p aria-busy="true">{t('messages.loading')}</p>
        ) : (
          // Focusable so the conversation scrolls from the keyboard too.
          <div ref={scroller} className="conversation" role="region" aria-label={t('messages.conversation.label', { who })} tabIndex={0}>
            <MessageList messages={messages} who={who} />
          </div>
        )}
        <ReplyBox contactId={contact.id} windowOpenUntil={windowOpenUntil} onSent={reload} />
        <SendNotification contact={contact} onSent={reload} />
      </section>
      {connection?.mode === 'sandbox' && <SandboxPanel phone={contact.phone} />}
    </>
  );
}
