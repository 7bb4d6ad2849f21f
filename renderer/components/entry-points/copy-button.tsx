import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy link". */
  label: string;
}

/** Copies `text` to the clipboard and says so in a polite live region; says what to do when the clipboard refuses. */
export function CopyButton({ text, label }: CopyButtonProps): ReactNode {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), 4000);
  }

  return (
    <span className="ep-copy">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="ep-copy-status" role="status" aria-live="polite">
        {status === 'copied' ? t('entryPoints.copied') : status === 'failed' ? t('entryPoints.copyFailed') : ''}
      </span>
    </span>
  );
}
