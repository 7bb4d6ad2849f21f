import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { waDigits } from '../../../shared/domain/entry-points/wa-link';
import { generateRefCode } from '../../../shared/domain/entry-points/ref-code';
import { joinCodeFor, joinLink, type PurposeSuffix } from '../../../shared/domain/opt-in/join-code';
import type { SnippetForms } from '../../../shared/domain/entry-points/snippet-common';
import { optInSnippetForms } from '../../../shared/domain/opt-in/optin-snippets';
import {
  purposeCombinations,
  resolveJoinCode,
  type JoinConfirmation,
  type OptInWidget,
  type OptInWidgetKind,
  type PopupTriggers,
} from '../../../shared/domain/opt-in/widget';
import { AppError } from '../app-error';
import { JsonDocument } from '../json-document';

/** opt-in-widgets.json: every widget ever created; never deleted, since its code may still be on a web page. */
interface WidgetsDoc {
  schemaVersion: number;
  widgets: OptInWidget[];
}

/** What the owner chooses when creating a widget. */
export interface CreateWidgetInput {
  kind: OptInWidgetKind;
  name: string;
  purposes: ConsentPurpose[];
  headline?: string;
  colour?: string;
  locale?: string;
  popup?: PopupTriggers;
}

/** The rendered statement for some purposes (OptInService.statement without a customer number). */
export type StatementSource = (purposes: ConsentPurpose[], locale: string) => Promise<{ text: string; version: number; locale: string }>;

/** Dependencies: the data folder, clock and randomness, the shop profile and the statement renderer. */
export interface WidgetsDeps {
  dataDir: string;
  now: () => Date;
  random: () => number;
  shop: () => { businessName: string; phoneE164: string; locale: string } | null;
  statement: StatementSource;
  /** Codes already used elsewhere (entry-point refs), so a JOIN code never reads as another code. */
  reservedCodes?: () => Iterable<string>;
}

const HEADLINE: Record<string, string> = { en: 'Get our messages on WhatsApp', es: 'Recibe nuestros mensajes por WhatsApp' };

/**
 * The registry of opt-in widgets (website form, popup, in-app toggle). Creating one freezes the exact statements
 * the page will show, so a later JOIN message can be recorded with the words and version the customer saw.
 */
export class OptInWidgetsService {
  private constructor(
    private readonly doc: JsonDocument<WidgetsDoc>,
    private readonly deps: WidgetsDeps,
  ) {}

  static async open(deps: WidgetsDeps): Promise<OptInWidgetsService> {
    const doc = await JsonDocument.open<WidgetsDoc>(deps.dataDir, 'opt-in-widgets.json', () => ({ schemaVersion: 1, widgets: [] }));
    return new OptInWidgetsService(doc, deps);
  }

  /** Every widget, newest first. */
  list(): OptInWidget[] {
    return [...this.doc.data.widgets].reverse();
  }

  get(code: string): OptInWidget {
    const found = this.find(code);
    if (!found) throw new AppError('not_found', 'That opt-in widget does not exist.', 'code');
    return found;
  }

  /** The inbox's `joinCodes` hook: what a `JOIN <code>` message confirms, or undefined for an unknown code. */
  lookup(joinCode: string): JoinConfirmation | undefined {
    return resolveJoinCode(joinCode, (code) => this.find(code));
  }

  async create(input: CreateWidgetInput): Promise<OptInWidget> {
    const shop = this.deps.shop();
    if (!shop) throw new AppError('profile_missing', 'Save the business profile (name and WhatsApp number) first.');
    const name = input.name.trim();
    if (!name) throw new AppError('invalid_argument', 'Give the widget a name you will recognise (e.g. "Home page form").', 'name');
    const purposes = [...new Set(input.purposes)];
    if (purposes.length === 0) throw new AppError('invalid_argument', 'Offer at least one kind of message.', 'purposes');
    const locale = input.locale ?? shop.locale;
    const statements: Partial<Record<PurposeSuffix, string>> = {};
    let version = 0;
    for (const combo of purposeCombinations(purposes)) {
      const rendered = await this.deps.statement(combo.purposes, locale);
      statements[combo.suffix] = rendered.text;
      version = rendered.version;
    }
    const taken = [...this.doc.data.widgets.map((w) => w.code), ...(this.deps.reservedCodes?.() ?? [])];
    const widget: OptInWidget = {
      code: generateRefCode(taken, this.deps.random, 5),
      kind: input.kind,
      name,
      purposes,
      statements,
      statementVersion: version,
      locale,
      headline: input.headline?.trim() || (HEADLINE[locale.slice(0, 2)] ?? HEADLINE.en!),
      colour: input.colour ?? '#075E54',
      ...(input.kind === 'web_popup'
        ? { popup: input.popup ?? { delaySeconds: 5, scrollPercent: 0, exitIntent: true, frequencyCapDays: 7 } }
        : {}),
      createdAt: this.deps.now().toISOString(),
    };
    await this.doc.update((d) => {
      d.widgets.push(widget);
    });
    return widget;
  }

  /** The paste-in snippet of a widget and the exact wa.me link for each purpose combination it offers. */
  snippet(code: string): { snippet: string; hosted: SnippetForms['hosted']; links: { purposes: ConsentPurpose[]; joinCode: string; url: string }[] } {
    const widget = this.get(code);
    const shop = this.deps.shop();
    if (!shop) throw new AppError('profile_missing', 'Save the business profile (name and WhatsApp number) first.');
    const forms = optInSnippetForms({ widget, digits: waDigits(shop.phoneE164) });
    return {
      snippet: forms.inline,
      hosted: forms.hosted,
      links: purposeCombinations(widget.purposes).map(({ purposes }) => {
        const joinCode = joinCodeFor(widget.code, purposes);
        return { purposes, joinCode, url: joinLink(shop.phoneE164, joinCode) };
      }),
    };
  }

  private find(code: string): OptInWidget | undefined {
    const upper = code.toUpperCase();
    return this.doc.data.widgets.find((w) => w.code === upper);
  }
}
