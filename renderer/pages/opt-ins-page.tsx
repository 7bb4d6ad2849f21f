import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvImportSection } from '../components/import/csv-import-section';
import { OptInWidgetsSection } from '../components/remote-optins/widgets-section';
import { ProvidersSection } from '../components/remote-optins/providers-section';
import { RemoteRequestSection } from '../components/remote-optins/request-section';

/**
 * Consent collected away from the counter: website opt-in widgets and popups, SMS/email requests with double
 * opt-in, and CSV import. Each tool is its own section component.
 */
export function OptInsPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('nav.optIns')}</h1>
      <OptInWidgetsSection />
      <RemoteRequestSection />
      <CsvImportSection />
      <ProvidersSection />
    </>
  );
}
