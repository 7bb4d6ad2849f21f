import { useEffect } from 'react';
import { api } from './api';
import { useStore } from './store';

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
        navigate('contacts');
      }
    };
    window.addEventListener('keydown', onKey);
    // The desktop app's menu carries the same shortcuts (so they show there); main says where to go.
    const unsubscribe = api.events.subscribe('app:navigate', ({ route }) => {
      if (useStore.getState().route !== 'kiosk') navigate(route);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [navigate]);
}
