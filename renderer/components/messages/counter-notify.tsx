import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract/contacts';
import { api } from '../../api';
import { MessageList } from './message-list';
import { changeText } from './message-words';
import { SendNotification } from './send-notification';
import { useContactMessages } from './use-contact-messages';
import './messages.css';

/**
 * The counter's "Send a notification": for the customer just opted in (their welcome message names them) or one
 * found by name or number, a template send with its status right here, so staff need not leave the counter.
 */
export function CounterNotify(): ReactNode {
  const { t } = useTranslation();
  const [contact, setContact] = useState<Contact | null>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Contact[]>([]);
  const { messages: conversation, lastChange, reload } = useContactMessages(contact?.id ?? null);
  // The counter follows what staff send; the customer's side of the conversation is on the contact page.
  const messages = conversation?.filter((m) => m.direction === 'outbound') ?? null;
  const id = useId();

  // Every confirmed opt-in queues a welcome message: that is the customer at the counter right now.
  // Changes are coalesced, so the first report may already say "sending" or later: take each welcome once.
  useEffect(() => {
    const seen = new Set<string>();
    return api.events.subscribe('outbox:changed', ({ items }) => {
      const welcome = items.find((item) => item.origin === 'welcome' && !seen.has(item.id));
      for (const item of items) if (item.origin === 'welcome') seen.add(item.id);
      if (!welcome) return;
      void api.contacts.get({ id: welcome.contactId }).then((result) => {
        if (result.ok) setContact(result.value.contact);
      });
    });
  }, []);

  useEffect(() => {
    const text = query.trim();
    if (!text) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.contacts.search({ text, limit: 5 }).then((result) => {
        if (live && result.ok) setMatches(result.value.items);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  function pick(c: Contact) {
    setContact(c);
    setQuery('');
    setMatches([]);
  }

  return (
    <section className="notify-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('messages.counter.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-find`}>{t('messages.counter.find')}</label>
        <input id={`${id}-find`} type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {query.trim() !== '' && matches.length > 0 && (
        <ul className="tag-list" aria-label={t('messages.counter.matches')}>
          {matches.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => pick(c)}>
                {c.name ? `${c.name} (${c.phoneDisplay})` : c.phoneDisplay}
              </button>
            </li>
          ))}
        </ul>
      )}
      {contact ? (
        <>
          <p className="summary">{t('messages.counter.to', { who: contact.name ? `${contact.name} (${contact.phoneDisplay})` : contact.phoneDisplay })}</p>
          <SendNotification key={contact.id} contact={contact} onSent={reload} hideTitle />
          {messages && messages.length > 0 && <MessageList messages={messages} limit={3} />}
          <p className="visually-hidden" role="status">
            {lastChange?.kind === 'state' ? changeText(t, lastChange, '') : ''}
          </p>
        </>
      ) : (
        <p className="muted">{t('messages.counter.none')}</p>
      )}
    </section>
  );
}
