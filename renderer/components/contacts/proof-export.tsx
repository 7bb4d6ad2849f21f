import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintOutcome } from '../../../shared/contract/print';
import { api } from '../../api';
import { downloadText } from '../entry-points/download';
import { useOwnerGate } from '../owner/use-owner-gate';

/** Proof pack of one contact: JSON download and a PDF (saved by main, or opened to print in a browser). */
export function ProofExport({ contactId }: { contactId: string }): ReactNode {
  const { t } = useTranslation();
  const { run, dialog } = useOwnerGate();
  const [message, setMessage] = useState<{ text: string; url?: string; error?: boolean } | null>(null);

  async function json() {
    const result = await run(() => api.export.proofPack({ contactId }));
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    downloadText(result.value.json, result.value.fileName, 'application/json');
    setMessage({ text: t('contacts.downloaded', { file: result.value.fileName }) });
  }

  async function pdf() {
    const result = await run(() => api.export.proofPackPdf({ contactId, action: 'pdf' }));
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    setMessage(describe(result.value));
  }

  function describe(outcome: PrintOutcome): { text: string; url?: string } {
    switch (outcome.kind) {
      case 'open':
        window.open(outcome.url, '_blank', 'noopener');
        return { text: t('contacts.pdfOpened'), url: outcome.url };
      case 'pdf':
        return { text: t('contacts.pdfSaved', { path: outcome.path }) };
      case 'printed':
        return { text: t('contacts.printed') };
      default:
        return { text: t('contacts.printCancelled') };
    }
  }

  return (
    <section aria-labelledby="proof-export-title" className="contact-section">
      <h2 id="proof-export-title">{t('contacts.proofTitle')}</h2>
      <p className="muted">{t('contacts.proofExplain')}</p>
      <div className="form-actions">
        <button type="button" onClick={() => void json()}>
          {t('contacts.proofJson')}
        </button>
        <button type="button" onClick={() => void pdf()}>
          {t('contacts.proofPdf')}
        </button>
      </div>
      <p role={message?.error ? 'alert' : 'status'} className={message?.error ? 'form-error' : 'muted'}>
        {message?.text}{' '}
        {message?.url && (
          <a href={message.url} target="_blank" rel="noopener">
            {t('contacts.openAgain')}
          </a>
        )}
      </p>
      {dialog}
    </section>
  );
}
