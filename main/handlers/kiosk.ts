import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** The customer kiosk: state, enter, leave with the owner PIN (the rules live in KioskMode). */
export function kioskHandlers(services: AppServices): Pick<Handlers, 'kiosk:status' | 'kiosk:enter' | 'kiosk:exit'> {
  return {
    'kiosk:status': () => services.kiosk.status(),
    'kiosk:enter': () => services.kiosk.enter(),
    'kiosk:exit': ({ pin }) => services.kiosk.exit(pin),
  };
}
