import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { buttonSnippet } from '../../shared/domain/entry-points/button-snippet';
import { chatSnippet, chatSnippetForms } from '../../shared/domain/entry-points/chat-snippet';
import { popupSnippet, type PopupSnippetInput } from '../../shared/domain/entry-points/popup-snippet';
import { appendRef } from '../../shared/domain/entry-points/ref-code';
import { buildWaLink, waDigits } from '../../shared/domain/entry-points/wa-link';
import { optInSnippet } from '../../shared/domain/opt-in/optin-snippets';

const E164 = '+34612345678';
const REF = 'A7K2';
const PREFILLED = 'Hola, ¿tienen pan sin gluten? 🍞';
const LINK = buildWaLink(E164, appendRef(PREFILLED, REF, 'button'));
const SHOP_ORIGIN = 'http://shop.test';

/** A plain host page, as a shop's site might be, with the snippet pasted at the end of the body. */
function hostPage(snippet: string, extraBody = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Café Sol</title></head><body>
<header><p>Café Sol</p></header><main><h1>Café Sol</h1><p>Fresh bread every morning.</p>
<button type="button" id="page-button">Menu</button>${extraBody}</main>
${snippet}</body></html>`;
}

interface Watch {
  errors: string[];
  requests: string[];
}

/** Records console errors, uncaught exceptions and every request the page makes. */
function watch(page: Page): Watch {
  const w: Watch = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') w.errors.push(msg.text());
  });
  page.on('pageerror', (error) => w.errors.push(String(error)));
  page.on('request', (request) => w.requests.push(request.url()));
  return w;
}

/** wa.me answers locally, so following a link makes no real request; returns the URLs asked for. */
async function stubWhatsApp(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route('https://wa.me/**', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WhatsApp</title>' });
  });
  return asked;
}

/** Serves the host page from a real origin, for tests that need localStorage or history. */
async function serveShop(context: BrowserContext, html: string): Promise<void> {
  await context.route(`${SHOP_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
}

async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const popupBase: PopupSnippetInput = {
  url: LINK,
  refCode: REF,
  headline: 'Questions? Chat with us',
  message: 'We usually reply within minutes.',
  buttonLabel: 'Open WhatsApp',
  colour: '#25D366',
  delaySeconds: 0,
  scrollPercent: 0,
  exitIntent: false,
  frequencyCapDays: 7,
};

async function exitIntent(page: Page, clientY = 0): Promise<void> {
  await page.evaluate((y) => {
    document.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 400, clientY: y, relatedTarget: null }));
  }, clientY);
}

test.describe('website button', () => {
  const snippet = buttonSnippet({ url: LINK, label: 'Chat with us on WhatsApp', colour: '#25D366', size: 'medium', position: 'bottom-right', refCode: REF });

  test('loads without errors or requests and opens exactly the wa.me link', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    await page.setContent(hostPage(snippet));
    expect(w.requests).toEqual([]);
    const link = page.getByRole('link', { name: 'Chat with us on WhatsApp' });
    await expect(link).toHaveAttribute('href', LINK);
    const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(LINK);
    expect(asked).toEqual([LINK]);
    expect(w.errors).toEqual([]);
  });

  test('shows a focus ring for keyboard users and passes axe', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(snippet));
    await page.locator('#page-button').focus();
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: 'Chat with us on WhatsApp' });
    await expect(link).toBeFocused();
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(outline).toBe('solid 3px');
    await expectAccessible(page);
    expect(w.errors).toEqual([]);
  });

  test('works when pasted twice next to other scripts', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(`<script>var cfg = 'theirs';</script>${snippet}${snippet}`));
    // A floating button pasted twice shows once (two would sit exactly on top of each other); it still works.
    await expect(page.getByRole('link', { name: 'Chat with us on WhatsApp' })).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Chat with us on WhatsApp' })).toHaveAttribute('href', LINK);
    expect(await page.evaluate(() => (window as unknown as { cfg: string }).cfg)).toBe('theirs');
    expect(w.errors).toEqual([]);
  });
});

