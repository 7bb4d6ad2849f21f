import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { TemplateCard } from '../components/templates/template-card';
import { useStore } from '../store';
import { mappingKey } from '../store/dashboard-slice';
import '../components/templates/templates.css';

/** Templates: the synced catalogue with status, category, language, preview and per-template placeholder mapping. */
export function TemplatesPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const templates = useStore((s) => s.templates);
  const syncedAt = useStore((s) => s.templatesSyncedAt);
  const loaded = useStore((s) => s.templatesLoaded);
  const syncing = useStore((s) => s.templatesSyncing);
  const loadTemplates = useStore((s) => s.loadTemplates);
  const syncTemplates = useStore((s) => s.syncTemplates);
  const mappings = useStore((s) => s.templateMappings);
  const loadTemplateMappings = useStore((s) => s.loadTemplateMappings);
  const saveTemplateMapping = useStore((s) => s.saveTemplateMapping);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // Cards take their saved mapping when they mount, so they wait for the mappings.
  const [mappingsLoaded, setMappingsLoaded] = useState(false);

  useEffect(() => {
    void loadTemplates();
    void loadTemplateMappings().finally(() => setMappingsLoaded(true));
    // An automatic resync (after a 132001 send failure) announces itself as changed templates.
    return api.events.subscribe('data:changed', ({ domain }) => {
      if (domain === 'templates') void loadTemplates();
    });
  }, [loadTemplates, loadTemplateMappings]);

  const sync = async () => {
    setOutcome(null);
    const error = await syncTemplates();
    setOutcome(
      error
        ? { ok: false, text: t('dashboard.templates.syncError', { message: error.message }) }
        : { ok: true, text: t('dashboard.templates.synced', { count: new Intl.NumberFormat(i18n.language).format(useStore.getState().templates.length) }) },
    );
  };

  const when = syncedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(syncedAt)) : null;
  const sorted = [...templates].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));

  return (
    <>
      <h1>{t('dashboard.templates.title')}</h1>
      <p className="muted">{t('dashboard.templates.intro')}</p>
      <div className="templates-toolbar">
        <button type="button" className="primary" onClick={() => void sync()} disabled={syncing} aria-busy={syncing || undefined}>
          {syncing ? t('dashboard.templates.syncing') : t('dashboard.templates.sync')}
        </button>
        <span className="muted">{when ? t('dashboard.templates.syncedAt', { when }) : t('dashboard.templates.neverSynced')}</span>
        <span role="status" className={outcome && !outcome.ok ? 'form-error' : undefined}>
          {outcome?.text}
        </span>
      </div>
      {!loaded || !mappingsLoaded ? (
        <p aria-busy="true">{t('dashboard.templates.loading')}</p>
      ) : sorted.length === 0 ? (
        <p className="empty-state">{t('dashboard.templates.empty')}</p>
      ) : (
        <ul className="templates-list" aria-label={t('dashboard.templates.listLabel')}>
          {sorted.map((template) => {
            const key = mappingKey(template.name, template.language);
            return (
              <li key={key}>
                <TemplateCard
                  template={template}
                  saved={mappings[key]?.slots}
                  onSave={(slots) => saveTemplateMapping({ name: template.name, language: template.language, slots })}
                />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
