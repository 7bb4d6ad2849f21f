import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initialLocale, setupI18n } from './i18n';
import './styles.css';

/** Renderer entry: language first (so the first paint is translated), then the app. */
async function start(): Promise<void> {
  await setupI18n(initialLocale());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
