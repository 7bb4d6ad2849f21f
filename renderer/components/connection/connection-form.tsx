import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/contract';
import type { ConnectionInput, ConnectionStatus } from '../../../shared/contract/connection';
import { focusField } from '../consent/focus-field';
import { Field } from '../field';

const P = 'connection-';
type Secret = 'accessToken' | 'appSecret' | 'verifyToken';
const SECRETS: { field: Secret; set: keyof ConnectionStatus }[] = [
  { field: 'accessToken', set: 'accessTokenSet' },
  { field: 'appSecret', set: 'appSecretSet' },
  { field: 'verifyToken', set: 'verifyTokenSet' },
];

/** The Cloud API account fields. Secrets are write-only: the form says whether one is saved and never shows it. */
export function ConnectionForm({
  status,
  save,
}: {
  status: ConnectionStatus;
  /** Runs the owner-gated save; the parent keeps the new status. */
  save(input: ConnectionInput): Promise<Result<ConnectionStatus>>;
}): ReactNode {
  const { t } = useTranslation();
  const [fields, setFields] = useState(() => ({
    phoneNumberId: status.phoneNumberId,
    wabaId: status.wabaId,
    apiVersion: status.apiVersion,
    baseUrl: status.baseUrl,
    webhookPort: String(status.webhookPort),
    throughputPerSecond: String(status.throughputPerSecond),
    accessToken: '',
    appSecret: '',
    verifyToken: '',
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (name: keyof typeof fields, value: string) => setFields({ ...fields, [name]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaved('');
    const input: ConnectionInput = {
      phoneNumberId: fields.phoneNumberId,
      wabaId: fields.wabaId,
      apiVersion: fields.apiVersion.trim(),
      baseUrl: fields.baseUrl.trim(),
      webhookPort: Number(fields.webhookPort),
      throughputPerSecond: Number(fields.throughputPerSecond),
      // An empty secret keeps the stored one.
      ...(fields.accessToken.trim() ? { accessToken: fields.accessToken } : {}),
      ...(fields.appSecret.trim() ? { appSecret: fields.appSecret } : {}),
      ...(fields.verifyToken.trim() ? { verifyToken: fields.verifyToken } : {}),
    };
    const result = await save(input);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return focusField(result.error.field, P);
    }
    setError(null);
    setFields({ ...fields, accessToken: '', appSecret: '', verifyToken: '' });
    setSaved(t('messages.connection.saved'));
  }

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);
  const known = ['phoneNumberId', 'wabaId', 'apiVersion', 'baseUrl', 'webhookPort', 'throughputPerSecond', ...SECRETS.map((s) => s.field)];
  const text = (name: keyof typeof fields, hint?: string, type = 'text') => (
    <Field label={t(`messages.connection.${name}`)} hint={hint} error={errorFor(name)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          data-field={`${P}${name}`}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={fields[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('messages.connection.formLabel')}>
      <p className="muted">{t('messages.connection.formExplain')}</p>
      {text('phoneNumberId', t('messages.connection.phoneNumberIdHint'))}
      {text('wabaId')}
      {SECRETS.map(({ field, set: flag }) =>
        text(field, status[flag] ? t('messages.connection.secretSaved') : t('messages.connection.secretNotSet'), 'password'),
      )}
      {text('apiVersion')}
      {text('baseUrl')}
      {text('throughputPerSecond', t('messages.connection.throughputHint'), 'number')}
      {text('webhookPort', undefined, 'number')}
      {error && !known.includes(error.field ?? '') && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} aria-busy={saving}>
          {saving ? t('common.saving') : t('messages.connection.save')}
        </button>
        <span role="status">{saved}</span>
      </div>
    </form>
  );
}
