import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/event';
import { isBlank, parseOptOut, parsePurposes, parseTags, parseTextVersion } from './cell-values';
import type { ColumnMapping } from './column-mapping';
import { importPhone } from './import-phone';
import { parseConsentDate, type DateOrder } from './consent-date';
import { IMPORT_LIMITS, describeProblem, type RowProblem } from './row-problems';

/** The consent a row proves: when, for what, and the file's own words for how and what was shown. */
export interface RowConsent {
  purposes: ConsentPurpose[];
  occurredAt: string;
  /** What the file says about how consent was given (kept verbatim in the evidence note). */
  method?: string;
  text?: string;
  version?: number;
}

/** A row that can be imported. */
export interface ValidRow {
  ok: true;
  row: number;
  contact: { e164: string; name: string; tags: string[] };
  consent?: RowConsent;
  /** The purposes the row says the person opted out of (all of them when the row names none). */
  optOut?: ConsentPurpose[];
}

/** A row that cannot be imported, with every problem found and one sentence summing them up. */
export interface InvalidRow {
  ok: false;
  row: number;
  problems: RowProblem[];
  reason: string;
}

export type RowResult = ValidRow | InvalidRow;

/** What validation needs besides the row. */
export interface RowContext {
  mapping: ColumnMapping;
  /** The shop's country, for numbers written without a country code. */
  defaultCountry: string | undefined;
  dateOrder: DateOrder;
  /** Epoch ms; consent dates more than a day after it are refused as future. */
  now: number;
  /** Purposes for consent rows when the file has no purpose column or the cell is blank. */
  defaultPurposes: readonly ConsentPurpose[];
}

const DAY_MS = 86_400_000;

function cellOf(cells: readonly string[], column: number | undefined): string | undefined {
  if (column === undefined) return undefined;
  const cell = cells[column];
  return isBlank(cell) ? undefined : cell!.trim();
}

/** Validates one data row (`row` is its 1-based number after the header) into what will be imported, or why not. */
export function validateRow(cells: readonly string[], row: number, ctx: RowContext): RowResult {
  const { mapping } = ctx;
  const problems: RowProblem[] = [];

  let e164 = '';
  const phoneCell = cellOf(cells, mapping.phone);
  if (phoneCell === undefined) problems.push({ code: 'phone_missing' });
  else if (/^\d(\.\d+)?e\+?\d+$/i.test(phoneCell)) problems.push({ code: 'phone_scientific', value: phoneCell });
  else {
    const phone = importPhone(phoneCell, ctx.defaultCountry);
    if (phone.ok) e164 = phone.e164;
    else problems.push({ code: 'phone_invalid', value: phoneCell, problem: phone.problem });
  }

  const name = (cellOf(cells, mapping.name) ?? '').replace(/\s+/g, ' ');
  if (name.length > IMPORT_LIMITS.name) problems.push({ code: 'name_too_long' });

  const tagsCell = cellOf(cells, mapping.tags);
  const tags = tagsCell ? parseTags(tagsCell) : [];
  for (const tag of tags) if (tag.length > IMPORT_LIMITS.tag) problems.push({ code: 'tag_too_long', value: tag });
  if (tags.length > IMPORT_LIMITS.tags) problems.push({ code: 'too_many_tags' });

  const optOutCell = mapping.optOut === undefined ? undefined : cells[mapping.optOut];
  const optOut = parseOptOut(optOutCell);
  if (optOut === undefined) problems.push({ code: 'opt_out_unreadable', value: optOutCell!.trim() });

  let purposes: readonly ConsentPurpose[] | undefined;
  const purposeCell = cellOf(cells, mapping.purpose);
  if (purposeCell !== undefined) {
    const parsed = parsePurposes(purposeCell);
    if (parsed.ok) purposes = parsed.purposes;
    // An opt-out with an unclear purpose still stops everything: refusing the row would keep messaging them.
    else if (!optOut) problems.push({ code: 'purpose_unknown', value: parsed.unknown });
  }

  // An opt-out row's consent columns are history, not a new opt-in: they are neither needed nor checked.
  let consent: RowConsent | undefined;
  if (optOut === false) consent = readConsent(cells, ctx, purposes ?? ctx.defaultPurposes, problems);

  if (problems.length > 0) return { ok: false, row, problems, reason: problems.map(describeProblem).join(' ') };
  const result: ValidRow = { ok: true, row, contact: { e164, name, tags } };
  if (optOut) result.optOut = [...(purposes ?? CONSENT_PURPOSES)];
  else if (consent) result.consent = consent;
  return result;
}

/** The consent columns of a row that is not an opt-out: evidence needs a date and a method, text or version. */
function readConsent(
  cells: readonly string[],
  ctx: RowContext,
  purposes: readonly ConsentPurpose[],
  problems: RowProblem[],
): RowConsent | undefined {
  const { mapping } = ctx;
  const method = cellOf(cells, mapping.consentMethod);
  if (method && method.length > IMPORT_LIMITS.method) problems.push({ code: 'method_too_long' });
  const text = cellOf(cells, mapping.consentText);
  if (text && text.length > IMPORT_LIMITS.text) problems.push({ code: 'text_too_long' });
  const versionCell = cellOf(cells, mapping.consentTextVersion);
  const version = versionCell === undefined ? undefined : parseTextVersion(versionCell);
  if (versionCell !== undefined && version === undefined) problems.push({ code: 'version_invalid', value: versionCell });

  const dateCell = cellOf(cells, mapping.consentDate);
  let occurredAt: string | undefined;
  if (dateCell !== undefined) {
    occurredAt = parseConsentDate(dateCell, ctx.dateOrder);
    if (occurredAt === undefined) problems.push({ code: 'date_unreadable', value: dateCell });
    else if (Date.parse(occurredAt) > ctx.now + DAY_MS) problems.push({ code: 'date_future', value: dateCell });
  }
  const hasEvidence = method !== undefined || text !== undefined || versionCell !== undefined;
  if (hasEvidence && dateCell === undefined) problems.push({ code: 'consent_without_date' });
  if (!hasEvidence && dateCell !== undefined) problems.push({ code: 'date_without_evidence' });
  if (occurredAt === undefined || !hasEvidence) return undefined;
  return {
    purposes: [...purposes],
    occurredAt,
    ...(method !== undefined ? { method } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}
