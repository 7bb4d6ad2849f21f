/**
 * What each snippet runtime reads: the JSON the app writes into the snippet (shared/domain builds it, renderer/snippet-runtime's
 * bundles read it). Types only, so shared/ may import them without pulling any DOM code in.
 */
import type { OptInLabels } from './opt-in/labels';

/** The languages every snippet ships in. */
export type SnippetLang = 'en' | 'es' | 'pt' | 'hi';

/** What every runtime needs: the page-wide namespace and the language of its words. */
export interface BaseConfig {
  /** Name of the one global the snippets share (SNIPPET_NAMESPACE). */
  ns: string;
  lang: SnippetLang;
}

/** Wording of the chat widget. */
export interface ChatLabels {
  open: string;
  close: string;
  message: string;
  send: string;
  hours: string;
}

export interface ChatConfig extends BaseConfig {
  ref: string;
  digits: string;
  /** "(ref A7K2)": appended to the visitor's message. */
  suffix: string;
  shop: string;
  greeting: string;
  hours: string;
  prefilled: string;
  bg: string;
  fg: string;
  side: 'left' | 'right';
  labels: ChatLabels;
  icon: string;
}

/** When a popup shows (shared by the entry-point popup and the opt-in popup). */
export interface TriggerConfig {
  ref: string;
  /** localStorage key of the frequency cap. */
  key: string;
  capDays: number;
  delay: number;
  scroll: number;
  exit: boolean;
  idle: number;
}

export interface PopupConfig extends BaseConfig, TriggerConfig {
  url: string;
  headline: string;
  message: string;
  button: string;
  bg: string;
  fg: string;
  labels: { close: string };
}

export type OptInPurpose = 'utility' | 'marketing';

export interface OptInConfig extends BaseConfig {
  code: string;
  digits: string;
  purposes: OptInPurpose[];
  statements: Partial<Record<'M' | 'U' | 'B', string>>;
  headline: string;
  bg: string;
  fg: string;
  labels: OptInLabels;
}

export type OptInPopupConfig = OptInConfig & TriggerConfig;
