import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplateMappingsService } from '../../../main/services/template-mappings';
import type { TemplateShape } from '../../../shared/domain/templates/render';
import { openHarness } from '../../support/app-harness';
import { tempDir } from '../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const orderReady: TemplateShape = { name: 'order_ready', language: 'en_US', components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.' }] };
const weekly: TemplateShape = { name: 'weekly_offer', language: 'en_US', parameter_format: 'NAMED', components: [{ type: 'BODY', text: 'Hi {{first_name}}, this week: {{offer}}.' }] };
const catalogue = [orderReady, weekly];
const find = (name: string, language: string) => catalogue.find((t) => t.name === name && t.language === language);
const now = () => new Date('2026-11-20T10:00:00Z');

/** A data folder holding a template-mappings.json written before there was one mapping format. */
async function legacyFolder(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const legacy = {
    schemaVersion: 1,
    mappings: {
      'order_ready|en_US': {
        name: 'order_ready',
        language: 'en_US',
        slots: { 'body.1': { source: 'name' }, 'body.2': { source: 'fixed', value: 'A-17' } },
        updatedAt: '2026-10-01T09:00:00.000Z',
      },
      'weekly_offer|en_US': { name: 'weekly_offer', language: 'en_US', slots: { 'body.first_name': { source: 'phone' } }, updatedAt: '2026-10-02T09:00:00.000Z' },
    },
  };
  await writeFile(path.join(dir, 'template-mappings.json'), JSON.stringify(legacy));
  return dir;
}

async function sandboxShop(deps: { dataDir?: string } = {}) {
  const h = await openHarness({ ...deps, sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  cleanups.push(h.close);
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  return h;
}

describe('mappings saved in the older `source` format', () => {
  it('read as the same choices in the campaign format, and the next save rewrites the file without losing them', async () => {
    const dir = await legacyFolder();
    const service = await TemplateMappingsService.open(dir, now, find);
    expect(service.get('order_ready', 'en_US')).toEqual({
      name: 'order_ready',
      language: 'en_US',
      slots: { 'body.1': { kind: 'field', field: 'name' }, 'body.2': { kind: 'text', text: 'A-17' } },
      updatedAt: '2026-10-01T09:00:00.000Z',
    });
    expect(service.list().map((m) => m.slots)).toEqual([
      { 'body.1': { kind: 'field', field: 'name' }, 'body.2': { kind: 'text', text: 'A-17' } },
      { 'body.first_name': { kind: 'field', field: 'phone' } },
    ]);

    await service.save({ name: 'weekly_offer', language: 'en_US', slots: { 'body.offer': { kind: 'text', text: '2x1 on sourdough' } } });
    const file = JSON.parse(await readFile(path.join(dir, 'template-mappings.json'), 'utf8'));
    expect(file.schemaVersion).toBe(2);
    expect(file.mappings['order_ready|en_US'].slots).toEqual({ 'body.1': { kind: 'field', field: 'name' }, 'body.2': { kind: 'text', text: 'A-17' } });
    expect(file.mappings['weekly_offer|en_US'].slots).toEqual({ 'body.offer': { kind: 'text', text: '2x1 on sourdough' } });

    const reopened = await TemplateMappingsService.open(dir, now, find);
    expect(reopened.list()).toHaveLength(2);
    expect(reopened.get('order_ready', 'en_US')?.updatedAt).toBe('2026-10-01T09:00:00.000Z');
  });

  it('reach the renderer converted through templates:mappings', async () => {
    const h = await sandboxShop({ dataDir: await legacyFolder() });
    const listed = ((await h.dispatch('templates:mappings', {}, web)) as any).value.mappings;
    expect(listed.find((m: { name: string }) => m.name === 'order_ready').slots).toEqual({
      'body.1': { kind: 'field', field: 'name' },
      'body.2': { kind: 'text', text: 'A-17' },
    });
  });
});

describe('template parameter mappings', () => {
  it('saves a mapping per template, lists it, and refuses placeholders the template does not have', async () => {
    const h = await sandboxShop();
    expect((await h.dispatch('templates:saveMapping', { name: 'order_ready', language: 'en_US', slots: {} }, web)) as any).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    const slots = { 'body.1': { kind: 'field', field: 'name', fallback: 'there' }, 'body.2': { kind: 'text', text: 'A-17' } };
    const saved = (await h.dispatch('templates:saveMapping', { name: 'order_ready', language: 'en_US', slots }, web)) as any;
    expect(saved).toMatchObject({ ok: true, value: { name: 'order_ready', language: 'en_US', slots } });
    const wrong = (await h.dispatch('templates:saveMapping', { name: 'order_ready', language: 'en_US', slots: { 'body.9': { kind: 'field', field: 'phone' } } }, web)) as any;
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'slots.body.9' } });
    const blank = (await h.dispatch('templates:saveMapping', { name: 'order_ready', language: 'en_US', slots: { 'body.1': { kind: 'text', text: ' ' } } }, web)) as any;
    expect(blank.ok).toBe(false);
    // One format on the wire: the older one is only read from disk, never accepted from a caller.
    const old = (await h.dispatch('templates:saveMapping', { name: 'order_ready', language: 'en_US', slots: { 'body.1': { source: 'name' } } }, web)) as any;
    expect(old.ok).toBe(false);
    const listed = ((await h.dispatch('templates:mappings', {}, web)) as any).value.mappings;
    expect(listed).toHaveLength(1);
    expect(listed[0].slots).toEqual(slots);
    // A resync replaces the catalogue but keeps the mappings.
    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    expect(((await h.dispatch('templates:mappings', {}, web)) as any).value.mappings).toHaveLength(1);
  });

  it('is a mapping a campaign takes as it is', async () => {
    const h = await sandboxShop();
    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    const slots = { 'body.first_name': { kind: 'field', field: 'name', fallback: 'there' }, 'body.offer': { kind: 'text', text: '2x1 on sourdough' } };
    const saved = (await h.dispatch('templates:saveMapping', { name: 'weekly_offer', language: 'en_US', slots }, web)) as any;
    const created = (await h.dispatch(
      'campaigns:create',
      { name: 'Weekend', template: { name: 'weekly_offer', language: 'en_US' }, audience: { purpose: 'marketing', tags: [], filters: {} }, mapping: saved.value.slots },
      web,
    )) as any;
    expect(created).toMatchObject({ ok: true, value: { mapping: slots } });
  });
});
