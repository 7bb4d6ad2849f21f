import type { CloudClient } from './cloud/client';
import type { CloudTemplate } from './cloud/schemas';
import { AppError } from './app-error';
import { JsonDocument } from './json-document';

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
