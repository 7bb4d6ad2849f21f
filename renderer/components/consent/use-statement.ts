import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { api } from '../../api';

/** The statement as main rendered it for the current purposes and number. */
export interface Statement {
  text: string;
  version: number;
  locale: string;
}

const DEBOUNCE_MS = 250;

/**
 * Keeps the consent statement in step with what is typed: fetched (debounced) whenever purposes or phone change.
 * With no purpose ticked there is nothing to agree to, so `statement` is null, but the version is still known.
 * `flush()` fetches at once (before submitting, so the version sent is the one on screen).
 */
export function useStatement(purposes: readonly ConsentPurpose[], phone: string, locale: string) {
  const [statement, setStatement] = useState<Statement | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const key = `${purposes.join(',')}|${phone}|${locale}`;
  const shownKey = useRef('');

  const fetchNow = useCallback(async (): Promise<Statement | null> => {
    const mine = ++seq.current;
    // The version does not depend on the purposes, so ask with both when none is ticked.
    const asked = purposes.length > 0 ? [...purposes] : (['utility', 'marketing'] as ConsentPurpose[]);
    const result = await api.consent.statement({ purposes: asked, locale, ...(phone.trim() ? { phone } : {}) });
    // A newer fetch owns the screen; the caller (flush) still gets this answer, whose version is just as current.
    if (mine !== seq.current) return result.ok ? result.value : null;
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    setVersion(result.value.version);
    setStatement(purposes.length > 0 ? result.value : null);
    shownKey.current = key;
    return result.value;
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- key covers purposes, phone and locale

  useEffect(() => {
    const timer = setTimeout(() => void fetchNow(), shownKey.current === '' ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [fetchNow]);

  /** The current version, fetching first if what is on screen is not for the current inputs. */
  const flush = useCallback(async (): Promise<number | null> => {
    if (shownKey.current === key && version !== null) return version;
    const fresh = await fetchNow();
    return fresh?.version ?? null;
  }, [fetchNow, key, version]);

  return { statement, version, error, flush, reload: fetchNow };
}
