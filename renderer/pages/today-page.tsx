import { useCallback, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_WINDOWS } from '../../shared/contract/stats';
import { TodayCharts } from '../components/today/today-charts';
import { TodayCounts } from '../components/today/today-counts';
import { useLiveRefresh } from '../components/today/use-live-refresh';
import { useStore } from '../store';
import type { DashboardDays } from '../store/dashboard-slice';
import '../components/today/today.css';

/** Today: today's counts as big numbers and the per-day charts, kept current as consent and messages change. */
export function TodayPage(): ReactNode {
  const { t } = useTranslation();
  const dashboard = useStore((s) => s.dashboard);
  const days = useStore((s) => s.dashboardDays);
  const error = useStore((s) => s.dashboardError);
  const loadDashboard = useStore((s) => s.loadDashboard);

  useEffect(() => {
    void loadDashboard();
  }, [loadDashboard]);
  useLiveRefresh(useCallback(() => void loadDashboard(), [loadDashboard]));

  return (
    <>
      <h1>{t('dashboard.today.title')}</h1>
      <p className="muted">{t('dashboard.today.intro')}</p>
      <div className="today-toolbar">
        <label htmlFor="today-window">{t('dashboard.today.window')}</label>
        <select id="today-window" value={days} onChange={(e) => void loadDashboard(Number(e.target.value) as DashboardDays)}>
          {DASHBOARD_WINDOWS.map((n) => (
            <option key={n} value={n}>
              {t('dashboard.today.windowDays', { count: n })}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('dashboard.today.error', { message: error.message })}
        </p>
      )}
      {!dashboard ? (
        !error && <p aria-busy="true">{t('dashboard.today.loading')}</p>
      ) : (
        <>
          <TodayCounts dashboard={dashboard} />
          <TodayCharts dashboard={dashboard} />
        </>
      )}
    </>
  );
}
