import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CounterPage } from './pages/counter-page';
import { KioskPage } from './pages/kiosk-page';
import { SettingsPage } from './pages/settings-page';
import { WizardPage } from './pages/wizard-page';
import { useShortcuts } from './use-shortcuts';
import { useStore } from './store';
import { ROUTES, type Route } from './store/routes';

const NAV_KEYS: Record<Route, string> = {
  kiosk: 'nav.kiosk',
  today: 'nav.today',
  'entry-points': 'nav.entryPoints',
  posters: 'nav.posters',
  counter: 'nav.counter',
  contacts: 'nav.contacts',
  'opt-ins': 'nav.optIns',
  templates: 'nav.templates',
  campaigns: 'nav.campaigns',
  settings: 'nav.settings',
  'getting-started': 'nav.gettingStarted',
};

/** The page component for a route inside the shell. */
function PageFor({ route }: { route: Route }): ReactNode {
  switch (route) {
    case 'settings':
      return <SettingsPage />;
    case 'getting-started':
      return <GettingStartedPage />;
    case 'entry-points':
      return <EntryPointsPage />;
    case 'posters':
      return <PostersPage />;
    case 'counter':
      return <CounterPage />;
    case 'contacts':
      return <ContactsPage />;
    case 'kiosk':
      return <KioskPage />;
    case 'opt-ins':
      return <OptInsPage />;
    case 'today':
      return <TodayPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'campaigns':
      return <CampaignsPage />;
  }
}

// Pages with heavy libraries (QR, charts, virtual lists) load when first opened; the counter stays instant.
const EntryPointsPage = lazy(() => import('./pages/entry-points-page').then((m) => ({ default: m.EntryPointsPage })));
const PostersPage = lazy(() => import('./pages/posters-page').then((m) => ({ default: m.PostersPage })));
const OptInsPage = lazy(() => import('./pages/opt-ins-page').then((m) => ({ default: m.OptInsPage })));
const ContactsPage = lazy(() => import('./pages/contacts-page').then((m) => ({ default: m.ContactsPage })));
const TodayPage = lazy(() => import('./pages/today-page').then((m) => ({ default: m.TodayPage })));
const TemplatesPage = lazy(() => import('./pages/templates-page').then((m) => ({ default: m.TemplatesPage })));
const GettingStartedPage = lazy(() => import('./pages/getting-started-page').then((m) => ({ default: m.GettingStartedPage })));
const CampaignsPage = lazy(() => import('./pages/campaigns-page').then((m) => ({ default: m.CampaignsPage })));

const SHORTCUT_HINTS: Partial<Record<Route, string>> = { counter: 'F2', contacts: 'F3' };

/** The app: first-run wizard until a profile exists, then the shell with navigation and the current page. */
export function App(): ReactNode {
  const { t } = useTranslation();
  const profileLoaded = useStore((s) => s.profileLoaded);
  const profile = useStore((s) => s.profile);
  const route = useStore((s) => s.route);
  const loadProfile = useStore((s) => s.loadProfile);
  const loadInfo = useStore((s) => s.loadInfo);
  const syncRouteFromHash = useStore((s) => s.syncRouteFromHash);

  useEffect(() => {
    void loadProfile();
    void loadInfo();
    window.addEventListener('hashchange', syncRouteFromHash);
    return () => window.removeEventListener('hashchange', syncRouteFromHash);
  }, [loadProfile, loadInfo, syncRouteFromHash]);

  useShortcuts();

  useEffect(() => {
    document.title = `${t(NAV_KEYS[route])} — ${t('app.name')}`;
  }, [route, t]);

  if (!profileLoaded) {
    return (
      <main id="main" className="loading" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }
  if (!profile) return <WizardPage />;
  // The kiosk is customer-facing: no navigation, no shop data, full screen.
  if (route === 'kiosk') return <KioskPage />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="business">{profile.businessName}</span>
        {profile.mode === 'sandbox' && <span className="badge badge-sandbox">{t('app.sandboxBadge')}</span>}
      </header>
      <nav aria-label={t('nav.label')} className="sidenav">
        <ul>
          {ROUTES.map((r) => (
            <li key={r}>
              <a href={`#/${r}`} aria-current={r === route ? 'page' : undefined}>
                {t(NAV_KEYS[r])}
                {SHORTCUT_HINTS[r] && <kbd className="shortcut-hint">{SHORTCUT_HINTS[r]}</kbd>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
          <PageFor route={route} />
        </Suspense>
      </main>
    </div>
  );
}
