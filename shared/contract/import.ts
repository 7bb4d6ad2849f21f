import { z } from 'zod';
import { CONSENT_PURPOSES } from '../domain/consent/event';
import { EXISTING_NAME_CHOICES } from '../domain/import/name-changes';
import { channel } from './define';

/** The most file text one call accepts (characters, about as many bytes for CSV). */
export const IMPORT_MAX_CHARS = 50 * 1024 * 1024;

/**
 * The largest import request the web bridge reads: the file as a JSON string plus the other fields. JSON escapes
 * every line break and quote, so a 50 MB CSV grows by a few MB; 64 MiB leaves room for that and no more.
 */
export const IMPORT_MAX_BODY_BYTES = 64 * 1024 * 1024;

const Column = z.number().int().min(0).max(999);

/** Which column (0-based) holds each field; only the phone is required. */
export const ColumnMappingSchema = z.strictObject({
  phone: Column,
  name: Column.optional(),
  tags: Column.optional(),
  consentDate: Column.optional(),
  consentMethod: Column.optional(),
  consentText: Column.optional(),
  consentTextVersion: Column.optional(),
  purpose: Column.optional(),
  optOut: Column.optional(),
});

/** A suggested mapping: like a mapping, but the phone column may not have been found. */
export const MappingSuggestionSchema = ColumnMappingSchema.partial();

const FileText = z
  .string()
  .max(IMPORT_MAX_CHARS, 'The file is larger than 50 MB. Split it into smaller files and import them one after another.')
  .refine((text) => text.trim() !== '', 'The file is empty.');
const FileName = z.string().trim().min(1, 'The file needs a name (it is kept as evidence).').max(255, 'The file name is too long.');
const Purposes = z.array(z.enum(CONSENT_PURPOSES)).min(1, 'Choose at least one purpose for consent rows without one.');
const ImportId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'The import id must be 6–40 letters, digits, - or _.');

/** A problem found in one row: the row (1 = first row after the header), a sentence, and codes for translation. */
export const RowErrorSchema = z.object({
  row: z.number().int(),
  reason: z.string(),
  problems: z.array(z.object({ code: z.string(), value: z.string().optional(), problem: z.string().optional() })),
});
export type RowError = z.infer<typeof RowErrorSchema>;

/** Counts over the whole file, before anything is written. */
export const ImportCountsSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  errors: z.number().int(),
  withConsent: z.number().int(),
  optOut: z.number().int(),
  noConsent: z.number().int(),
  /** Rows whose number appears earlier in the file (merged into one contact). */
  duplicates: z.number().int(),
  /** Contacts on record whose name the file would change (the owner chooses: keep or take the file's). */
  nameChanges: z.number().int(),
});

/** A contact on record that the file names differently. */
export const NameChangeSchema = z.object({ row: z.number().int(), phone: z.string(), current: z.string(), incoming: z.string() });
export type NameChange = z.infer<typeof NameChangeSchema>;

/** One preview row: its cells and what the import would do with it. */
export const PreviewRowSchema = z.object({
  row: z.number().int(),
  cells: z.array(z.string()),
  ok: z.boolean(),
  phone: z.string().optional(),
  kind: z.enum(['consent', 'opt_out', 'contact', 'error']),
  reason: z.string().optional(),
  problems: RowErrorSchema.shape.problems.optional(),
});

/** What the file looks like and what importing it with this mapping would do. */
export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  delimiter: z.string(),
  hasHeader: z.boolean(),
  headers: z.array(z.string()),
  suggested: MappingSuggestionSchema,
  /** The mapping the rows below were checked with (the one given, else the suggestion); null without a phone column. */
  mapping: ColumnMappingSchema.nullable(),
  mappingProblem: z.object({ field: z.string(), message: z.string() }).nullable(),
  dateOrder: z.enum(['dmy', 'mdy']),
  defaultCountry: z.string().nullable(),
  rows: z.array(PreviewRowSchema),
  counts: ImportCountsSchema,
  /** The first problems in the file (the import itself returns all of them). */
  errors: z.array(RowErrorSchema),
  /** The first contacts the file would rename (counts.nameChanges has them all). */
  nameChanges: z.array(NameChangeSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** Live progress of a running import (sent at most every 100 ms, and once at the end). */
export const ImportProgressSchema = z.object({
  importId: z.string(),
  phase: z.enum(['checking', 'writing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  confirmed: z.number().int(),
  revoked: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** What an import did. Counts of `confirmed`/`revoked` are consent events (one per contact and purpose). */
export const ImportSummarySchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  confirmed: z.number().int(),
  revoked: z.number().int(),
  /** Consents and opt-outs already on record (an earlier import of the same rows, or already opted out). */
  alreadyRecorded: z.number().int(),
  duplicates: z.number().int(),
  /** Consent rows not applied because the person opted out of that purpose (earlier, or elsewhere in the file). */
  skippedOptedOut: z.array(z.object({ row: z.number().int(), phone: z.string(), purpose: z.enum(CONSENT_PURPOSES) })),
  /** Contacts on record under another name: kept as they were, or renamed because the owner chose the file's names. */
  namesKept: z.number().int(),
  namesReplaced: z.number().int(),
  errors: z.array(RowErrorSchema),
  cancelled: z.boolean(),
  elapsedMs: z.number(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** CSV import of contacts and consent (product.md §3). */
export const importChannels = {
  'import:preview': channel(
    z.object({
      text: FileText,
      fileName: FileName,
      mapping: MappingSuggestionSchema.optional(),
      hasHeader: z.boolean().optional(),
      defaultPurposes: Purposes.default(['marketing']),
    }),
    ImportPreviewSchema,
    { maxBodyBytes: IMPORT_MAX_BODY_BYTES },
  ),
  'import:run': channel(
    z.object({
      text: FileText,
      fileName: FileName,
      mapping: ColumnMappingSchema,
      hasHeader: z.boolean().optional(),
      defaultPurposes: Purposes.default(['marketing']),
      attester: z
        .string()
        .trim()
        .min(1, 'Enter who confirms that these people agreed (your name).')
        .max(80, 'Keep the name of who confirms under 80 characters.'),
      importId: ImportId.optional(),
      /** Numbers on record under another name: keep the stored name (the default) or take the file's. */
      existingNames: z.enum(EXISTING_NAME_CHOICES).default('keep'),
    }),
    ImportSummarySchema,
    { owner: true, maxBodyBytes: IMPORT_MAX_BODY_BYTES },
  ),
  'import:cancel': channel(z.object({ importId: ImportId }), z.object({ cancelled: z.boolean() })),
};