test.describe('website chat', () => {
  const snippet = chatSnippet({
    digits: waDigits(E164),
    refCode: REF,
    shopName: 'Café Sol',
    greeting: 'Hi! How can we help you today?',
    openingHours: 'Mon–Sat 8:00–14:00',
    prefilledMessage: PREFILLED,
    colour: '#075E54',
    position: 'bottom-right',
  });

  test('sending the first message opens WhatsApp with that text and the ref', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    await page.setContent(hostPage(snippet));
    expect(w.requests).toEqual([]);
    await page.getByRole('button', { name: 'Chat with us on WhatsApp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Café Sol' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Hi! How can we help you today?');
    await expect(dialog).toContainText('Mon–Sat 8:00–14:00');
    const typed = 'Do you deliver to Calle Mayor 5? 🚲 مرحبا नमस्ते';
    await page.getByLabel('Your message').fill(typed);
    await expect(page.getByLabel('Your message')).toBeFocused();
    const [opened] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Send on WhatsApp' }).click()]);
    await opened.waitForLoadState();
    const expected = buildWaLink(E164, appendRef(typed, REF, 'chat'));
    expect(opened.url()).toBe(expected);
    expect(asked).toEqual([expected]);
    expect(w.errors).toEqual([]);
  });

  test('Enter sends; an empty box sends the suggested message; Escape closes the panel', async ({ page, context }) => {
    const w = watch(page);
    await stubWhatsApp(context);
    await page.setContent(hostPage(snippet));
    const launcher = page.getByRole('button', { name: 'Chat with us on WhatsApp' });
    await launcher.click();
    await expect(launcher).toHaveAttribute('aria-expanded', 'true');
    const [opened] = await Promise.all([context.waitForEvent('page'), page.getByLabel('Your message').press('Enter')]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(buildWaLink(E164, appendRef(PREFILLED, REF, 'chat')));
    await page.bringToFront();
    await page.getByLabel('Your message').press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(launcher).toBeFocused();
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
    expect(w.errors).toEqual([]);
  });

  test('passes axe closed and open, and a second copy adds nothing', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(`<script>function el() { return 'theirs'; }</script>${snippet}${snippet}`));
    await expect(page.getByRole('button', { name: 'Chat with us on WhatsApp' })).toHaveCount(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Chat with us on WhatsApp' }).click();
    await expectAccessible(page);
    expect(await page.evaluate(() => (window as unknown as { el: () => string }).el())).toBe('theirs');
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
  });
});

test.describe('website popup', () => {
  test('appears after the delay, not before', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(popupSnippet({ ...popupBase, delaySeconds: 2 })));
    const dialog = page.getByRole('dialog', { name: 'Questions? Chat with us' });
    await page.waitForTimeout(300);
    await expect(dialog).toHaveCount(0);
    await expect(dialog).toBeVisible({ timeout: 5000 });
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
  });

  test('appears at the scroll depth, not before', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(popupSnippet({ ...popupBase, scrollPercent: 60 }), '<div style="height:4000px"></div>'));
    const dialog = page.getByRole('dialog');
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * 0.4));
    await page.waitForTimeout(200);
    await expect(dialog).toHaveCount(0);
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * 0.65));
    await expect(dialog).toBeVisible();
    expect(w.errors).toEqual([]);
  });

  test('appears on exit intent (pointer leaving through the top), not on other mouseouts', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(popupSnippet({ ...popupBase, exitIntent: true })));
    const dialog = page.getByRole('dialog');
    await exitIntent(page, 300);
    await page.mouse.move(300, 300);
    await page.mouse.move(300, 5);
    await page.waitForTimeout(200);
    await expect(dialog).toHaveCount(0);
    await exitIntent(page, 0);
    await expect(dialog).toBeVisible();
    expect(w.errors).toEqual([]);
  });

  test('stays hidden on the next visit while capped, and shows again without a cap', async ({ context, page }) => {
    for (const [cap, secondVisit] of [
      [7, 0],
      [0, 1],
    ] as const) {
      await serveShop(context, hostPage(popupSnippet({ ...popupBase, exitIntent: true, frequencyCapDays: cap })));
      await page.goto(`${SHOP_ORIGIN}/`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await exitIntent(page);
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await page.evaluate((key) => localStorage.getItem(key), `od-popup-${REF}`)).toMatch(/^\d+$/);
      await page.reload();
      await exitIntent(page);
      await page.waitForTimeout(200);
      await expect(page.getByRole('dialog'), `cap ${cap}`).toHaveCount(secondVisit);
      await context.unroute(`${SHOP_ORIGIN}/**`);
    }
  });

  test('Escape dismisses and gives focus back; Tab stays inside; the button opens the exact link', async ({ page, context }) => {
    const w = watch(page);
    await stubWhatsApp(context);
    await page.setContent(hostPage(popupSnippet({ ...popupBase, exitIntent: true })));
    await page.locator('#page-button').focus();
    await exitIntent(page);
    const dialog = page.getByRole('dialog');
    const cta = dialog.getByRole('link', { name: 'Open WhatsApp' });
    await expect(cta).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(cta).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('#page-button')).toBeFocused();

    // Shown once per page view: a new visit (cap 0) to test the button. A fresh window, since setContent keeps it.
    await page.goto('about:blank');
    await page.setContent(hostPage(popupSnippet({ ...popupBase, exitIntent: true, frequencyCapDays: 0 })));
    await exitIntent(page);
    const [opened] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open WhatsApp' }).click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(LINK);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(w.errors).toEqual([]);
  });

  test('the close button dismisses; pasting twice shows one popup', async ({ page }) => {
    const w = watch(page);
    const snippet = popupSnippet({ ...popupBase, exitIntent: true });
    await page.setContent(hostPage(`<script>var ns = 1, uid = 2;</script>${snippet}${snippet}`));
    await exitIntent(page);
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /^od|Outreach/i.test(k)))).toEqual(['OutreachDeskWidgets']);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
  });
});

