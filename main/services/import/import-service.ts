import { ulid } from 'ulid';
import type { ImportPreview, ImportProgress, ImportSummary, RowError } from '../../../shared/contract/import';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../../shared/domain/consent/event';
import {
  mergeByPhone,
  nameChanges,
  nameToWrite,
  type ColumnMapping,
  type ContactPlan,
  type ExistingNameChoice,
  type InvalidRow,
  type MappingSuggestion,
  type ValidRow,
} from '../../../shared/domain/import';
import { AppError } from '../app-error';
import type { ConsentLedger, EventDraft } from '../consent/ledger';
import type { ContactRecord } from '../consent/contact-record';
import { checkFile, checkFileForRun } from './check-rows';
import { importKey, loadImportKeys } from './prior-imports';

/** Dependencies of the import service. */
export interface ImportServiceDeps {
  ledger: ConsentLedger;
  /** The shop's country (from the business profile), for numbers without a country code. */
  defaultCountry: () => string | undefined;
  now: () => Date;
  /** Where progress goes (the event bus in the app). */
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per durable write (default 2,000). */
  batchSize?: number;
  /** Lets IPC (a cancel) run between chunks; the app yields to the event loop. */
  pause?: () => Promise<void>;
}

export interface PreviewInput {
  text: string;
  fileName: string;
  mapping?: MappingSuggestion;
  hasHeader?: boolean;
  defaultPurposes?: ConsentPurpose[];
}

export interface RunInput {
  text: string;
  fileName: string;
  mapping: ColumnMapping;
  attester: string;
  hasHeader?: boolean;
  defaultPurposes?: ConsentPurpose[];
  importId?: string;
  signal?: AbortSignal;
  /** Numbers on record under another name: keep the stored name (default) or take the file's. */
  existingNames?: ExistingNameChoice;
}

const PREVIEW_ROWS = 20;
const PREVIEW_ERRORS = 100;
const PREVIEW_NAME_CHANGES = 100;
const PROGRESS_EVERY_MS = 100;

function toRowError(row: InvalidRow): RowError {
  return {
    row: row.row,
    reason: row.reason,
    problems: row.problems.map((p) => ({ code: p.code, ...('value' in p ? { value: p.value } : {}), ...('problem' in p ? { problem: p.problem } : {}) })),
  };
}

/**
 * CSV import (product.md §3): preview with suggested mapping, then a run in batches with progress and cancel.
 * Consent rows become `confirmed` events (method import, evidence: file, row, attester); opt-out rows `revoked`;
 * nobody opted out is re-subscribed; a second import of the same rows writes nothing.
 */
export class ImportService {
  private running: { importId: string; controller: AbortController } | undefined;

  constructor(private readonly deps: ImportServiceDeps) {}

  /** The first rows, the suggested and used mapping, and counts over the whole file; writes nothing. */
  async preview(input: PreviewInput): Promise<ImportPreview> {
    const defaultCountry = this.deps.defaultCountry();
    const checked = await checkFile({
      text: input.text,
      mapping: input.mapping,
      hasHeader: input.hasHeader,
      defaultCountry,
      defaultPurposes: input.defaultPurposes ?? ['marketing'],
      now: this.deps.now().getTime(),
      pause: this.deps.pause,
    });
    const { table, results } = checked;
    const counts = { total: table.rows.length, valid: 0, errors: 0, withConsent: 0, optOut: 0, noConsent: 0, duplicates: 0, nameChanges: 0 };
    const seen = new Set<string>();
    const errors: RowError[] = [];
    const valid: ValidRow[] = [];
    for (const r of results) {
      if (!r.ok) {
        counts.errors++;
        if (errors.length < PREVIEW_ERRORS) errors.push(toRowError(r));
        continue;
      }
      valid.push(r);
      counts.valid++;
      if (r.optOut) counts.optOut++;
      else if (r.consent) counts.withConsent++;
      else counts.noConsent++;
      if (seen.has(r.contact.e164)) counts.duplicates++;
      seen.add(r.contact.e164);
    }
    // Said here, before anything is written: which contacts on record the file names differently.
    const renames = nameChanges(mergeByPhone(valid), (e164) => this.deps.ledger.findByPhone(e164)?.name);
    counts.nameChanges = renames.length;
    const rows = table.rows.slice(0, PREVIEW_ROWS).map((cells, i) => {
      const r = results[i];
      if (!r) return { row: i + 1, cells, ok: false, kind: 'error' as const };
      if (!r.ok) return { row: r.row, cells, ok: false, kind: 'error' as const, reason: r.reason, problems: toRowError(r).problems };
      const kind = r.optOut ? ('opt_out' as const) : r.consent ? ('consent' as const) : ('contact' as const);
      return { row: r.row, cells, ok: true, phone: r.contact.e164, kind };
    });
    return {
      fileName: input.fileName,
      delimiter: table.delimiter,
      hasHeader: table.hasHeader,
      headers: table.headers,
      suggested: checked.suggested,
      mapping: checked.mapping,
      mappingProblem: checked.mappingProblem,
      dateOrder: checked.dateOrder,
      defaultCountry: defaultCountry ?? null,
      rows,
      counts,
      errors,
      nameChanges: renames.slice(0, PREVIEW_NAME_CHANGES),
    };
  }

