import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionSettings } from '../components/connection/connection-settings';
import { ConsentTextsSettings } from '../components/consent/consent-texts-settings';
import { OwnerPinSettings } from '../components/owner/owner-pin-settings';
import { ProfileForm } from '../components/profile-form';
import { BackupsSettings } from '../components/settings/backups-settings';
import { useStore } from '../store';

/** Settings: business profile, owner PIN, consent texts, backups and where the data lives. */
export function SettingsPage(): ReactNode {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const info = useStore((s) => s.info);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="settings-profile">
        <h2 id="settings-profile">{t('settings.profileSection')}</h2>
        {profile && (
          <p className="summary">
            <strong>{profile.businessName}</strong> — {t('settings.savedNumber', { phone: profile.phoneDisplay })}
          </p>
        )}
        <ProfileForm submitLabel={t('settings.submit')} />
      </section>
      <ConnectionSettings />
      <OwnerPinSettings />
      <ConsentTextsSettings />
      <BackupsSettings />
      {info && (
        <section aria-labelledby="settings-data">
          <h2 id="settings-data">{t('settings.dataSection')}</h2>
          <p>{t('settings.dataFolderIs', { path: info.dataDir })}</p>
        </section>
      )}
    </>
  );
}