test.describe('website popup on a touch phone', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });

  test('idle counts as exit intent', async ({ page }) => {
    const w = watch(page);
    await page.setContent(hostPage(popupSnippet({ ...popupBase, exitIntent: true, idleSeconds: 1 })));
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 3000 });
    expect(w.errors).toEqual([]);
  });

  test('the back button counts as exit intent', async ({ page, context }) => {
    await serveShop(context, hostPage(popupSnippet({ ...popupBase, exitIntent: true, idleSeconds: 600, frequencyCapDays: 0 })));
    await page.goto(`${SHOP_ORIGIN}/`);
    await page.locator('h1').tap();
    await page.goBack();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(page.url()).toBe(`${SHOP_ORIGIN}/`);
  });
});

test.describe('on real shops’ pages (issue 15)', () => {
  test.describe('touch phone', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });

    test('once the popup has shown, Back leaves the page again instead of being swallowed', async ({ page, context }) => {
      await context.route(`${SHOP_ORIGIN}/before`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Before</title>' }));
      await serveShop(context, hostPage(popupSnippet({ ...popupBase, exitIntent: true, delaySeconds: 1, idleSeconds: 600, frequencyCapDays: 0 })));
      await page.goto(`${SHOP_ORIGIN}/before`);
      await page.goto(`${SHOP_ORIGIN}/`);
      await page.locator('h1').tap(); // arms the Back catch (a history entry of ours)
      await expect(page.getByRole('dialog')).toBeVisible({ timeout: 5000 }); // shown by the delay instead
      await page.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => history.state as unknown)).toBeNull();
      await page.goBack();
      expect(page.url()).toBe(`${SHOP_ORIGIN}/before`);
    });
  });

  test('two popups on one page never stack: the second waits its turn and does not cover the first', async ({ page }) => {
    const w = watch(page);
    const other = popupSnippet({ ...popupBase, refCode: 'B8M3', headline: 'Second popup', delaySeconds: 1 });
    await page.setContent(hostPage(popupSnippet({ ...popupBase, delaySeconds: 1 }) + other));
    await expect(page.getByRole('dialog')).toHaveCount(1, { timeout: 5000 });
    await page.waitForTimeout(1500);
    await expect(page.getByRole('dialog')).toHaveCount(1);
    expect(w.errors).toEqual([]);
  });

  test('the chat sends a message with a lone surrogate (replaced, not thrown on)', async ({ page, context }) => {
    const w = watch(page);
    const asked = await stubWhatsApp(context);
    await page.setContent(
      hostPage(
        chatSnippet({ digits: waDigits(E164), refCode: REF, shopName: 'Café Sol', greeting: '', openingHours: '', prefilledMessage: '', colour: '#075E54', position: 'bottom-right' }),
      ),
    );
    await page.getByRole('button', { name: 'Chat with us on WhatsApp' }).click();
    await page.getByLabel('Your message').evaluate((input) => {
      (input as HTMLTextAreaElement).value = 'pan \uD83D';
    });
    await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Send on WhatsApp' }).click()]);
    expect(asked).toEqual([buildWaLink(E164, appendRef('pan \uFFFD', REF, 'chat'))]);
    expect(w.errors).toEqual([]);
  });

  test('under a strict CSP the one-paste button keeps a small icon, and a blocked widget says so in the console', async ({ page, context }) => {
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'";
    const button = buttonSnippet({ url: LINK, label: 'Chat with us on WhatsApp', colour: '#25D366', size: 'medium', position: 'inline', refCode: REF });
    const chat = chatSnippetForms({ digits: waDigits(E164), refCode: REF, shopName: 'Café Sol', greeting: 'Hi', openingHours: '', prefilledMessage: '', colour: '#075E54', position: 'bottom-right' });
    const file = chat.hosted.files[0]!;
    // An engine without constructable stylesheets: the runtime falls back to a <style>, which this policy blocks.
    const oldEngine = 'delete CSSStyleSheet.prototype.replaceSync;';
    await context.route(`${SHOP_ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === `/${file.name}`) return route.fulfill({ status: 200, contentType: 'text/javascript', body: file.text });
      if (path === '/old-engine.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: oldEngine });
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        headers: { 'content-security-policy': csp },
        body: hostPage(`<script src="/old-engine.js"></script>${button}${chat.hosted.html}`),
      });
    });
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    await page.goto(`${SHOP_ORIGIN}/`);
    const icon = page.getByRole('link', { name: 'Chat with us on WhatsApp' }).locator('svg');
    expect((await icon.boundingBox())!.width).toBeLessThanOrEqual(24);
    await expect.poll(() => warnings.join('\n')).toContain('blocked by the page’s Content-Security-Policy');
  });

  test('an opt-in form pasted into <head> shows at the end of the page and says where to paste it', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    const snippet = optInSnippet({
      widget: { code: 'K7M2Q', kind: 'web_widget', purposes: ['utility'], statements: { U: 'I agree' }, headline: 'Join us', colour: '#25D366', locale: 'en' },
      digits: waDigits(E164),
    });
    await page.setContent(`<!DOCTYPE html><html lang="en"><head><title>Shop</title>${snippet}</head><body><main><h1>Shop</h1></main></body></html>`);
    await expect(page.getByRole('region', { name: 'Join us' })).toBeVisible();
    expect(await page.evaluate(() => document.body.lastElementChild!.tagName)).toBe('OUTREACH-DESK-OPTIN');
    expect(warnings.join('\n')).toContain('Paste it inside the body');
  });
});
