import { useEffect, useState } from 'react';

/** The contact id in `#/contacts/<id>`, or null on the list. */
export function contactIdFromHash(hash: string): string | null {
  const match = /^#\/?contacts\/([^/?#]+)/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The hash that opens a contact's page. */
export function contactHash(id: string): string {
  return `#/contacts/${encodeURIComponent(id)}`;
}

/** Follows the hash: the app routes on its first segment only, so the contact id is read here. */
export function useContactIdFromHash(): string | null {
  const [id, setId] = useState(() => contactIdFromHash(window.location.hash));
  useEffect(() => {
    const sync = () => setId(contactIdFromHash(window.location.hash));
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  return id;
}
