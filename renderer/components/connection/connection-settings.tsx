import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionInput } from '../../../shared/contract/connection';
import { api } from '../../api';
import { useStore } from '../../store';
import { OutboxPanel } from '../messages/outbox-panel';
import { useOwnerGate } from '../owner/use-owner-gate';
import { ConnectionForm } from './connection-form';
import { NumberHealthLine } from './number-health-line';
import '../messages/messages.css';

/** Settings → Connection: sandbox or live, the account fields, "Test connection", the webhook address, the outbox. */
export function ConnectionSettings(): ReactNode {
  const { t } = useTranslation();
  const { run, dialog } = useOwnerGate();
  const status = useStore((s) => s.connection);
  const loadConnection = useStore((s) => s.loadConnection);
  const setConnection = useStore((s) => s.setConnection);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [testing, setTesting] = useState(false);
  const id = useId();

  useEffect(() => {
    void loadConnection();
  }, [loadConnection]);

  // A pause or resume happens in main (a refused token, the owner elsewhere): show it without a reload.
  useEffect(() => api.events.subscribe('outbox:alert', () => void loadConnection()), [loadConnection]);

  async function setSandbox(on: boolean) {
    const result = await run(() => api.connection.setSandbox({ on }));
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    setConnection(result.value);
    setMessage({ text: t(on ? 'messages.connection.sandboxOn' : 'messages.connection.sandboxOff') });
  }

  async function save(input: ConnectionInput) {
    const result = await run(() => api.connection.save(input));
    if (result.ok) setConnection(result.value);
    return result;
  }

  async function test() {
    setTesting(true);
    setMessage({ text: t('messages.connection.testing') });
    const result = await run(() => api.connection.test());
    setTesting(false);
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    const v = result.value;
    setMessage({ text: t('messages.connection.testOk', { name: v.verifiedName, number: v.displayPhoneNumber, quality: v.qualityRating }) });
  }

  async function resume() {
    const result = await run(() => api.connection.resumeOutbox());
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    setConnection(result.value);
    setMessage({ text: t('messages.connection.resumed') });
  }

  if (!status) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('messages.connection.title')}</h2>
        <p aria-busy="true">{t('messages.loading')}</p>
      </section>
    );
  }
  const sandbox = status.mode === 'sandbox';
  return (
    <>
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('messages.connection.title')}</h2>
        <div className="connection-mode">
          <p className="summary">{t(`messages.connection.mode.${status.mode}`)}</p>
          <button type="button" role="switch" className="switch" aria-checked={sandbox} onClick={() => void setSandbox(!sandbox)}>
            {t('messages.connection.sandboxSwitch')}
          </button>
        </div>
        {/* Only a secret actually stored without the system keychain is worth a warning (a sandbox stores none). */}
        {status.secretProtection === 'fallback-plain' && (status.accessTokenSet || status.appSecretSet || status.verifyTokenSet) && (
          <p className="connection-warning">{t('messages.connection.plainSecrets')}</p>
        )}
        {status.outboxPaused && (
          <div className="connection-warning">
            <p>{t('messages.connection.paused', { reason: status.outboxPaused })}</p>
            <button type="button" onClick={() => void resume()}>
              {t('messages.connection.resume')}
            </button>
          </div>
        )}
        {status.numberHealth && <NumberHealthLine health={status.numberHealth} />}
        {status.webhookUrl && (
          <div>
            <p>
              {t('messages.connection.webhookAt')} <code className="webhook-url">{status.webhookUrl}</code>
            </p>
            {!sandbox && <p className="field-hint">{t('messages.connection.webhookExpose')}</p>}
          </div>
        )}
        <div className="form-actions">
          <button type="button" onClick={() => void test()} disabled={testing || status.mode === 'not_connected'} aria-busy={testing}>
            {t('messages.connection.test')}
          </button>
          <span role={message?.error ? 'alert' : 'status'} className={message?.error ? 'form-error' : undefined}>
            {message?.text}
          </span>
        </div>
        {sandbox ? (
          <details className="connection-live">
            <summary>{t('messages.connection.connectLive')}</summary>
            <ConnectionForm status={status} save={save} />
          </details>
        ) : (
          <ConnectionForm status={status} save={save} />
        )}
        {dialog}
      </section>
      <OutboxPanel />
    </>
  );
}
