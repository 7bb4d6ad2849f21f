import { foldKeyword, type ExtraKeywords } from '../../../shared/domain/consent/keywords';
import { AppError } from '../app-error';
import type { SecretVault } from '../secret-vault';
import type { SettingsStore } from '../settings-store';
import type { SmtpConfig } from './smtp-sender';
import type { TwilioConfig } from './twilio-client';

/** Names of the provider secrets in the vault (never in settings.json, never sent to the renderer). */
export const REMOTE_SECRETS = { twilioAuthToken: 'twilio.authToken', smtpPassword: 'smtp.password' } as const;

/** Non-secret provider settings and the program description used in request texts (settings.json `remoteOptIns`). */
export interface RemoteSettings {
  twilio: { accountSid: string; fromNumber: string; baseUrl: string };
  smtp: { host: string; port: number; user: string; from: string; secure: boolean };
  /** Fill the {description} and {frequency} of the request text: what customers get, and how often. */
  program: { description: string; frequency: string };
  /** Days an unconfirmed request stays pending. */
  expiryDays: number;
  /** How often the Twilio inbound list is polled for YES / STOP. */
  pollSeconds: number;
}

/** What the renderer may see: the settings plus whether each secret is stored (never the secret). */
export type RemoteSettingsView = RemoteSettings & { hasTwilioAuthToken: boolean; hasSmtpPassword: boolean };

/** A save: the settings, and secrets that are replaced when given ('' forgets one; absent keeps it). */
export type RemoteSettingsInput = RemoteSettings & { twilioAuthToken?: string; smtpPassword?: string };

/** Defaults that match the help reply's program description, so every text describes the program the same way. */
export const DEFAULT_REMOTE_SETTINGS: RemoteSettings = {
  twilio: { accountSid: '', fromNumber: '', baseUrl: 'https://api.twilio.com' },
  smtp: { host: '', port: 587, user: '', from: '', secure: false },
  program: { description: 'order updates and offers', frequency: 'a few times a month' },
  expiryDays: 7,
  pollSeconds: 60,
};

/** Reads and writes the remote opt-in settings, the provider secrets and the owner's extra keywords. */
export class ProviderSettings {
  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: SecretVault,
  ) {}

  get(): RemoteSettings {
    const stored = (this.settings.data.remoteOptIns ?? {}) as Partial<RemoteSettings>;
    const d = DEFAULT_REMOTE_SETTINGS;
    return {
      twilio: { ...d.twilio, ...stored.twilio },
      smtp: { ...d.smtp, ...stored.smtp },
      program: { ...d.program, ...stored.program },
      expiryDays: stored.expiryDays ?? d.expiryDays,
      pollSeconds: stored.pollSeconds ?? d.pollSeconds,
    };
  }

  async view(): Promise<RemoteSettingsView> {
    return {
      ...this.get(),
      hasTwilioAuthToken: (await this.vault.get(REMOTE_SECRETS.twilioAuthToken)) !== null,
      hasSmtpPassword: (await this.vault.get(REMOTE_SECRETS.smtpPassword)) !== null,
    };
  }

  async save(input: RemoteSettingsInput): Promise<RemoteSettingsView> {
    const { twilioAuthToken, smtpPassword, ...rest } = input;
    if (rest.twilio.baseUrl && !/^https?:\/\/[^\s/]+/.test(rest.twilio.baseUrl)) {
      throw new AppError('invalid_argument', 'The Twilio base URL must start with https:// (normally https://api.twilio.com).', 'twilio.baseUrl');
    }
    if (twilioAuthToken !== undefined) await this.secret(REMOTE_SECRETS.twilioAuthToken, twilioAuthToken);
    if (smtpPassword !== undefined) await this.secret(REMOTE_SECRETS.smtpPassword, smtpPassword);
    await this.settings.update((doc) => {
      doc.remoteOptIns = rest;
    });
    return this.view();
  }

  /** The Twilio account to send with, or a clear error naming what is missing. */
  async twilio(): Promise<TwilioConfig> {
    const { twilio } = this.get();
    const authToken = await this.vault.get(REMOTE_SECRETS.twilioAuthToken);
    if (!twilio.accountSid || !twilio.fromNumber || !authToken) {
      throw new AppError('sms_not_configured', 'Set up Twilio first (account SID, auth token and sending number), or copy the text and send it yourself.');
    }
    return { ...twilio, authToken, baseUrl: twilio.baseUrl || DEFAULT_REMOTE_SETTINGS.twilio.baseUrl };
  }

  /** True when Twilio is set up enough to poll. */
  async twilioReady(): Promise<boolean> {
    const { twilio } = this.get();
    return Boolean(twilio.accountSid && twilio.fromNumber && (await this.vault.get(REMOTE_SECRETS.twilioAuthToken)));
  }

  /** The SMTP account to send with, or a clear error naming what is missing. */
  async smtp(): Promise<SmtpConfig> {
    const { smtp } = this.get();
    if (!smtp.host || !smtp.from) {
      throw new AppError('email_not_configured', 'Set up the mail server first (host and From address), or open the email in your own mail app.');
    }
    return { ...smtp, password: (await this.vault.get(REMOTE_SECRETS.smtpPassword)) ?? '' };
  }

  /** The owner's extra keywords per intent (the inbox reads the same `keywords` setting). */
  keywords(): Required<{ [K in keyof ExtraKeywords]: string[] }> {
    const k = (this.settings.data.keywords ?? {}) as ExtraKeywords;
    return { stop: [...(k.stop ?? [])], start: [...(k.start ?? [])], help: [...(k.help ?? [])] };
  }

  /** Saves extra keywords: trimmed; blanks and words that match the same way as an earlier one are dropped. */
  async saveKeywords(input: { stop: string[]; start: string[]; help: string[] }): Promise<{ stop: string[]; start: string[]; help: string[] }> {
    const clean = (words: string[]) => {
      const seen = new Set<string>();
      return words.map((w) => w.trim()).filter((w) => {
        const folded = foldKeyword(w);
        if (folded === '' || seen.has(folded)) return false;
        seen.add(folded);
        return true;
      });
    };
    const next = { stop: clean(input.stop), start: clean(input.start), help: clean(input.help) };
    // Matching folds case, accents and punctuation, so a clash is judged the same way.
    const clash = next.start.find((w) => next.stop.some((s) => foldKeyword(s) === foldKeyword(w)));
    if (clash) throw new AppError('invalid_argument', `"${clash}" cannot both stop and start messages.`, 'start');
    await this.settings.update((doc) => {
      doc.keywords = next;
    });
    return next;
  }

  private async secret(name: string, value: string): Promise<void> {
    if (value.trim() === '') await this.vault.delete(name);
    else await this.vault.set(name, value.trim());
  }
}
