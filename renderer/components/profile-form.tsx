import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, type ProfileInput } from '../../shared/contract/profile';
import { listCountries } from '../../shared/domain/phone';
import { useStore } from '../store';
import { Field } from './field';

interface ProfileFormProps {
  submitLabel: string;
  onSaved?: () => void;
}

/** Business name, country, WhatsApp number, language and start mode: used by the wizard and by Settings. */
export function ProfileForm({ submitLabel, onSaved }: ProfileFormProps): ReactNode {
  const { t, i18n } = useTranslation();
  const profile = useStore((s) => s.profile);
  const saving = useStore((s) => s.profileSaving);
  const error = useStore((s) => s.profileError);
  const saveProfile = useStore((s) => s.saveProfile);
  const [form, setForm] = useState<ProfileInput>(() => ({
    businessName: profile?.businessName ?? '',
    country: profile?.country ?? 'ES',
    phone: profile?.phoneDisplay ?? '',
    locale: profile?.locale ?? (i18n.language as Locale),
    mode: profile?.mode === 'live_later' ? 'live_later' : 'sandbox',
  }));
  const [saved, setSaved] = useState(false);
  const countries = useMemo(() => listCountries(i18n.language), [i18n.language]);
  const errorFor = (field: keyof ProfileInput) => (error?.field === field ? error.message : undefined);
  const update = <K extends keyof ProfileInput>(key: K, value: ProfileInput[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await saveProfile(form);
    setSaved(ok);
    if (ok) onSaved?.();
    else {
      const field = useStore.getState().profileError?.field;
      if (field) document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field label={t('profile.businessName')} hint={t('profile.businessNameHint')} error={errorFor('businessName')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            data-field="businessName"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            autoComplete="organization"
            value={form.businessName}
            onChange={(e) => update('businessName', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('profile.country')} error={errorFor('country')}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            data-field="country"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={form.country}
            onChange={(e) => update('country', e.target.value)}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} (+{c.callingCode})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('profile.phone')} hint={t('profile.phoneHint')} error={errorFor('phone')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            data-field="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={form.phone}
            onChange={(e) => update('phone', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('profile.language')} error={errorFor('locale')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            data-field="locale"
            aria-describedby={describedBy}
            value={form.locale}
            onChange={(e) => update('locale', e.target.value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend>{t('profile.mode')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="sandbox"
            checked={form.mode === 'sandbox'}
            onChange={() => update('mode', 'sandbox')}
          />
          {t('profile.modeSandbox')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="live_later"
            checked={form.mode === 'live_later'}
            onChange={() => update('mode', 'live_later')}
          />
          {t('profile.modeLater')}
        </label>
      </fieldset>
      {error && !error.field && (
        <p className="form-error" role="alert">
          {t('common.errorPrefix')} {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.saving') : submitLabel}
        </button>
        <span role="status" className="form-status">
          {saved ? t('common.saved') : ''}
        </span>
      </div>
    </form>
  );
}
