import { useEffect } from 'react';
import { api } from './api';
import { useStore } from './store';
import type { Route } from './store/routes';

const FIND_CONTACT = 'od:find-contact';
let findContactPending = false;

/** F3 promises "Find a contact": go to Contacts and ask its page to put the cursor in the search box. */
function findContact(navigate: (route: Route) => void): void {
  findContactPending = true;
  navigate('contacts');
  // Already on the list (no remount): the mounted page hears this; a page still loading takes the pending flag.
  window.dispatchEvent(new Event(FIND_CONTACT));
}

/** Read once by the contacts page when it mounts: true when F3 brought it there. */
export function takeFindContactRequest(): boolean {
  const pending = findContactPending;
  findContactPending = false;
  return pending;
}

/** Calls `listener` on every F3 while the contacts page is open; returns the unsubscribe function. */
export function onFindContact(listener: () => void): () => void {
  const handle = () => {
    findContactPending = false;
    listener();
  };
  window.addEventListener(FIND_CONTACT, handle);
  return () => window.removeEventListener(FIND_CONTACT, handle);
}

/**
 * Keyboard shortcuts for counter work: F2 opens the in-person opt-in (Counter), F3 the contact search.
 * The kiosk ignores them so a customer cannot reach shop screens.
 */
export function useShortcuts(): void {
  const navigate = useStore((s) => s.navigate);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (useStore.getState().route === 'kiosk') return;
      if (event.key === 'F2') {
        event.preventDefault();
        navigate('counter');
      } else if (event.key === 'F3') {
        event.preventDefault();
        findContact(navigate);
      }
    };
    window.addEventListener('keydown', onKey);
    // The desktop app's menu carries the same shortcuts (so they show there); main says where to go.
    const unsubscribe = api.events.subscribe('app:navigate', ({ route }) => {
      if (useStore.getState().route === 'kiosk') return;
      if (route === 'contacts') findContact(navigate);
      else navigate(route);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [navigate]);
}
