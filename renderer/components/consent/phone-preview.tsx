import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../shared/domain/phone';

/** What the typed number will be saved as (formatted E.164), live as staff or customer type. */
export function PhonePreview({ phone, country, id }: { phone: string; country: string; id: string }): ReactNode {
  const { t } = useTranslation();
  const result = normalizePhone(phone, country);
  return (
    <p className="field-hint phone-preview" id={id}>
      {phone.trim() === ''
        ? t('counter.phoneHint', { country })
        : result.ok
          ? t('counter.phoneWillSave', { phone: result.phone.international })
          : t('counter.phoneIncomplete')}
    </p>
  );
}
