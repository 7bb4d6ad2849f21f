import type { CloudClient } from './cloud/client';
import type { CloudTemplate } from './cloud/schemas';
import { AppError } from './app-error';
import { JsonDocument } from './json-document';

/** When the last status webhook applied to a cached template was triggered (ms), kept on the entry itself. */
const REPORTED_AT = 'statusReportedAt';

interface TemplatesDoc {
  schemaVersion: number;
  syncedAt: string | null;
  templates: CloudTemplate[];
}

/**
 * The account's message templates, cached in templates.json: the management API allows ~200 calls an hour, and
 * the consent gate needs each template's current category at send time without a network call.
 */
export class TemplatesService {
  private constructor(
    private readonly doc: JsonDocument<TemplatesDoc>,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, now: () => Date): Promise<TemplatesService> {
    return new TemplatesService(
      await JsonDocument.open<TemplatesDoc>(dataDir, 'templates.json', () => ({ schemaVersion: 1, syncedAt: null, templates: [] })),
      now,
    );
  }

  list(): { syncedAt: string | null; templates: CloudTemplate[] } {
    return { syncedAt: this.doc.data.syncedAt, templates: [...this.doc.data.templates] };
  }

  find(name: string, language: string): CloudTemplate | undefined {
    return this.doc.data.templates.find((t) => t.name === name && t.language === language);
  }

  /**
   * Applies a status Meta reported by webhook between syncs (matched by id, else name and language). A report older
   * than the last one applied to that template is stale (retries come back out of order) and changes nothing.
   */
  async applyStatus(report: { id: string; name: string; language: string; status: string; at: number }): Promise<'changed' | 'unchanged' | 'stale' | 'unknown'> {
    let outcome: 'changed' | 'unchanged' | 'stale' | 'unknown' = 'unknown';
    // Looked up inside the change: a sync queued before it may have replaced the list.
    await this.doc.update((d) => {
      const byId = d.templates.findIndex((t) => t.id === report.id);
      const index = byId >= 0 ? byId : d.templates.findIndex((t) => t.name === report.name && t.language === report.language);
      const cached = d.templates[index];
      if (!cached) return;
      const reportedAt = cached[REPORTED_AT];
      if (typeof reportedAt === 'number' && report.at < reportedAt) {
        outcome = 'stale';
        return;
      }
      outcome = cached.status === report.status ? 'unchanged' : 'changed';
      // A sync replaces the whole entry (and this mark with it): the catalogue itself is the newer truth then.
      d.templates[index] = { ...cached, status: report.status, [REPORTED_AT]: report.at };
    });
    return outcome;
  }

  /** Fetches every page of the catalogue and replaces the cache. */
  async sync(client: CloudClient | null): Promise<{ syncedAt: string; templates: CloudTemplate[] }> {
    if (!client) throw new AppError('not_connected', 'Connect the WhatsApp Cloud API (or turn on sandbox mode) in Settings first.');
    const templates = await client.listTemplates();
    const syncedAt = this.now().toISOString();
    await this.doc.update((d) => {
      d.templates = templates;
      d.syncedAt = syncedAt;
    });
    return { syncedAt, templates };
  }
}
