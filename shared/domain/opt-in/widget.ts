import type { ConsentMethod, ConsentPurpose } from '../consent/event';
import { PURPOSE_SUFFIX, purposeSuffix, splitJoinCode, type PurposeSuffix } from './join-code';

/** Where an opt-in snippet lives; each is also the consent method its JOIN messages are recorded with. */
export const OPT_IN_WIDGET_KINDS = ['web_widget', 'web_popup', 'in_app_toggle'] as const;
export type OptInWidgetKind = (typeof OPT_IN_WIDGET_KINDS)[number] & ConsentMethod;

/** When the opt-in popup shows; same meaning as the entry-point popup's triggers. */
export interface PopupTriggers {
  delaySeconds: number;
  scrollPercent: number;
  exitIntent: boolean;
  frequencyCapDays: number;
}

/**
 * One opt-in widget in the shop's registry. The statements are the exact texts the page shows for each purpose
 * combination the widget offers, rendered once from one version of the opt-in statement: they are what a JOIN
 * message with that code is recorded as having been shown.
 */
export interface OptInWidget {
  code: string;
  kind: OptInWidgetKind;
  name: string;
  /** Purposes the page offers (the customer ticks one or more of them). */
  purposes: ConsentPurpose[];
  statements: Partial<Record<PurposeSuffix, string>>;
  statementVersion: number;
  locale: string;
  headline: string;
  colour: string;
  popup?: PopupTriggers;
  createdAt: string;
}

/** Every non-empty subset of the offered purposes, with its suffix letter (what the statements are keyed by). */
export function purposeCombinations(offered: readonly ConsentPurpose[]): { suffix: PurposeSuffix; purposes: ConsentPurpose[] }[] {
  const out: { suffix: PurposeSuffix; purposes: ConsentPurpose[] }[] = [];
  if (offered.includes('utility')) out.push({ suffix: PURPOSE_SUFFIX.utility, purposes: ['utility'] });
  if (offered.includes('marketing')) out.push({ suffix: PURPOSE_SUFFIX.marketing, purposes: ['marketing'] });
  if (offered.includes('utility') && offered.includes('marketing')) {
    out.push({ suffix: PURPOSE_SUFFIX.both, purposes: ['marketing', 'utility'] });
  }
  return out;
}

/** What the inbox records for a JOIN code (the shape of its `joinCodes` hook). */
export interface JoinConfirmation {
  method: OptInWidgetKind;
  purposes: ConsentPurpose[];
  source: string;
  textShown?: string;
  textVersion?: number;
  locale?: string;
}

/** The `source` written on events from a widget: its code and the name the owner gave it. */
export function widgetSource(widget: Pick<OptInWidget, 'code' | 'name'>): string {
  return `widget ${widget.code}: ${widget.name}`;
}

/** Why a received JOIN code records nothing, so the inbox and the owner can say so instead of staying silent. */
export type JoinCodeProblem =
  | { reason: 'malformed' }
  | { reason: 'unknown_widget'; widgetCode: string }
  /** The letter asks for a purpose the widget never offered (a tampered or mistyped code). */
  | { reason: 'purpose_not_offered'; widgetCode: string; asked: ConsentPurpose[]; offered: ConsentPurpose[] }
  | { reason: 'no_statement'; widgetCode: string };

/** The problem with a JOIN code, or undefined when it resolves (see resolveJoinCode). */
export function joinCodeProblem(code: string, find: (widgetCode: string) => OptInWidget | undefined): JoinCodeProblem | undefined {
  const split = splitJoinCode(code);
  if (!split) return { reason: 'malformed' };
  const widget = find(split.widgetCode);
  if (!widget) return { reason: 'unknown_widget', widgetCode: split.widgetCode };
  if (!split.purposes.every((p) => widget.purposes.includes(p))) {
    return { reason: 'purpose_not_offered', widgetCode: widget.code, asked: split.purposes, offered: [...widget.purposes] };
  }
  if (widget.statements[purposeSuffix(split.purposes)!] === undefined) return { reason: 'no_statement', widgetCode: widget.code };
  return undefined;
}

/**
 * Resolves a received JOIN code against the registry: the widget, the purposes its letter stands for (only ones the
 * widget offers), and the statement shown for exactly that combination. Undefined for unknown or tampered codes,
 * so nothing is recorded that the page could not have shown.
 */
export function resolveJoinCode(code: string, find: (widgetCode: string) => OptInWidget | undefined): JoinConfirmation | undefined {
  if (joinCodeProblem(code, find)) return undefined;
  const split = splitJoinCode(code)!;
  const widget = find(split.widgetCode)!;
  const textShown = widget.statements[purposeSuffix(split.purposes)!]!;
  return {
    method: widget.kind,
    purposes: split.purposes,
    source: widgetSource(widget),
    textShown,
    textVersion: widget.statementVersion,
    locale: widget.locale,
  };
}
