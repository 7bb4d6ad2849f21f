import type { Profile, ProfileInput } from '../../shared/contract/profile';
import { normalizePhone, type PhoneProblem } from '../../shared/domain/phone';
import { AppError } from './app-error';
import type { SettingsStore } from './settings-store';

const phoneMessages: Record<PhoneProblem, string> = {
  empty: 'Enter the WhatsApp number of the shop.',
  not_a_number: 'A phone number needs digits, like +34 612 345 678.',
  invalid_country: 'Choose a country, or type the number with its country code (starting with +).',
  too_short: 'That number is too short for the chosen country.',
  too_long: 'That number is too long for the chosen country.',
  invalid: 'That is not a valid phone number for the chosen country. Check the digits.',
};

/** Message shown next to a phone field for each validation problem. */
export function phoneProblemMessage(problem: PhoneProblem): string {
  return phoneMessages[problem];
}

/** The business profile: read, and save with the number validated and stored as E.164. */
export class ProfileService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly now: () => Date,
  ) {}

  get(): Profile | null {
    return this.settings.data.profile;
  }

  async save(input: ProfileInput): Promise<Profile> {
    const result = normalizePhone(input.phone, input.country);
    if (!result.ok) throw new AppError('invalid_argument', phoneProblemMessage(result.problem), 'phone');
    const previous = this.settings.data.profile;
    const profile: Profile = {
      businessName: input.businessName,
      country: input.country,
      phoneE164: result.phone.e164,
      phoneDisplay: result.phone.international,
      locale: input.locale,
      // Once connected to the live API, re-saving the profile must not silently fall back to sandbox.
      mode: previous?.mode === 'live' && input.mode === 'live_later' ? 'live' : input.mode,
      updatedAt: this.now().toISOString(),
    };
    await this.settings.update((doc) => {
      doc.profile = profile;
    });
    return profile;
  }
}
