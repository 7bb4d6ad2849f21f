import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract/contacts';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';

type PurposeConsent = Contact['consent'][ConsentPurpose];

/** One purpose's state as words ("Order updates: opted in"), coloured as a second cue, never the only one. */
export function ConsentBadge({ purpose, consent }: { purpose: ConsentPurpose; consent: PurposeConsent }): ReactNode {
  const { t } = useTranslation();
  const flags = [
    consent.bounced && t('contacts.flag.bounced'),
    consent.stoppedInWhatsApp && t('contacts.flag.stoppedInWhatsApp'),
    consent.needsReconfirmation && t('contacts.flag.needsReconfirmation'),
  ].filter(Boolean);
  return (
    <span className={`consent-badge state-${consent.state}`}>
      {t(`counter.purpose.${purpose}`)}: {t(`contacts.state.${consent.state}`)}
      {flags.length > 0 && ` (${flags.join(', ')})`}
    </span>
  );
}

/** Both purposes' badges for a contact. */
export function ConsentBadges({ contact }: { contact: Contact }): ReactNode {
  return (
    <span className="consent-badges">
      <ConsentBadge purpose="utility" consent={contact.consent.utility} />
      <ConsentBadge purpose="marketing" consent={contact.consent.marketing} />
    </span>
  );
}
