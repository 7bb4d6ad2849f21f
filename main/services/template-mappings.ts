import type { TemplateMapping } from '../../shared/contract/template-mappings';
import { readMapping, type ParameterMapping } from '../../shared/domain/campaigns';
import { slotKey, templateSlots, type TemplateShape } from '../../shared/domain/templates/render';
import { AppError } from './app-error';
import { JsonDocument } from './json-document';

/**
 * template-mappings.json: each template's placeholder → contact field or fixed text, keyed `name|language`.
 * Version 1 files may hold slots in the older `source` format: they are converted when read, and the whole file is
 * rewritten in today's format (version 2) by the next save.
 */
interface MappingsDoc {
  schemaVersion: number;
  mappings: Record<string, Omit<TemplateMapping, 'slots'> & { slots: Record<string, unknown> }>;
}

/** A stored mapping as the contract shows it. */
const read = (stored: MappingsDoc['mappings'][string]): TemplateMapping => ({ ...stored, slots: readMapping(stored.slots) });

const keyOf = (name: string, language: string) => `${name}|${language}`;

/** The saved parameter mappings of templates; kept apart from the synced catalogue so a resync never loses them. */
export class TemplateMappingsService {
  private constructor(
    private readonly doc: JsonDocument<MappingsDoc>,
    private readonly now: () => Date,
    private readonly findTemplate: (name: string, language: string) => TemplateShape | undefined,
  ) {}

  static async open(
    dataDir: string,
    now: () => Date,
    findTemplate: (name: string, language: string) => TemplateShape | undefined,
  ): Promise<TemplateMappingsService> {
    const doc = await JsonDocument.open<MappingsDoc>(dataDir, 'template-mappings.json', () => ({ schemaVersion: 2, mappings: {} }));
    return new TemplateMappingsService(doc, now, findTemplate);
  }

  list(): TemplateMapping[] {
    return Object.values(this.doc.data.mappings).map(read);
  }

  get(name: string, language: string): TemplateMapping | undefined {
    const stored = this.doc.data.mappings[keyOf(name, language)];
    return stored && read(stored);
  }

  /** Replaces a template's mapping; every key must be a placeholder of the synced template. */
  async save(input: { name: string; language: string; slots: ParameterMapping }): Promise<TemplateMapping> {
    const template = this.findTemplate(input.name, input.language);
    if (!template) throw new AppError('not_found', 'That template is not in the synced list. Sync templates and try again.', 'name');
    const known = new Set(templateSlots(template).map(slotKey));
    const unknown = Object.keys(input.slots).find((key) => !known.has(key));
    if (unknown) {
      throw new AppError('invalid_argument', `The template has no placeholder ${unknown}; sync templates and open it again.`, `slots.${unknown}`);
    }
    const mapping: TemplateMapping = { name: input.name, language: input.language, slots: input.slots, updatedAt: this.now().toISOString() };
    await this.doc.update((d) => {
      for (const [key, stored] of Object.entries(d.mappings)) d.mappings[key] = read(stored);
      d.mappings[keyOf(input.name, input.language)] = mapping;
      d.schemaVersion = 2;
    });
    return mapping;
  }
}
