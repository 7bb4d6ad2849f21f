import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, CONSENT_PURPOSES } from '../../../shared/domain/consent/event';
import { useStore } from '../../store';

const STATES = ['none', 'pending', 'opted_in', 'opted_out'] as const;
const SEARCH_DEBOUNCE_MS = 200;

/** Search box (name or number in any format) and the filters: state per purpose, tag, method. */
export function ContactFilters(): ReactNode {
  const { t } = useTranslation();
  const filters = useStore((s) => s.contactFilters);
  const setFilters = useStore((s) => s.setContactFilters);
  const tags = useStore((s) => s.contactTags);
  const [text, setText] = useState(filters.text ?? '');

  useEffect(() => {
    if (text === (filters.text ?? '')) return;
    const timer = setTimeout(() => setFilters({ text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.text, setFilters]);

  const anyFilter = Boolean(filters.text || filters.purpose || filters.state || filters.tag || filters.method);
  return (
    <div className="contact-filters" role="search" aria-label={t('contacts.searchRegion')}>
      <div className="field search-field">
        <label htmlFor="contact-search">{t('contacts.search')}</label>
        <input
          id="contact-search"
          type="search"
          autoComplete="off"
          aria-describedby="contact-search-hint"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Down arrow goes from the search box straight into the results.
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('.contact-list')?.focus();
            }
          }}
        />
        <p className="field-hint" id="contact-search-hint">
          {t('contacts.searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="contact-purpose">{t('contacts.filterPurpose')}</label>
        <select id="contact-purpose" value={filters.purpose ?? ''} onChange={(e) => setFilters({ purpose: (e.target.value || undefined) as never })}>
          <option value="">{t('contacts.anyPurpose')}</option>
          {CONSENT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`counter.purpose.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contact-state">{t('contacts.filterState')}</label>
        <select id="contact-state" value={filters.state ?? ''} onChange={(e) => setFilters({ state: (e.target.value || undefined) as never })}>
          <option value="">{t('contacts.anyState')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`contacts.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contact-tag">{t('contacts.filterTag')}</label>
        <select id="contact-tag" value={filters.tag ?? ''} onChange={(e) => setFilters({ tag: e.target.value || undefined })}>
          <option value="">{t('contacts.anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contact-method">{t('contacts.filterMethod')}</label>
        <select id="contact-method" value={filters.method ?? ''} onChange={(e) => setFilters({ method: (e.target.value || undefined) as never })}>
          <option value="">{t('contacts.anyMethod')}</option>
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`contacts.method.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {anyFilter && (
        <button
          type="button"
          onClick={() => {
            setText('');
            setFilters({ text: '', purpose: undefined, state: undefined, tag: undefined, method: undefined });
          }}
        >
          {t('contacts.clearFilters')}
        </button>
      )}
    </div>
  );
}
