import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGING_TIERS, type MessagingTier } from '../../../shared/domain/campaigns/types';
import { api } from '../../api';
import { useOwnerGate } from '../owner/use-owner-gate';

/** The number's messaging-limit tier (owner sets it as WhatsApp Manager shows it) and what is left of it now. */
export function LimitSetting(): ReactNode {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const { run, dialog } = useOwnerGate();
  const [tier, setTier] = useState<MessagingTier>('250');
  const [left, setLeft] = useState<{ remaining: number | null; tier: MessagingTier } | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void api.campaigns.limit().then((r) => {
      if (!r.ok) return;
      setTier(r.value.tier);
      setLeft({ remaining: r.value.remaining, tier: r.value.tier });
    });
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() => api.campaigns.setLimit({ tier }));
    if (!result.ok) return setMessage(result.error.message);
    const now = await api.campaigns.limit();
    if (now.ok) setLeft({ remaining: now.value.remaining, tier: now.value.tier });
    setMessage('');
  };

  const label = (x: MessagingTier) => (x === 'unlimited' ? t('campaigns.limit.unlimited') : number.format(Number(x)));
  return (
    <form className="campaigns-toolbar" onSubmit={(e) => void save(e)}>
      <label htmlFor="campaign-limit">{t('campaigns.limit.label')}</label>
      <select id="campaign-limit" value={tier} onChange={(e) => setTier(e.target.value as MessagingTier)}>
        {MESSAGING_TIERS.map((x) => (
          <option key={x} value={x}>
            {label(x)}
          </option>
        ))}
      </select>
      <button type="submit">{t('campaigns.limit.save')}</button>
      <span role="status">
        {message ||
          (left && left.remaining !== null ? t('campaigns.limit.left', { remaining: number.format(left.remaining), limit: label(left.tier) }) : '')}
      </span>
      {dialog}
    </form>
  );
}
