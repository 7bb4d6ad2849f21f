import { useEffect } from 'react';
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
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
