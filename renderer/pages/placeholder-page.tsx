import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PlaceholderPageProps {
  title: string;
  description: string;
}

/** A page that is not built yet says what will be there, so nobody thinks it is broken. */
export function PlaceholderPage({ title, description }: PlaceholderPageProps): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <h1>{title}</h1>
      <div className="empty-state">
        <p>{description}</p>
        <p className="muted">{t('placeholder.comingSoon')}</p>
      </div>
    </>
  );
}
