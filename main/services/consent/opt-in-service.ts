import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { unknownPhoneText } from '../../../shared/domain/consent/texts';
import { formatPhone, normalizePhone } from '../../../shared/domain/phone';
import { AppError } from '../app-error';
import { phoneProblemMessage } from '../profile-service';
import type { ProfileService } from '../profile-service';
import type { ConsentLedger, EventDraft } from './ledger';
import type { ContactRecord } from './contact-record';
import type { ConsentTextsService } from './texts-service';

/** An in-person opt-in as the counter (or the kiosk) submits it. */
export interface InPersonOptIn {
  phone: string;
  country?: string;
  name: string;
  purposes: ConsentPurpose[];
  /** Who recorded it; the kiosk records itself. */
  staffMember: string;
  statementVersion: number;
  locale: string;
  source: 'counter' | 'kiosk';
  deviceName: string;
}

/**
 * Records consent given in person, toggled by staff for a known customer, or withdrawn on a customer's behalf.
 * Each call validates the number, renders the exact statement the customer saw and writes the events durably.
 */
export class OptInService {
  constructor(
    private readonly ledger: ConsentLedger,
    private readonly texts: ConsentTextsService,
    private readonly profile: ProfileService,
    private readonly now: () => Date,
  ) {}

  /** Normalises a typed number with the shop's country as default, or fails on the phone field. */
  normalize(phone: string, country?: string): string {
    const shop = this.profile.get();
    const result = normalizePhone(phone, country ?? shop?.country);
    if (!result.ok) throw new AppError('invalid_argument', phoneProblemMessage(result.problem), 'phone');
    return result.phone.e164;
  }

  /** The opt-in statement for these purposes, as the customer will see it (with their number when known). */
  async statement(purposes: ConsentPurpose[], locale: string, phone?: string, country?: string) {
    const shop = this.requireProfile();
    let phoneText = unknownPhoneText(locale);
    if (phone) {
      const result = normalizePhone(phone, country ?? shop.country);
      if (result.ok) phoneText = result.phone.international;
    }
    return this.texts.render('optin_statement', locale, { business: shop.businessName, purposes, phone: phoneText });
  }

  async optInInPerson(input: InPersonOptIn): Promise<{ record: ContactRecord; created: boolean }> {
    const e164 = this.normalize(input.phone, input.country);
    const shop = this.requireProfile();
    const current = await this.texts.current('optin_statement', input.locale);
    if (current.version !== input.statementVersion) {
      throw new AppError(
        'statement_changed',
        'The consent text was changed since this screen was opened. Show the customer the new text and ask again.',
        'statementVersion',
      );
    }
    const shown = await this.texts.render(
      'optin_statement',
      input.locale,
      { business: shop.businessName, purposes: input.purposes, phone: formatPhone(e164) },
      input.statementVersion,
    );
    const { record, created } = await this.ledger.ensureContact({ phone: e164, name: input.name });
    const occurredAt = this.now().toISOString();
    const drafts: EventDraft[] = input.purposes.map((purpose) => ({
      type: 'confirmed',
      purpose,
      method: 'in_person',
      source: input.source,
      textShown: shown.text,
      textVersion: shown.version,
      locale: input.locale,
      evidence: { staffMember: input.staffMember, deviceName: input.deviceName },
      recordedBy: input.staffMember,
      occurredAt,
    }));
    const written = await this.ledger.record(record.id, drafts);
    return { record: written.record, created };
  }

  /** Staff switch consent on (customer asked, e.g. a loyalty member) or off (a stop). */
  async toggle(input: { contactId: string; purpose: ConsentPurpose; on: boolean; staffMember: string; note: string }): Promise<ContactRecord> {
    const record = this.ledger.get(input.contactId);
    if (input.on && record.derived[input.purpose].state === 'opted_out') {
      throw new AppError(
        'consent_revoked',
        'This customer opted out. Only their own new opt-in (at the counter, or START on WhatsApp) can turn this back on.',
        'on',
      );
    }
    const shop = this.requireProfile();
    const occurredAt = this.now().toISOString();
    const draft: EventDraft = input.on
      ? {
          type: 'confirmed',
          purpose: input.purpose,
          // 'staff', not 'in_app_toggle': that method is the customer's own switch on the shop's account page.
          method: 'staff',
          source: 'contact page toggle',
          ...(await this.shownFor([input.purpose], record.phone, shop.locale)),
          evidence: { staffMember: input.staffMember, ...(input.note ? { note: input.note } : {}) },
          recordedBy: input.staffMember,
          occurredAt,
        }
      : {
          type: 'revoked',
          purpose: input.purpose,
          method: 'staff',
          source: 'contact page toggle',
          evidence: { staffMember: input.staffMember, ...(input.note ? { note: input.note } : {}) },
          recordedBy: input.staffMember,
          occurredAt,
        };
    return (await this.ledger.record(record.id, [draft])).record;
  }

  /** A customer asked a member of staff to stop (in person, by phone, by email): revoke at once. */
  async stopOnBehalf(input: { contactId: string; purposes: ConsentPurpose[]; staffMember: string; note: string }): Promise<ContactRecord> {
    const record = this.ledger.get(input.contactId);
    const occurredAt = this.now().toISOString();
    const drafts: EventDraft[] = input.purposes.map((purpose) => ({
      type: 'revoked',
      purpose,
      method: 'staff',
      source: 'request to staff',
      evidence: { staffMember: input.staffMember, ...(input.note ? { note: input.note } : {}) },
      recordedBy: input.staffMember,
      occurredAt,
    }));
    return (await this.ledger.record(record.id, drafts)).record;
  }

  private async shownFor(purposes: ConsentPurpose[], e164: string, locale: string) {
    const shop = this.requireProfile();
    const shown = await this.texts.render('optin_statement', locale, {
      business: shop.businessName,
      purposes,
      phone: formatPhone(e164),
    });
    return { textShown: shown.text, textVersion: shown.version, locale };
  }

  private requireProfile() {
    const shop = this.profile.get();
    if (!shop) throw new AppError('profile_missing', 'Save the business profile (name and WhatsApp number) first.');
    return shop;
  }
}
