import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../shared/contract';
import { formatPhone } from '../../../shared/domain/phone';
import { api } from '../../api';

type Preview = ResultOf<'remoteOptIns:preview'>;
type Pending = ResultOf<'remoteOptIns:pending'>[number];
type Purpose = 'utility' | 'marketing';
const HOUR = 3600_000;

/** "Ask for consent by SMS/email": preview the exact text, send it through the provider or by hand; pending list. */
export function RemoteRequestSection(): ReactNode {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [purposes, setPurposes] = useState<Purpose[]>(['marketing']);
  const [staffMember, setStaffMember] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);

  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    void api.remoteOptIns.pending().then((result) => live && result.ok && setPending(result.value));
    return () => {
      live = false;
    };
  }, [loads]);
  const loadPending = async () => setLoads((n) => n + 1);

  const input = () => ({ channel, phone, purposes, ...(channel === 'email' ? { email } : {}) });
  const show = async () => {
    const result = await api.remoteOptIns.preview(input());
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setMessage(null);
    setPreview(result.value);
  };
  const send = async (via: 'provider' | 'manual') => {
    const result = await api.remoteOptIns.send({ ...input(), via, staffMember });
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setMessage({ error: false, text: t('remoteOptIns.request.sent') });
    setPreview(null);
    await loadPending();
  };
  const markYes = async (requestId: string) => {
    const result = await api.remoteOptIns.markYes({ requestId, staffMember });
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    await loadPending();
  };
  const checkNow = async () => {
    const result = await api.remoteOptIns.poll();
    if (!result.ok) setMessage({ error: true, text: result.error.message });
    await loadPending();
  };
  const toggle = (p: Purpose) => setPurposes((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const openUrl = preview?.smsUrl ?? preview?.mailtoUrl;

  return (
    <>
      <section aria-labelledby="remote-request-title" className="settings-block">
        <h2 id="remote-request-title">{t('remoteOptIns.request.title')}</h2>
        <fieldset>
          <legend>{t('remoteOptIns.request.channel')}</legend>
          {(['sms', 'email'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="remote-channel" checked={channel === c} onChange={() => (setChannel(c), setPreview(null))} />{' '}
              {t(`remoteOptIns.request.${c}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('remoteOptIns.request.phone')} <input type="tel" value={phone} onChange={(e) => (setPhone(e.target.value), setPreview(null))} />
        </label>
        {channel === 'email' && (
          <label>
            {t('remoteOptIns.request.email_address')} <input type="email" value={email} onChange={(e) => (setEmail(e.target.value), setPreview(null))} />
          </label>
        )}
        <fieldset>
          <legend>{t('remoteOptIns.request.purposes')}</legend>
          {(['utility', 'marketing'] as const).map((p) => (
            <label key={p}>
              <input type="checkbox" checked={purposes.includes(p)} onChange={() => toggle(p)} /> {t(`remoteOptIns.widgets.${p}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('remoteOptIns.request.staffMember')} <input value={staffMember} onChange={(e) => setStaffMember(e.target.value)} />
        </label>
        <button type="button" onClick={() => void show()}>
          {t('remoteOptIns.request.preview')}
        </button>
        {preview && (
          <div>
            <p>{t('remoteOptIns.request.exactText')}</p>
            {preview.subject && <p><strong>{preview.subject}</strong></p>}
            <pre className="statement" style={{ whiteSpace: 'pre-wrap' }}>{preview.text}</pre>
            <button type="button" onClick={() => void send('provider')}>
              {t('remoteOptIns.request.sendProvider')}
            </button>{' '}
            <button type="button" onClick={() => void navigator.clipboard.writeText(preview.text)}>
              {t('remoteOptIns.request.copy')}
            </button>{' '}
            {openUrl && <a href={openUrl}>{t('remoteOptIns.request.openApp')}</a>}{' '}
            <button type="button" onClick={() => void send('manual')}>
              {t('remoteOptIns.request.recordManual')}
            </button>
          </div>
        )}
        {message && (
          <p className={message.error ? 'form-error' : undefined} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </section>
      <section aria-labelledby="remote-pending-title" className="settings-block">
        <h2 id="remote-pending-title">{t('remoteOptIns.pending.title')}</h2>
        <button type="button" onClick={() => void checkNow()}>
          {t('remoteOptIns.pending.checkNow')}
        </button>
        {pending.length === 0 ? (
          <p>{t('remoteOptIns.pending.empty')}</p>
        ) : (
          <ul>
            {pending.map((p) => (
              <li key={p.id}>
                {p.name || formatPhone(p.phone)} · {t(`remoteOptIns.request.${p.channel}`)} ·{' '}
                {t('remoteOptIns.pending.age', { days: Math.floor(p.ageMs / (24 * HOUR)), hours: Math.floor((p.ageMs % (24 * HOUR)) / HOUR) })} ·{' '}
                {t('remoteOptIns.pending.expires', { date: date.format(new Date(p.expiresAt)) })}{' '}
                <button type="button" onClick={() => void markYes(p.id)}>
                  {t('remoteOptIns.pending.markYes')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
