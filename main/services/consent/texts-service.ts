import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import {
  addTextVersion,
  currentText,
  defaultConsentText,
  purposeLabel,
  renderConsentText,
  type ConsentTextKind,
  type ConsentTextVars,
  type ConsentTextVersion,
} from '../../../shared/domain/consent/texts';
import { AppError } from '../app-error';
import { JsonDocument } from '../json-document';

interface TextsDoc {
  schemaVersion: number;
  history: ConsentTextVersion[];
}

/** A text exactly as shown to a customer, with the version it was rendered from. */
export interface RenderedText {
  text: string;
  version: number;
  locale: string;
}

/** Joins purpose labels the way the locale lists things ("marketing and utility"). */
function purposesLabel(purposes: readonly ConsentPurpose[], locale: string): string {
  const labels = purposes.map((p) => purposeLabel(p, locale));
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(labels);
  } catch {
    return labels.join(', ');
  }
}

/**
 * The consent texts of the shop, versioned per kind and locale (consent-texts.json). The built-in default becomes
 * version 1 the first time it is used, so every event can cite a stored version.
 */
export class ConsentTextsService {
  private constructor(
    private readonly doc: JsonDocument<TextsDoc>,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, now: () => Date): Promise<ConsentTextsService> {
    return new ConsentTextsService(await JsonDocument.open<TextsDoc>(dataDir, 'consent-texts.json', () => ({ schemaVersion: 1, history: [] })), now);
  }

  /** Every saved version, oldest first. */
  history(): ConsentTextVersion[] {
    return [...this.doc.data.history];
  }

  /** The current version of a text, seeding the built-in default as version 1 when the owner never saved one. */
  async current(kind: ConsentTextKind, locale: string): Promise<ConsentTextVersion> {
    const existing = currentText(this.doc.data.history, kind, locale);
    if (existing) return existing;
    return this.save(kind, locale, defaultConsentText(kind, locale));
  }

  /** A specific stored version (to prove what a past event showed). */
  version(kind: ConsentTextKind, locale: string, version: number): ConsentTextVersion | undefined {
    return this.doc.data.history.find((v) => v.kind === kind && v.locale === locale && v.version === version);
  }

  /**
   * Saves an edited text; a new version only when the words changed. `edits` is the version the editor was loaded
   * with (number and hash): when it is not this locale's current version — the box still holds another language's
   * text, or someone saved in between — nothing is stored, so a text is only ever saved as the language it was
   * written in, on top of the version its author saw.
   */
  async save(kind: ConsentTextKind, locale: string, text: string, edits?: { version: number; hash: string }): Promise<ConsentTextVersion> {
    if (edits) {
      const current = await this.current(kind, locale);
      if (current.version !== edits.version || current.hash !== edits.hash) {
        const other = this.doc.data.history.find((v) => v.kind === kind && v.hash === edits.hash && v.locale !== locale);
        throw new AppError(
          'text_changed',
          other
            ? `This text was loaded for another language (${other.locale}); it was not saved as ${locale}. Reload the texts and edit the ${locale} one.`
            : `The ${locale} text is now version ${current.version}, not the version ${edits.version} you edited. Reload the texts and make your change again.`,
          'text',
        );
      }
    }
    const result = addTextVersion(this.doc.data.history, kind, locale, text, this.now().getTime());
    if (!result.ok) throw new AppError('invalid_argument', result.problems.map((p) => p.message).join(' '), 'text');
    if (result.created) {
      await this.doc.update((d) => {
        d.history.push(result.current);
      });
    }
    return result.current;
  }

  /** Renders the current (or a given) version of a text with the shop's and customer's details. */
  async render(
    kind: ConsentTextKind,
    locale: string,
    vars: ConsentTextVars & { purposes?: readonly ConsentPurpose[] },
    version?: number,
  ): Promise<RenderedText> {
    const current = await this.current(kind, locale);
    const chosen = version === undefined ? current : this.version(kind, locale, version);
    if (!chosen) throw new AppError('not_found', `There is no version ${version} of that consent text.`, 'statementVersion');
    const { purposes, ...rest } = vars;
    const filled = { ...rest, ...(purposes ? { purpose: purposesLabel(purposes, locale) } : {}) };
    const result = renderConsentText(chosen, filled);
    if (!result.ok) throw new AppError('consent_text_invalid', result.problems.map((p) => p.message).join(' '));
    return { text: result.text, version: chosen.version, locale };
  }
}
