import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract/contacts';
import { api } from '../../api';
import { useStore } from '../../store';

/** The contact's tags: remove with its button, add by typing and Enter (suggesting tags already in use). */
export function TagsEditor({ contact, onChange }: { contact: Contact; onChange(contact: Contact): void }): ReactNode {
  const { t } = useTranslation();
  const known = useStore((s) => s.contactTags);
  const loadTags = useStore((s) => s.loadContactTags);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function save(tags: string[]) {
    const result = await api.contacts.setTags({ id: contact.id, tags });
    if (!result.ok) {
      setError(result.error.message);
      document.getElementById(`${id}-input`)?.focus();
      return false;
    }
    setError(null);
    onChange(result.value);
    void loadTags();
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const tag = draft.trim();
    if (contact.tags.includes(tag)) return setDraft('');
    if (await save([...contact.tags, tag])) setDraft('');
  }

  return (
    <section aria-labelledby={`${id}-title`} className="contact-section">
      <h2 id={`${id}-title`}>{t('contacts.tags')}</h2>
      {contact.tags.length === 0 ? (
        <p className="muted">{t('contacts.noTags')}</p>
      ) : (
        <ul className="tag-list">
          {contact.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button type="button" aria-label={t('contacts.removeTag', { tag })} onClick={() => void save(contact.tags.filter((x) => x !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="tag-add" onSubmit={add} noValidate>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-input`}>{t('contacts.addTag')}</label>
          <input
            id={`${id}-input`}
            list={`${id}-known`}
            maxLength={30}
            value={draft}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <datalist id={`${id}-known`}>
            {known.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit">{t('contacts.addTagButton')}</button>
      </form>
    </section>
  );
}
