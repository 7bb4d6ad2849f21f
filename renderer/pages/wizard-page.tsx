import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileForm } from '../components/profile-form';
import { useStore } from '../store';

/** First run: the business profile, then straight into the app. */
export function WizardPage(): ReactNode {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  return (
    <main id="main" className="wizard">
      <h1>{t('wizard.title')}</h1>
      <p>{t('wizard.intro')}</p>
      <ProfileForm submitLabel={t('wizard.submit')} onSaved={() => navigate('getting-started')} />
    </main>
  );
}