  /** Whether an import is running now (an update waits for it before restarting the app). */
  isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Cancels a running import between batches; what was written stays written and is reported. */
  cancel(importId: string): boolean {
    if (this.running?.importId !== importId) return false;
    this.running.controller.abort();
    return true;
  }

  /** Imports a file; one import at a time. Resolves with the summary, also when cancelled. */
  async run(input: RunInput): Promise<ImportSummary> {
    if (this.running) throw new AppError('conflict', 'Another import is running. Wait for it to finish or cancel it first.');
    const importId = input.importId ?? ulid();
    const controller = new AbortController();
    if (input.signal?.aborted) controller.abort();
    input.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    this.running = { importId, controller };
    try {
      return await this.execute(input, importId, controller.signal);
    } finally {
      this.running = undefined;
    }
  }

  private async execute(input: RunInput, importId: string, signal: AbortSignal): Promise<ImportSummary> {
    const { ledger } = this.deps;
    const started = Date.now();
    const fileName = input.fileName.trim();
    const attester = input.attester.trim();
    const summary: ImportSummary = {
      importId, fileName, total: 0, created: 0, updated: 0, confirmed: 0, revoked: 0, alreadyRecorded: 0, duplicates: 0,
      skippedOptedOut: [], namesKept: 0, namesReplaced: 0, errors: [], cancelled: false, elapsedMs: 0,
    };
    let done = 0;
    let lastEmit = -Infinity;
    const progress = (phase: ImportProgress['phase'], force = false) => {
      const at = this.deps.now().getTime();
      if (!force && at - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = at;
      const { total, created, updated, confirmed, revoked } = summary;
      this.deps.onProgress?.({
        importId, phase, done, total, created, updated, confirmed, revoked,
        skipped: summary.skippedOptedOut.length, errors: summary.errors.length,
      });
    };

    const checked = await checkFileForRun({
      text: input.text,
      mapping: input.mapping,
      hasHeader: input.hasHeader,
      defaultCountry: this.deps.defaultCountry(),
      defaultPurposes: input.defaultPurposes ?? ['marketing'],
      now: this.deps.now().getTime(),
      signal,
      pause: this.deps.pause,
      onChunk: (checkedRows, total) => {
        summary.total = total;
        done = checkedRows;
        progress('checking');
      },
    });
    summary.total = checked.table.rows.length;
    const valid: ValidRow[] = [];
    for (const r of checked.results) {
      if (r.ok) valid.push(r);
      else summary.errors.push(toRowError(r));
    }
    done = summary.errors.length;
    const plans = mergeByPhone(valid);
    summary.duplicates = valid.length - plans.length;
    if (!checked.complete || signal.aborted) return this.finish(summary, started, progress, true);

    const priorKeys = await loadImportKeys(ledger, this.needHistory(plans));
    const batchSize = this.deps.batchSize ?? 2_000;
    const who = { fileName, attester };
    const existingNames = input.existingNames ?? 'keep';
    progress('writing', true);
    // The store compacts and checkpoints once the whole file is in, not again and again as the data grows.
    const release = ledger.deferMaintenance();
    try {
      for (let start = 0; start < plans.length; ) {
        if (signal.aborted) return this.finish(summary, started, progress, true);
        let rows = 0;
        let end = start;
        while (end < plans.length && rows < batchSize) rows += plans[end++]!.rows.length;
        const batch = plans.slice(start, end);
        start = end;
        const written = await ledger.importBatch(
          batch.map((p) => ({ phone: p.e164, name: this.nameFor(p, existingNames, summary), tags: p.tags })),
          (record, i) => this.draftsFor(batch[i]!, record, priorKeys.get(record.id), who, summary),
        );
        for (const { created, updated, events } of written) {
          if (created) summary.created++;
          if (updated) summary.updated++;
          for (const event of events) {
            if (event.type === 'confirmed') summary.confirmed++;
            else summary.revoked++;
          }
        }
        done += rows;
        progress('writing');
        await this.deps.pause?.();
      }
    } finally {
      release();
    }
    return this.finish(summary, started, progress, false);
  }

  /** The name handed to the ledger for a planned contact ('' keeps the stored one), counted in the summary. */
  private nameFor(plan: ContactPlan, choice: ExistingNameChoice, summary: ImportSummary): string {
    const { name, change } = nameToWrite(plan, this.deps.ledger.findByPhone(plan.e164)?.name, choice);
    if (change === 'kept') summary.namesKept++;
    else if (change === 'replaced') summary.namesReplaced++;
    return name;
  }

  /** Contacts whose consent on record does not already settle every consent row, so their history must be read. */
  private needHistory(plans: ContactPlan[]): Set<string> {
    const ids = new Set<string>();
    for (const plan of plans) {
      const record = this.deps.ledger.findByPhone(plan.e164);
      if (!record || record.eventCount === 0) continue;
      for (const purpose of CONSENT_PURPOSES) {
        const confirm = plan.confirm[purpose];
        if (confirm && settledBy(record, purpose, confirm.occurredAt) === undefined) ids.add(record.id);
      }
    }
    return ids;
  }

  private draftsFor(
    plan: ContactPlan,
    record: ContactRecord,
    prior: Set<string> | undefined,
    who: { fileName: string; attester: string },
    summary: ImportSummary,
  ): EventDraft[] {
    const drafts: EventDraft[] = [];
    for (const dropped of plan.droppedByOptOut) summary.skippedOptedOut.push({ ...dropped, phone: plan.e164 });
    // Drafts are built member by member, not with spreads: this runs for every row of the file.
    for (const purpose of CONSENT_PURPOSES) {
      const revoke = plan.revoke[purpose];
      if (revoke) {
        if (record.derived[purpose].state === 'opted_out') summary.alreadyRecorded++;
        else {
          const evidence = { fileName: who.fileName, row: revoke.row, attester: who.attester, note: 'Marked as opted out in the imported file.' };
          drafts.push(importDraft('revoked', purpose, this.deps.now().toISOString(), evidence, who));
        }
        continue;
      }
      const confirm = plan.confirm[purpose];
      if (!confirm) continue;
      const settled = settledBy(record, purpose, confirm.occurredAt);
      if (settled === 'opted_out') {
        summary.skippedOptedOut.push({ row: confirm.row, phone: plan.e164, purpose });
        continue;
      }
      if (settled === 'recorded' || prior?.has(importKey(purpose, confirm.occurredAt, confirm.text, confirm.version))) {
        summary.alreadyRecorded++;
        continue;
      }
      const evidence: EventDraft['evidence'] = { fileName: who.fileName, row: confirm.row, attester: who.attester };
      if (confirm.method !== undefined) evidence.note = `Consent method in the file: ${confirm.method}`;
      const draft = importDraft('confirmed', purpose, confirm.occurredAt, evidence, who);
      if (confirm.text !== undefined) draft.textShown = confirm.text;
      if (confirm.version !== undefined) draft.textVersion = confirm.version;
      drafts.push(draft);
    }
    return drafts;
  }

  private finish(
    summary: ImportSummary,
    started: number,
    progress: (phase: ImportProgress['phase'], force?: boolean) => void,
    cancelled: boolean,
  ): ImportSummary {
    summary.cancelled = cancelled;
    summary.elapsedMs = Date.now() - started;
    summary.skippedOptedOut.sort((a, b) => a.row - b.row);
    progress('done', true);
    return summary;
  }
}

function importDraft(
  type: 'confirmed' | 'revoked',
  purpose: ConsentPurpose,
  occurredAt: string,
  evidence: EventDraft['evidence'],
  who: { fileName: string; attester: string },
): EventDraft {
  return { type, purpose, method: 'import', source: who.fileName, recordedBy: who.attester, occurredAt, evidence };
}

/**
 * What the consent on record already says about a consent row: `opted_out` (never re-subscribe), `recorded` (opted
 * in with a confirmation at or after the row's date, so the row adds nothing and would only move the confirmation
 * date back), or undefined (the row may be new).
 */
function settledBy(record: ContactRecord, purpose: ConsentPurpose, occurredAt: string): 'opted_out' | 'recorded' | undefined {
  const consent = record.derived[purpose];
  if (consent.state === 'opted_out') return 'opted_out';
  if (consent.state === 'opted_in' && consent.confirmedAt && Date.parse(consent.confirmedAt) >= Date.parse(occurredAt)) return 'recorded';
  return undefined;
}
