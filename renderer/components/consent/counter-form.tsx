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
import { purposeList } from './purpose-list';
import { useStatement } from './use-statement';

const P = 'counter-';

/** The in-person opt-in: every control reachable by Tab, Space ticks, Enter (or Alt+S) saves from any field. */
export function CounterForm(): ReactNode {
  const { t, i18n } = useTranslation();
  const profile = useStore((s) => s.profile);
  const staffMember = useStore((s) => s.staffMember);
  const setStaffMember = useStore((s) => s.setStaffMember);
  const country = profile?.country ?? 'US';
  const locale = profile?.locale ?? 'en';
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [purposes, setPurposes] = useState<ConsentPurpose[]>([]);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [saving, setSaving] = useState(false);
  const { statement, error: statementError, flush, reload } = useStatement(purposes, phone, locale);
  const formRef = useRef<HTMLFormElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => phoneRef.current?.focus(), []);

  // Alt+S saves from anywhere on the page (a second path besides Enter).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && (event.key === 's' || event.key === 'S' || event.code === 'KeyS')) {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setConfirmation('');
    const version = await flush();
    const result = await api.consent.optInInPerson({
      phone,
      country,
      name,
      purposes,
      staffMember,
      statementVersion: version ?? 0,
      locale,
      agreed: agreed as true,
    });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'statement_changed') {
        await reload();
        setAgreed(false);
        setError({ ...result.error, field: 'agreed' });
        focusField('agreed', P);
        return;
      }
      setError(result.error);
      focusField(result.error.field ?? 'phone', P);
      return;
    }
    const { contact, created } = result.value;
    const who = contact.name ? `${contact.name} (${contact.phoneDisplay})` : contact.phoneDisplay;
    const what = purposeList(purposes, t, i18n.language);
    setConfirmation(created ? t('counter.savedNew', { who, what }) : t('counter.savedUpdated', { who, what }));
    setError(null);
    setPhone('');
    setName('');
    setPurposes([]);
    setAgreed(false);
    phoneRef.current?.focus();
  }

  // Enter on a checkbox does not submit a form by itself; at the counter it should.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'checkbox') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <form ref={formRef} className="form counter-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('counter.formTitle')}
      </h2>
      <PhoneField
        formId={id}
        fieldPrefix={P}
        label={t('counter.phone')}
        error={errorFor('phone')}
        value={phone}
        onChange={setPhone}
        country={country}
        autoComplete="off"
        inputRef={phoneRef}
      />
      <TextField dataField={`${P}name`} label={t('counter.name')} hint={t('counter.nameHint')} error={errorFor('name')} value={name} onChange={setName} autoComplete="off" />
      <PurposeCheckboxes legend={t('counter.purposes')} value={purposes} onChange={setPurposes} error={errorFor('purposes')} fieldPrefix={P} />
      <StatementSection formId={id} title={t('counter.statementTitle')} empty={t('counter.statementEmpty')} statement={statement} error={statementError} />
      <AgreeCheckbox
        formId={id}
        fieldPrefix={P}
        label={t('counter.agreed')}
        checked={agreed}
        onChange={setAgreed}
        error={errorFor('agreed') ?? errorFor('statementVersion')}
      />
      <TextField
        dataField={`${P}staffMember`}
        label={t('counter.staffMember')}
        hint={t('counter.staffHint')}
        error={errorFor('staffMember')}
        value={staffMember}
        onChange={setStaffMember}
        autoComplete="off"
      />
      {error && !['phone', 'name', 'purposes', 'agreed', 'statementVersion', 'staffMember'].includes(error.field ?? '') && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary button-large" disabled={saving} aria-keyshortcuts="Alt+S Enter">
          {saving ? t('common.saving') : t('counter.save')}
        </button>
      </div>
      <p role="status" className={confirmation ? 'confirmation' : 'confirmation-empty'}>
        {confirmation}
      </p>
    </form>
  );
}
