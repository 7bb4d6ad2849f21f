import type { PhoneProblem } from '../phone';

/** Why a row cannot be imported; `value` is the offending cell (or the phone problem for `phone_invalid`). */
export type RowProblem =
  | { code: 'phone_missing' }
  | { code: 'phone_invalid'; value: string; problem: PhoneProblem }
  | { code: 'phone_scientific'; value: string }
  | { code: 'date_unreadable'; value: string }
  | { code: 'date_future'; value: string }
  | { code: 'consent_without_date' }
  | { code: 'date_without_evidence' }
  | { code: 'purpose_unknown'; value: string }
  | { code: 'opt_out_unreadable'; value: string }
  | { code: 'version_invalid'; value: string }
  | { code: 'name_too_long' }
  | { code: 'tag_too_long'; value: string }
  | { code: 'too_many_tags' }
  | { code: 'text_too_long' }
  | { code: 'method_too_long' };

/** Every problem code, for translations and tests. */
export type RowProblemCode = RowProblem['code'];

const PHONE_PROBLEMS: Record<PhoneProblem, string> = {
  empty: 'it is empty',
  not_a_number: 'it has no digits',
  invalid_country: 'it has no country code and the shop has no default country',
  too_short: 'it is too short',
  too_long: 'it is too long',
  invalid: 'it is not a valid number for its country',
};

/** Limits that match what the app accepts elsewhere (contact names, tags, consent texts). */
export const IMPORT_LIMITS = { name: 80, tag: 30, tags: 20, text: 2000, method: 200 } as const;

/** One English sentence per problem; the UI translates by code and keeps this for the downloadable error list. */
export function describeProblem(problem: RowProblem): string {
  switch (problem.code) {
    case 'phone_missing':
      return 'The phone number is empty.';
    case 'phone_invalid':
      return `The phone number "${problem.value}" cannot be used: ${PHONE_PROBLEMS[problem.problem]}.`;
    case 'phone_scientific':
      return `The phone number "${problem.value}" was turned into a scientific number by a spreadsheet; format the column as text and export again.`;
    case 'date_unreadable':
      return `The consent date "${problem.value}" is not a date the app can read; use YYYY-MM-DD (for example 2025-03-31).`;
    case 'date_future':
      return `The consent date "${problem.value}" is in the future.`;
    case 'consent_without_date':
      return 'The row has consent details (method, text or version) but no consent date.';
    case 'date_without_evidence':
      return 'The row has a consent date but no consent method, text or text version, so it proves nothing; map one of those columns or leave the date column out.';
    case 'purpose_unknown':
      return `The purpose "${problem.value}" is not one the app knows; use marketing, utility or both.`;
    case 'opt_out_unreadable':
      return `The opt-out value "${problem.value}" is not clear; use yes or no.`;
    case 'version_invalid':
      return `The text version "${problem.value}" is not a whole number of 1 or more.`;
    case 'name_too_long':
      return `The name is longer than ${IMPORT_LIMITS.name} characters.`;
    case 'tag_too_long':
      return `The tag "${problem.value}" is longer than ${IMPORT_LIMITS.tag} characters.`;
    case 'too_many_tags':
      return `The row has more than ${IMPORT_LIMITS.tags} tags.`;
    case 'text_too_long':
      return `The consent text is longer than ${IMPORT_LIMITS.text} characters.`;
    case 'method_too_long':
      return `The consent method is longer than ${IMPORT_LIMITS.method} characters.`;
  }
}
