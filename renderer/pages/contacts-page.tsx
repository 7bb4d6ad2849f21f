import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ContactDetail } from '../components/contacts/contact-detail';
import { ContactFilters } from '../components/contacts/contact-filters';
import { ContactList } from '../components/contacts/contact-list';
import { useContactIdFromHash } from '../components/contacts/contact-route';
import { downloadText } from '../components/entry-points/download';
import { useOwnerGate } from '../components/owner/use-owner-gate';
import { useStore } from '../store';
import { onFindContact, takeFindContactRequest } from '../use-shortcuts';
import '../components/consent/consent.css';
import '../components/contacts/contacts.css';
import '../components/owner/owner.css';

/** Contacts: the searchable list, or one contact's page when the hash names it (#/contacts/<id>). */
export function ContactsPage(): ReactNode {
  const id = useContactIdFromHash();
  return id ? <ContactDetail key={id} id={id} /> : <ContactsList />;
}

function ContactsList(): ReactNode {
  const { t, i18n } = useTranslation();
  const total = useStore((s) => s.contactsTotal);
  const error = useStore((s) => s.contactsError);
  const filters = useStore((s) => s.contactFilters);
  const reloadContacts = useStore((s) => s.reloadContacts);
  const loadTags = useStore((s) => s.loadContactTags);
  const { run, dialog } = useOwnerGate();
  const [exportMessage, setExportMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    reloadContacts();
    void loadTags();
  }, [reloadContacts, loadTags]);

  // F3 ("Find a contact") lands with the cursor in the search box, whether the page was open already or not.
  useEffect(() => {
    const focusSearch = () => document.getElementById('contact-search')?.focus();
    if (takeFindContactRequest()) focusSearch();
    return onFindContact(focusSearch);
  }, []);

  async function exportCsv() {
    const result = await run(() => api.export.eventsCsv());
    if (!result.ok) return setExportMessage({ text: result.error.message, error: true });
    downloadText(result.value.csv, result.value.fileName, 'text/csv');
    setExportMessage({ text: t('contacts.downloaded', { file: result.value.fileName }) });
  }

  const filtered = Boolean(filters.text || filters.purpose || filters.state || filters.tag || filters.method);
  return (
    <>
      <h1>{t('contacts.title')}</h1>
      <ContactFilters />
      <div className="contacts-toolbar">
        <p className="contacts-total" role="status">
          {total === null ? t('contacts.loading') : t('contacts.total', { count: total, formatted: total.toLocaleString(i18n.language) })}
        </p>
        <button type="button" onClick={() => void exportCsv()}>
          {t('contacts.exportCsv')}
        </button>
        <span role={exportMessage?.error ? 'alert' : 'status'} className={exportMessage?.error ? 'form-error' : 'muted'}>
          {exportMessage?.text}
        </span>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {total === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t('contacts.noMatches') : t('contacts.empty')}</p>
          {!filtered && <a href="#/counter">{t('contacts.emptyAction')}</a>}
        </div>
      ) : total !== null ? (
        <>
          <p className="field-hint">{t('contacts.listHint')}</p>
          <ContactList total={total} />
        </>
      ) : null}
      {dialog}
    </>
  );
}
