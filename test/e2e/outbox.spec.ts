import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { DataStore } from '../../main/services/store';
import { completeWizard, expect, expectAccessible, startBridge, type Bridge } from './fixtures';

/**
 * A data folder as a crash mid-send leaves it: one message written as `sending` whose answer never came. The app reads
 * it back as `unknown` when it starts, which is exactly when the owner must see it.
 */
async function crashedMidSend(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'od-e2e-'));
  const store = await DataStore.open({ dir: dataDir });
  const outbox = await store.collection<{ id: string } & Record<string, unknown>>('outbox');
  const now = Date.now();
  await outbox.upsert({
    id: '01JUNKNOWNOUTCOME000000001',
    contactId: 'c-lucia',
    to: '+34612000111',
    kind: 'text',
    text: 'Your bread is ready',
    purpose: 'service',
    origin: 'reply',
    state: 'sending',
    attempts: 1,
    nextAttemptAt: now,
    sendingSince: now,
    createdAt: now,
    updatedAt: now,
  });
  await store.close();
  return dataDir;
}

const test = base.extend<{ bridge: Bridge }>({
  bridge: async ({}, use) => {
    const { bridge, stop } = await startBridge({ OUTREACH_DESK_DATA_DIR: await crashedMidSend() });
    await use(bridge);
    await stop();
  },
});

test('Settings → Outbox: an unknown outcome shows at once, and resending it asks first (cancel keeps it)', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await expect(outbox.getByText('WhatsApp may already have delivered these messages', { exact: false })).toBeVisible();
  const table = page.getByRole('table', { name: 'Messages with an unknown outcome' });
  await expect(table.getByRole('row')).toHaveCount(2);

  const resend = table.getByRole('button', { name: 'Resend +34612000111' });
  await resend.click();
  const dialog = page.getByRole('dialog', { name: 'Send this message again?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('WhatsApp may already have delivered');
  await expect(dialog).toContainText('+34612000111');
  // Focus starts on Cancel, so Enter never resends by accident.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'settings (confirm resend of an unknown outcome)');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(resend).toBeFocused();
  await expect(table.getByRole('row')).toHaveCount(2);

  await resend.click();
  await dialog.getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued again for +34612000111.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Messages with an unknown outcome' })).toHaveCount(0);
});
