import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { api } from '../../api';
import { Field } from '../field';

const QUICK = ['STOP', 'YES', 'HELP'] as const;

/** Sandbox only: make the emulated customer write to the shop, as if from their phone (a STOP, a YES, a question). */
export function SandboxPanel({ phone }: { phone: string }): ReactNode {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  async function simulate(message: string) {
    setStatus('');
    const result = await api.sandbox.simulateInbound({ phone, text: message });
    if (!result.ok) return setError(result.error);
    setError(null);
    setText('');
    setStatus(t('messages.sandbox.sentAs', { text: message }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) void simulate(text.trim());
  }

  return (
    <section className="contact-section sandbox-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('messages.sandbox.title')}</h2>
      <p className="muted">{t('messages.sandbox.explain')}</p>
      <p className="muted">{t('messages.sandbox.sandboxOnly')}</p>
      <form className="sandbox-form" onSubmit={submit} noValidate>
        <Field label={t('messages.sandbox.label')} error={error?.message}>
          {({ id: fieldId, describedBy, invalid }) => (
            <input id={fieldId} autoComplete="off" value={text} maxLength={4096} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit">{t('messages.sandbox.send')}</button>
          {QUICK.map((word) => (
            <button key={word} type="button" onClick={() => void simulate(word)}>
              {t('messages.sandbox.quick', { word })}
            </button>
          ))}
        </div>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
