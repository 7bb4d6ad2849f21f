import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import type { Contact } from '../../../shared/contract/contacts';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { api } from '../../api';
import { useStore } from '../../store';
import { ConfirmDialog } from '../consent/confirm-dialog';
import { focusField } from '../consent/focus-field';
import { PURPOSE_ORDER, PurposeCheckboxes } from '../consent/purpose-checkboxes';
import { purposeList } from '../consent/purpose-list';
import { ConsentBadge } from './consent-badges';

const P = 'contact-';

/** Staff changes on a known customer: a toggle per purpose, and a STOP recorded on the customer's behalf. */
export function ConsentActions({ contact, onChange }: { contact: Contact; onChange(contact: Contact): void }): ReactNode {
  const { t, i18n } = useTranslation();
  const staffMember = useStore((s) => s.staffMember);
  const setStaffMember = useStore((s) => s.setStaffMember);
  const [note, setNote] = useState('');
  const [stopPurposes, setStopPurposes] = useState<ConsentPurpose[]>([...PURPOSE_ORDER]);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const id = useId();
  const who = contact.name || contact.phoneDisplay;

  function fail(err: ApiError) {
    setError(err);
    setStatus('');
    focusField(err.field === 'staffMember' || err.field === 'note' || err.field === 'purposes' ? err.field : undefined, P);
  }

  async function toggle(purpose: ConsentPurpose, on: boolean) {
    const result = await api.consent.toggle({ contactId: contact.id, purpose, on, staffMember, note });
    if (!result.ok) return fail(result.error);
    setError(null);
    setNote('');
    setStatus(t(on ? 'contacts.toggledOn' : 'contacts.toggledOff', { purpose: t(`counter.purpose.${purpose}`) }));
    onChange(result.value);
  }

  async function stop() {
    const result = await api.consent.stopOnBehalf({ contactId: contact.id, purposes: stopPurposes, staffMember, note });
    if (!result.ok) return fail(result.error);
    setError(null);
    setNote('');
    setStatus(t('contacts.stopRecorded', { who, what: purposeList(stopPurposes, t, i18n.language) }));
    onChange(result.value);
  }

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <section aria-labelledby={`${id}-title`} className="contact-section">
      <h2 id={`${id}-title`}>{t('contacts.consentTitle')}</h2>
      <div className="consent-actions-grid">
        <div className={errorFor('staffMember') ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-staff`}>{t('counter.staffMember')}</label>
          <input
            id={`${id}-staff`}
            data-field={`${P}staffMember`}
            autoComplete="off"
            value={staffMember}
            aria-invalid={Boolean(errorFor('staffMember'))}
            aria-describedby={errorFor('staffMember') ? `${id}-staff-error` : undefined}
            onChange={(e) => setStaffMember(e.target.value)}
          />
          {errorFor('staffMember') && (
            <p className="field-error" id={`${id}-staff-error`} role="alert">
              {errorFor('staffMember')}
            </p>
          )}
        </div>
        <div className={errorFor('note') ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-note`}>{t('contacts.note')}</label>
          <input id={`${id}-note`} data-field={`${P}note`} maxLength={300} value={note} aria-describedby={`${id}-note-hint`} onChange={(e) => setNote(e.target.value)} />
          <p className="field-hint" id={`${id}-note-hint`}>
            {t('contacts.noteHint')}
          </p>
        </div>
      </div>
      <ul className="toggles">
        {PURPOSE_ORDER.map((purpose) => {
          const on = contact.consent[purpose].state === 'opted_in';
          return (
            <li key={purpose}>
              <ConsentBadge purpose={purpose} consent={contact.consent[purpose]} />
              <button type="button" role="switch" aria-checked={on} onClick={() => void toggle(purpose, !on)}>
                {t('contacts.toggleLabel', { purpose: t(`counter.purpose.${purpose}`) })}
              </button>
            </li>
          );
        })}
      </ul>
      {error && error.field !== 'staffMember' && error.field !== 'purposes' && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <h3>{t('contacts.stopTitle')}</h3>
      <p className="muted">{t('contacts.stopExplain')}</p>
      <PurposeCheckboxes legend={t('contacts.stopPurposes')} value={stopPurposes} onChange={setStopPurposes} error={errorFor('purposes')} fieldPrefix={P} />
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('contacts.stopButton')}
      </button>
      <p role="status" className="muted">
        {status}
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('contacts.stopConfirmTitle', { who })}
          confirmLabel={t('contacts.stopConfirm')}
          onConfirm={() => {
            setConfirming(false);
            void stop();
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('contacts.stopConfirmBody', { what: purposeList(stopPurposes, t, i18n.language) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
