/** The app's pages, in navigation order; the hash (#/contacts) selects one. */
export const ROUTES = [
  'today',
  'entry-points',
  'posters',
  'counter',
  'contacts',
  'opt-ins',
  'templates',
  'campaigns',
  'settings',
  'getting-started',
] as const;
/** Pages reached from another page, not from the navigation (the customer-facing kiosk). */
export const EXTRA_ROUTES = ['kiosk'] as const;
export type Route = (typeof ROUTES)[number] | (typeof EXTRA_ROUTES)[number];

/** Reads the route from a location hash, defaulting to Today. */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return ([...ROUTES, ...EXTRA_ROUTES] as readonly string[]).includes(name) ? (name as Route) : 'today';
}
