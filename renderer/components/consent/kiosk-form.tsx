import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { api } from '../../api';
import { useStore } from '../../store';
import { focusField } from './focus-field';
import { TextField } from '../entry-points/form-controls';
import { AgreeCheckbox, PhoneField, StatementSection } from './consent-fields';
import { PurposeCheckboxes } from './purpose-checkboxes';
import { useStatement } from './use-statement';

const P = 'kiosk-';
/** How long the thank-you stays before the screen is ready for the next customer. */
export const KIOSK_THANKS_MS = 6000;

/** The customer's own opt-in: big controls, their number, their ticks, their "Join". */
export function KioskForm(): ReactNode {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const country = profile?.country ?? 'US';
  const locale = profile?.locale ?? 'en';
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [purposes, setPurposes] = useState<ConsentPurpose[]>([]);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { statement, error: statementError, flush, reload } = useStatement(purposes, phone, locale);
  const formRef = useRef<HTMLFormElement>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => {
    if (thanks === null) {
      focusField('phone', P);
      return;
    }
    thanksRef.current?.focus();
    const timer = setTimeout(() => setThanks(null), KIOSK_THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks]);

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const version = await flush();
    const result = await api.consent.kioskOptIn({ phone, name, purposes, statementVersion: version ?? 0, locale, agreed: agreed as true });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'statement_changed') {
        await reload();
        setAgreed(false);
        setError({ ...result.error, message: t('counter.kiosk.statementChanged'), field: 'agreed' });
        focusField('agreed', P);
        return;
      }
      setError(result.error);
      focusField(result.error.field ?? 'phone', P);
      return;
    }
    setError(null);
    setPhone('');
    setName('');
    setPurposes([]);
    setAgreed(false);
    setThanks(result.value.contact.phoneDisplay);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'checkbox') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  if (thanks !== null) {
    return (
      <div className="kiosk-thanks" role="status">
        <h2 ref={thanksRef} tabIndex={-1}>
          {t('counter.kiosk.thanksTitle')}
        </h2>
        <p>{t('counter.kiosk.thanksBody', { phone: thanks, business: profile?.businessName ?? '' })}</p>
        <button type="button" className="primary button-large" onClick={() => setThanks(null)}>
          {t('counter.kiosk.next')}
        </button>
      </div>
    );
  }

  return (
    <form ref={formRef} className="form kiosk-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('counter.kiosk.formTitle', { business: profile?.businessName ?? '' })}</h2>
      <PhoneField formId={id} fieldPrefix={P} label={t('counter.kiosk.phone')} error={errorFor('phone')} value={phone} onChange={setPhone} country={country} autoComplete="tel" />
      <TextField dataField={`${P}name`} label={t('counter.kiosk.name')} error={errorFor('name')} value={name} onChange={setName} autoComplete="given-name" className="input-large" />
      <PurposeCheckboxes legend={t('counter.kiosk.purposes')} value={purposes} onChange={setPurposes} error={errorFor('purposes')} fieldPrefix={P} large />
      <StatementSection formId={id} title={t('counter.kiosk.statementTitle')} empty={t('counter.kiosk.statementEmpty')} statement={statement} error={statementError} />
      <AgreeCheckbox formId={id} fieldPrefix={P} label={t('counter.kiosk.agree')} checked={agreed} onChange={setAgreed} error={errorFor('agreed')} />
      {error && !['phone', 'name', 'purposes', 'agreed'].includes(error.field ?? '') && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="primary button-large" disabled={saving}>
        {t('counter.kiosk.join')}
      </button>
    </form>
  );
}
