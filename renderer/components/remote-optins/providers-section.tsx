import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../shared/contract';
import { api } from '../../api';

type Settings = ResultOf<'remoteOptIns:settings'>;

/** Twilio and SMTP settings (secrets are write-only here: main keeps them in the vault), and extra keywords. */
export function ProvidersSection(): ReactNode {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [token, setToken] = useState('');
  const [password, setPassword] = useState('');
  const [keywords, setKeywords] = useState({ stop: '', start: '', help: '' });
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    void api.remoteOptIns.settings().then((r) => r.ok && setSettings(r.value));
    void api.remoteOptIns.keywords().then((r) => r.ok && setKeywords({ stop: r.value.stop.join('\n'), start: r.value.start.join('\n'), help: r.value.help.join('\n') }));
  }, []);
  if (!settings) return null;

  const saveProviders = async (event: FormEvent) => {
    event.preventDefault();
    const { hasTwilioAuthToken: _t, hasSmtpPassword: _p, ...rest } = settings;
    const result = await api.remoteOptIns.saveSettings({ ...rest, ...(token ? { twilioAuthToken: token } : {}), ...(password ? { smtpPassword: password } : {}) });
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setSettings(result.value);
    setToken('');
    setPassword('');
    setMessage({ error: false, text: t('common.saved') });
  };
  const saveKeywords = async (event: FormEvent) => {
    event.preventDefault();
    const lines = (text: string) => text.split('\n').map((w) => w.trim()).filter(Boolean);
    const result = await api.remoteOptIns.saveKeywords({ stop: lines(keywords.stop), start: lines(keywords.start), help: lines(keywords.help) });
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setMessage({ error: false, text: t('common.saved') });
  };
  const set = <K extends 'twilio' | 'smtp' | 'program'>(group: K, key: keyof Settings[K], value: string | number) =>
    setSettings({ ...settings, [group]: { ...settings[group], [key]: value } });
  const field = (label: string, value: string, onChange: (v: string) => void, type = 'text') => (
    <label>
      {label} <input type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );

  return (
    <>
      <section aria-labelledby="remote-providers-title" className="settings-block">
        <h2 id="remote-providers-title">{t('remoteOptIns.providers.title')}</h2>
        <form onSubmit={saveProviders}>
          {field(t('remoteOptIns.providers.twilioSid'), settings.twilio.accountSid, (v) => set('twilio', 'accountSid', v))}
          <label>
            {t('remoteOptIns.providers.twilioToken')}{' '}
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
            {settings.hasTwilioAuthToken && <small> {t('remoteOptIns.providers.secretStored')}</small>}
          </label>
          {field(t('remoteOptIns.providers.twilioFrom'), settings.twilio.fromNumber, (v) => set('twilio', 'fromNumber', v), 'tel')}
          {field(t('remoteOptIns.providers.twilioBaseUrl'), settings.twilio.baseUrl, (v) => set('twilio', 'baseUrl', v), 'url')}
          {field(t('remoteOptIns.providers.smtpHost'), settings.smtp.host, (v) => set('smtp', 'host', v))}
          {field(t('remoteOptIns.providers.smtpPort'), String(settings.smtp.port), (v) => set('smtp', 'port', Number(v) || 0), 'number')}
          {field(t('remoteOptIns.providers.smtpUser'), settings.smtp.user, (v) => set('smtp', 'user', v))}
          <label>
            {t('remoteOptIns.providers.smtpPassword')}{' '}
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
            {settings.hasSmtpPassword && <small> {t('remoteOptIns.providers.secretStored')}</small>}
          </label>
          {field(t('remoteOptIns.providers.smtpFrom'), settings.smtp.from, (v) => set('smtp', 'from', v))}
          {field(t('remoteOptIns.providers.description'), settings.program.description, (v) => set('program', 'description', v))}
          {field(t('remoteOptIns.providers.frequency'), settings.program.frequency, (v) => set('program', 'frequency', v))}
          {field(t('remoteOptIns.providers.expiryDays'), String(settings.expiryDays), (v) => setSettings({ ...settings, expiryDays: Number(v) || 0 }), 'number')}
          <button type="submit">{t('remoteOptIns.providers.save')}</button>
        </form>
      </section>
      <section aria-labelledby="remote-keywords-title" className="settings-block">
        <h2 id="remote-keywords-title">{t('remoteOptIns.keywords.title')}</h2>
        <p>{t('remoteOptIns.keywords.explain')}</p>
        <form onSubmit={saveKeywords}>
          {(['stop', 'start', 'help'] as const).map((k) => (
            <label key={k}>
              {t(`remoteOptIns.keywords.${k}`)}{' '}
              <textarea rows={3} value={keywords[k]} onChange={(e) => setKeywords({ ...keywords, [k]: e.target.value })} />
            </label>
          ))}
          <button type="submit">{t('remoteOptIns.keywords.save')}</button>
        </form>
        {message && (
          <p className={message.error ? 'form-error' : undefined} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </section>
    </>
  );
}
