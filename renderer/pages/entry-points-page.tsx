import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from './placeholder-page';

/** Placeholder until this page is built. */
export function EntryPointsPage(): ReactNode {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('app.name')} description={t('placeholder.comingSoon')} />;
}
