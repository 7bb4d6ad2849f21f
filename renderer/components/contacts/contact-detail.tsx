import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import type { Contact } from '../../../shared/contract/contacts';
import type { ConsentEvent } from '../../../shared/domain/consent/event';
import { api } from '../../api';
import { useStore } from '../../store';
import { ContactMessages } from '../messages/contact-messages';
import { ConsentActions } from './consent-actions';
import { ConsentBadges } from './consent-badges';
import { EventTimeline } from './event-timeline';
import { ProofExport } from './proof-export';
import { TagsEditor } from './tags-editor';

interface Detail {
  contact: Contact;
  events: ConsentEvent[];
  chain: { ok: boolean; message?: string | undefined };
}

/** One contact's page: who, consent per purpose, tags, staff actions, proof pack, and the verified timeline. */
export function ContactDetail({ id }: { id: string }): ReactNode {
  const { t } = useTranslation();
  const reloadContacts = useStore((s) => s.reloadContacts);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const [loads, setLoads] = useState(0);

  // The page is keyed by contact id, so one instance only ever loads one contact (again after each change).
  useEffect(() => {
    let live = true;
    void api.contacts.get({ id }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      setDetail(result.value);
    });
    return () => {
      live = false;
    };
  }, [id, loads]);
  const load = () => setLoads((n) => n + 1);

  // Focus the heading on arrival so a keyboard user starts at the top of the contact.
  useEffect(() => {
    if (detail) document.getElementById('contact-title')?.focus();
  }, [detail?.contact.id]); // eslint-disable-line react-hooks/exhaustive-deps -- only when another contact opens

  const changed = (_contact: Contact) => {
    // The timeline and chain change with every event: fetch them again, and let the list refresh too.
    void load();
    reloadContacts();
  };

  const back = (
    <p>
      <a href="#/contacts">{t('contacts.back')}</a>
    </p>
  );
  if (error) {
    return (
      <>
        {back}
        <h1>{t('contacts.notFoundTitle')}</h1>
        <p className="form-error" role="alert">
          {error.message}
        </p>
      </>
    );
  }
  if (!detail) return <p aria-busy="true">{t('contacts.loading')}</p>;
  const { contact, events, chain } = detail;
  return (
    <>
      {back}
      <header className="contact-header">
        <h1 id="contact-title" tabIndex={-1}>
          {contact.name || contact.phoneDisplay}
        </h1>
        {contact.name && <p className="contact-header-phone">{contact.phoneDisplay}</p>}
        <ConsentBadges contact={contact} />
      </header>
      <ConsentActions contact={contact} onChange={changed} />
      <ContactMessages contact={contact} onContactChanged={load} />
      <TagsEditor contact={contact} onChange={(c) => setDetail({ ...detail, contact: c })} />
      <ProofExport contactId={contact.id} />
      <section aria-labelledby="timeline-title" className="contact-section">
        <h2 id="timeline-title">{t('contacts.timeline')}</h2>
        <p className={chain.ok ? 'chain chain-ok' : 'chain chain-bad'} role="status">
          {chain.ok ? t('contacts.chainOk', { count: events.length }) : t('contacts.chainBad', { message: chain.message ?? '' })}
        </p>
        <EventTimeline events={events} />
      </section>
    </>
  );
}
