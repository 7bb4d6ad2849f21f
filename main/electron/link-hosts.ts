import { z } from 'zod';

/*
 * Extra hosts the owner (or the distributor) allows links to open in the system browser besides wa.me, e.g. the
 * shop's own website in a template's button: `externalLinkHosts` in settings.json. Read on every decision, so an
 * edit applies at once; anything malformed counts as none, never as "allow everything".
 */

const HostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/);

/** The configured extra link hosts: plain host names only (no scheme, port, path or wildcard), at most 20. */
export function extraLinkHosts(settings: Readonly<Record<string, unknown>> | null | undefined): string[] {
  const parsed = z.array(HostSchema).max(20).safeParse(settings?.externalLinkHosts);
  return parsed.success ? [...new Set(parsed.data)] : [];
}
