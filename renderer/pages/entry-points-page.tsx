import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDetails } from '../../shared/domain/entry-points/artifacts';
import { EntryPointEditor } from '../components/entry-points/entry-point-editor';
import { EntryPointList } from '../components/entry-points/entry-point-list';
import { StatsChart } from '../components/entry-points/stats-chart';
import { useStore } from '../store';
import '../components/entry-points/entry-points.css';

type Editing = { mode: 'new'; key: number } | { mode: 'edit'; id: string } | null;

/** Entry points: the list, the editor with its live preview, and chats started per entry point per day. */
export function EntryPointsPage(): ReactNode {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const entryPoints = useStore((s) => s.entryPoints);
  const loaded = useStore((s) => s.entryPointsLoaded);
  const loadError = useStore((s) => s.entryPointsError);
  const stats = useStore((s) => s.entryPointStats);
  const loadEntryPoints = useStore((s) => s.loadEntryPoints);
  const loadEntryPointStats = useStore((s) => s.loadEntryPointStats);
  const [editing, setEditing] = useState<Editing>(null);

  const watchEntryPoints = useStore((s) => s.watchEntryPoints);
  useEffect(() => {
    void loadEntryPoints();
    void loadEntryPointStats();
    return watchEntryPoints();
  }, [loadEntryPoints, loadEntryPointStats, watchEntryPoints]);

  const shop = useMemo<ShopDetails | null>(
    () => (profile ? { businessName: profile.businessName, phoneE164: profile.phoneE164, phoneDisplay: profile.phoneDisplay, locale: profile.locale } : null),
    [profile],
  );
  const editedEntry = editing?.mode === 'edit' ? entryPoints.find((e) => e.id === editing.id) : undefined;

  return (
    <>
      <h1>{t('entryPoints.title')}</h1>
      <p className="muted">{t('entryPoints.intro')}</p>
      <div className="ep-toolbar">
        <button type="button" className="primary" onClick={() => setEditing({ mode: 'new', key: Date.now() })}>
          {t('entryPoints.new')}
        </button>
      </div>

      {/* An entry point deleted while open simply closes its editor (editedEntry is gone). */}
      {editing && shop && (editing.mode === 'new' || editedEntry) && (
        <EntryPointEditor
          key={editing.mode === 'new' ? `new-${editing.key}` : editing.id}
          entry={editedEntry}
          shop={shop}
          onClose={() => setEditing(null)}
        />
      )}

      <h2>{t('entryPoints.listTitle')}</h2>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError.message}
        </p>
      )}
      {!loaded ? (
        <p aria-busy="true">{t('entryPoints.loading')}</p>
      ) : entryPoints.length === 0 ? (
        <p className="empty-state">{t('entryPoints.empty')}</p>
      ) : (
        <EntryPointList entryPoints={entryPoints} onEdit={(id) => setEditing({ mode: 'edit', id })} />
      )}

      <h2>{t('entryPoints.chartTitle')}</h2>
      <StatsChart stats={stats} />
    </>
  );
}
