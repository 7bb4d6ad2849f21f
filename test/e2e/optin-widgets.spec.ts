import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { joinLink } from '../../shared/domain/opt-in/join-code';
import { optInSnippet } from '../../shared/domain/opt-in/optin-snippets';
import type { OptInWidget } from '../../shared/domain/opt-in/widget';
import { openHarness } from '../support/app-harness';

const SHOP = '+34612345678';
const DIGITS = '34612345678';
const STATEMENTS = {
  U: 'Yes, I want to receive order update messages from Café Sol on WhatsApp at this number. Reply STOP at any time to stop.',
  M: 'Yes, I want to receive marketing messages from Café Sol on WhatsApp at this number. Reply STOP at any time to stop.',
  B: 'Yes, I want to receive marketing and order update messages from Café Sol on WhatsApp at this number. Reply STOP at any time to stop.',
};
const widget = (kind: OptInWidget['kind'], extra: Partial<OptInWidget> = {}): OptInWidget => ({
  code: 'K7M2Q',
  kind,
  name: 'Home page',
  purposes: ['marketing', 'utility'],
  statements: STATEMENTS,
  statementVersion: 1,
  locale: 'en',
  headline: 'Get our messages on WhatsApp',
  colour: '#25D366',
  createdAt: '2025-04-01T09:00:00.000Z',
  ...extra,
});

