import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import type { Message } from '../../../shared/contract/messages';
import { api } from '../../api';

/** A contact's messages and window, kept fresh by `outbox:changed` for this contact (and contact changes). */
export function useContactMessages(contactId: string | null): {
  messages: Message[] | null;
  windowOpenUntil: string | null;
  error: ApiError | null;
  /** The latest change in words-ready form, for the live region: which message moved to which state. */
  lastChange: { message: Message; state: string } | null;
  reload(): void;
} {
  // Everything loaded is tagged with its contact, so switching contacts shows nothing stale (no reset effect needed).
  const [data, setData] = useState<{ contactId: string; messages: Message[]; windowOpenUntil: string | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [lastChange, setLastChange] = useState<{ contactId: string; message: Message; state: string } | null>(null);
  const [loads, setLoads] = useState(0);
  const known = useRef({ contactId: '', states: new Map<string, string>() });
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    if (!contactId) return;
    if (known.current.contactId !== contactId) known.current = { contactId, states: new Map() };
    let live = true;
    void api.messages.forContact({ contactId }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      // Announce only moves of messages already shown (a first load is not news).
      const states = known.current.states;
      const first = states.size === 0;
      let change: { contactId: string; message: Message; state: string } | null = null;
      for (const m of result.value.messages) {
        const before = states.get(m.id);
        if (!first && before !== m.state) change = { contactId, message: m, state: m.state };
        states.set(m.id, m.state);
      }
      if (change) setLastChange(change);
      setData({ contactId, messages: result.value.messages, windowOpenUntil: result.value.windowOpenUntil });
    });
    return () => {
      live = false;
    };
  }, [contactId, loads]);

  useEffect(() => {
    if (!contactId) return;
    const offOutbox = api.events.subscribe('outbox:changed', ({ items }) => {
      if (items.some((item) => item.contactId === contactId)) reload();
    });
    // An inbound message (STOP, YES, a question) changes the window and may queue a reply.
    const offData = api.events.subscribe('data:changed', ({ domain }) => {
      if (domain === 'contacts' || domain === 'outbox') reload();
    });
    return () => {
      offOutbox();
      offData();
    };
  }, [contactId, reload]);

  const current = data && data.contactId === contactId ? data : null;
  return {
    messages: current?.messages ?? null,
    windowOpenUntil: current?.windowOpenUntil ?? null,
    error,
    lastChange: lastChange && lastChange.contactId === contactId ? { message: lastChange.message, state: lastChange.state } : null,
    reload,
  };
}
