/** The audience filter: which contacts a campaign considers (consent decides later who is actually sent to). */
import { normalizePhone } from '../phone';
import type { AudienceContact, CampaignAudience } from './types';

/** True when the contact belongs to the audience (tags: any of them; no tags = every contact). */
export function matchesAudience(contact: AudienceContact, audience: CampaignAudience): boolean {
  if (audience.tags.length > 0 && !audience.tags.some((tag) => contact.tags.includes(tag))) return false;
  const consent = contact.derived[audience.purpose];
  const { state, method, country } = audience.filters;
  if (state !== undefined && consent.state !== state) return false;
  if (method !== undefined && consent.method !== method) return false;
  if (country !== undefined) {
    const parsed = normalizePhone(contact.phone);
    if (!parsed.ok || parsed.phone.country !== country.toUpperCase()) return false;
  }
  return true;
}