function hostPage(snippet: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Café Sol</title></head><body>
<main><h1>Café Sol</h1><p>Fresh bread every morning.</p><button type="button" id="page-button">Menu</button>
${snippet}</main></body></html>`;
}

/** Console errors, uncaught exceptions and every request the page makes. */
function watch(page: Page) {
  const w = { errors: [] as string[], requests: [] as string[] };
  page.on('console', (msg) => msg.type() === 'error' && w.errors.push(msg.text()));
  page.on('pageerror', (error) => w.errors.push(String(error)));
  page.on('request', (request) => w.requests.push(request.url()));
  return w;
}

/** wa.me answers locally; returns the URLs asked for. */
async function stubWhatsApp(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route('https://wa.me/**', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WhatsApp</title>' });
  });
  return asked;
}

async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function submitAndCatch(page: Page, context: BrowserContext): Promise<string> {
  const [opened] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Continue in WhatsApp' }).click()]);
  await opened.waitForLoadState();
  return opened.url();
}

test.describe('website opt-in form', () => {
  test('no requests on load; the statement follows the ticks; submitting opens exactly the JOIN link; axe passes', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    await page.setContent(hostPage(optInSnippet({ widget: widget('web_widget'), digits: DIGITS })));
    expect(w.requests).toEqual([]);
    const form = page.getByRole('region', { name: 'Get our messages on WhatsApp' });
    await expect(form).toBeVisible();
    await expectAccessible(page);
    // No phone field: the JOIN message itself tells the shop the number.
    await expect(page.getByLabel('Your WhatsApp number')).toHaveCount(0);
    await page.getByLabel('Order updates and reminders').check();
    await expect(page.locator('.od-optin-statement')).toHaveText(STATEMENTS.U);
    await page.getByLabel('I have read this and I agree').check();
    // A different statement must be agreed to again.
    await page.getByLabel('Offers and news').check();
    await expect(page.locator('.od-optin-statement')).toHaveText(STATEMENTS.B);
    await expect(page.getByLabel('I have read this and I agree')).not.toBeChecked();
    await page.getByLabel('I have read this and I agree').check();
    const url = await submitAndCatch(page, context);
    expect(url).toBe(joinLink(SHOP, 'K7M2QB'));
    expect(url).toBe('https://wa.me/34612345678?text=JOIN%20K7M2QB');
    expect(asked).toEqual([url]);
    await expect(page.getByRole('status')).toContainText('JOIN K7M2QB');
    await expectAccessible(page);
    expect(w.errors).toEqual([]);
  });

  test('refuses to open WhatsApp without a purpose or the agreement', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    await page.setContent(hostPage(optInSnippet({ widget: widget('web_widget'), digits: DIGITS })));
    const submit = page.getByRole('button', { name: 'Continue in WhatsApp' });
    await submit.click();
    await expect(page.getByRole('alert')).toHaveText('Choose at least one kind of message.');
    await page.getByLabel('Offers and news').check();
    await submit.click();
    await expect(page.getByRole('alert')).toHaveText('Tick the box to agree before continuing.');
    await expectAccessible(page);
    expect(asked).toEqual([]);
    expect(context.pages()).toHaveLength(1);
    expect(w.errors).toEqual([]);
  });
});

test.describe('opt-in popup', () => {
  test('shows on exit intent, traps focus, submits exactly the JOIN link; axe passes', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    const popup = widget('web_popup', { popup: { delaySeconds: 0, scrollPercent: 0, exitIntent: true, frequencyCapDays: 0 } });
    await page.setContent(hostPage(optInSnippet({ widget: popup, digits: DIGITS })));
    const dialog = page.getByRole('dialog', { name: 'Get our messages on WhatsApp' });
    await expect(dialog).toHaveCount(0);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientY: 0, relatedTarget: null })));
    await expect(dialog).toBeVisible();
    await expect(page.getByLabel('Order updates and reminders')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Continue in WhatsApp' })).toBeFocused();
    await expectAccessible(page);
    await page.getByLabel('Order updates and reminders').check();
    await page.getByLabel('I have read this and I agree').check();
    expect(await submitAndCatch(page, context)).toBe(joinLink(SHOP, 'K7M2QU'));
    expect(asked).toEqual([joinLink(SHOP, 'K7M2QU')]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(w.errors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith('https://wa.me/'))).toEqual([]);
  });

  test('appears after its delay, and a second copy shows one popup', async ({ page }) => {
    const w = watch(page);
    const snippet = optInSnippet({ widget: widget('web_popup', { popup: { delaySeconds: 1, scrollPercent: 0, exitIntent: false, frequencyCapDays: 0 } }), digits: DIGITS });
    await page.setContent(hostPage(snippet + snippet));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(1, { timeout: 4000 });
    expect(w.errors).toEqual([]);
  });
});

test.describe('in-app toggle', () => {
  test('the switch reveals the form without a phone field and submits the JOIN link; axe passes', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    await page.setContent(hostPage(optInSnippet({ widget: widget('in_app_toggle', { purposes: ['marketing'], statements: { M: STATEMENTS.M } }), digits: DIGITS })));
    const toggle = page.getByRole('switch', { name: 'Get messages on WhatsApp' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByLabel('Offers and news')).toBeHidden();
    await expectAccessible(page);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByLabel('Your WhatsApp number')).toHaveCount(0);
    await expect(page.getByLabel('Offers and news')).toBeFocused();
    await page.getByLabel('Offers and news').check();
    await page.getByLabel('I have read this and I agree').check();
    await expectAccessible(page);
    expect(await submitAndCatch(page, context)).toBe(joinLink(SHOP, 'K7M2QM'));
    expect(asked).toHaveLength(1);
    expect(w.errors).toEqual([]);
  });
});

test.describe('end to end with the app in sandbox', () => {
  test('the JOIN message the widget opens, sent from WhatsApp, opts the customer in with the widget as evidence', async ({ page, context }) => {
    const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
    try {
      const web = { transport: 'web-bridge' } as const;
      await h.dispatch('profile:save', { businessName: 'Café Sol', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
      const created = await h.services.widgets.create({ kind: 'web_widget', name: 'Home page', purposes: ['marketing', 'utility'] });
      const asked = await stubWhatsApp(context);
      await page.setContent(hostPage(h.services.widgets.snippet(created.code).snippet));
      await page.getByLabel('Order updates and reminders').check();
      await page.getByLabel('I have read this and I agree').check();
      const url = await submitAndCatch(page, context);
      expect(asked).toEqual([url]);
      const text = new URL(url).searchParams.get('text')!;
      expect(text).toBe(`JOIN ${created.code}U`);

      const { messageId } = await h.services.runtime.emulator()!.control.simulateInbound({ from: '34600112233', text });
      let contact = h.services.ledger.findByPhone('+34600112233');
      for (let i = 0; i < 200 && contact?.derived.utility.state !== 'opted_in'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        contact = h.services.ledger.findByPhone('+34600112233');
      }
      expect(contact!.derived.utility.state).toBe('opted_in');
      expect(contact!.derived.marketing.state).toBe('none');
      const { events } = await h.services.ledger.history(contact!.id);
      const confirmed = events.find((e) => e.type === 'confirmed')!;
      expect(confirmed).toMatchObject({
        method: 'web_widget',
        purpose: 'utility',
        textShown: created.statements.U,
        textVersion: created.statementVersion,
        evidence: { widgetCode: `${created.code}U`, inboundMessageId: messageId, inboundBody: text, keyword: 'JOIN' },
      });
      expect(confirmed.source).toContain(created.code);
    } finally {
      await h.close();
    }
  });
});
