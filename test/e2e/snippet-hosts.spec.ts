import { test, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { buttonSnippetForms } from '../../shared/domain/entry-points/button-snippet';
import { chatSnippetForms } from '../../shared/domain/entry-points/chat-snippet';
import { popupSnippetForms } from '../../shared/domain/entry-points/popup-snippet';
import { appendRef } from '../../shared/domain/entry-points/ref-code';
import type { SnippetForms } from '../../shared/domain/entry-points/snippet-common';
import { buildWaLink, waDigits } from '../../shared/domain/entry-points/wa-link';
import { joinLink } from '../../shared/domain/opt-in/join-code';
import { optInSnippetForms } from '../../shared/domain/opt-in/optin-snippets';
import type { OptInWidget } from '../../shared/domain/opt-in/widget';
import { HOSTS, hostHtml, startHostServer, type HostKind } from './support/snippet-hosts';

/*
 * The host-page matrix: every kind of snippet pasted into every kind of page a shop's website may be (theme CSS,
 * security policies, right-to-left, phones, pasted twice or into <head>). Each page is served by a local web server
 * with its real CSP header; pages run side by side in their own browser contexts.
 */

const E164 = '+34612345678';
const DIGITS = waDigits(E164);
const REF = 'A7K2';
const LINK = buildWaLink(E164, appendRef('Hola, ¿tienen pan sin gluten?', REF, 'button'));
const STATEMENTS = {
  U: 'I agree that Café Sol may send me order updates on WhatsApp. I can reply STOP at any time.',
  M: 'I agree that Café Sol may send me offers on WhatsApp. I can reply STOP at any time.',
  B: 'I agree that Café Sol may send me order updates and offers on WhatsApp. I can reply STOP at any time.',
};

function widget(kind: OptInWidget['kind'], code: string): OptInSnippetWidget {
  return {
    code,
    kind,
    purposes: ['utility', 'marketing'],
    statements: STATEMENTS,
    headline: 'Get our messages on WhatsApp',
    colour: '#25D366',
    locale: 'en',
    popup: { delaySeconds: 1, scrollPercent: 0, exitIntent: false, frequencyCapDays: 0 },
  };
}
type OptInSnippetWidget = Parameters<typeof optInSnippetForms>[0]['widget'];

/** One kind of snippet: its two forms, its main control, what using it opens, and whether copies stay one. */
interface SnippetKind {
  name: string;
  forms: SnippetForms;
  /** True when pasting twice must still show one (chat, popups). */
  single: boolean;
  control(page: Page): Locator;
  /** What must take a click where it is (default: the control). */
  clickTarget?(page: Page): Locator;
  /** Uses the widget as a visitor would; resolves once WhatsApp would open. */
  use(page: Page): Promise<void>;
  expected: string;
  /** The custom element the widget lives in, for axe (the consent statement's contrast). */
  statementHost?: string;
}

async function useOptIn(page: Page): Promise<void> {
  await page.getByLabel('Order updates and reminders').first().check();
  await expect(page.getByText(STATEMENTS.U).first()).toBeVisible();
  await page.getByLabel('I have read this and I agree').first().check();
  await page.getByRole('button', { name: 'Continue in WhatsApp' }).first().click();
}

const KINDS: SnippetKind[] = [
  {
    name: 'button',
    forms: buttonSnippetForms({ url: LINK, label: 'Chat with us on WhatsApp', colour: '#25D366', size: 'medium', position: 'bottom-right', refCode: REF }),
    single: false,
    control: (page) => page.getByRole('link', { name: 'Chat with us on WhatsApp' }).first(),
    use: (page) => page.getByRole('link', { name: 'Chat with us on WhatsApp' }).first().click(),
    expected: LINK,
  },
  {
    name: 'chat',
    forms: chatSnippetForms({
      digits: DIGITS,
      refCode: REF,
      shopName: 'Café Sol',
      greeting: 'Hi! How can we help?',
      openingHours: 'Mon–Sat 9–18',
      prefilledMessage: 'Hola',
      colour: '#075E54',
      position: 'bottom-right',
    }),
    single: true,
    control: (page) => page.getByRole('button', { name: 'Chat with us on WhatsApp' }),
    use: async (page) => {
      await page.getByRole('button', { name: 'Chat with us on WhatsApp' }).click();
      await page.getByLabel('Your message').fill('Do you have rye bread?');
      await page.getByRole('button', { name: 'Send on WhatsApp' }).click();
    },
    expected: buildWaLink(E164, appendRef('Do you have rye bread?', REF, 'chat')),
  },
  {
    name: 'popup',
    forms: popupSnippetForms({
      url: LINK,
      refCode: REF,
      headline: 'Questions? Chat with us',
      message: 'We usually reply within minutes.',
      buttonLabel: 'Open WhatsApp',
      colour: '#25D366',
      delaySeconds: 1,
      scrollPercent: 0,
      exitIntent: false,
      frequencyCapDays: 0,
    }),
    single: true,
    control: (page) => page.getByRole('dialog', { name: 'Questions? Chat with us' }),
    use: (page) => page.getByRole('link', { name: 'Open WhatsApp' }).click(),
    expected: LINK,
  },
  {
    name: 'opt-in form',
    forms: optInSnippetForms({ widget: widget('web_widget', 'K7M2Q'), digits: DIGITS }),
    single: false,
    control: (page) => page.getByRole('region', { name: 'Get our messages on WhatsApp' }).first(),
    use: useOptIn,
    expected: joinLink(E164, 'K7M2QU'),
    statementHost: 'outreach-desk-optin',
  },
  {
    name: 'opt-in popup',
    forms: optInSnippetForms({ widget: widget('web_popup', 'P7M2Q'), digits: DIGITS }),
    single: true,
    control: (page) => page.getByRole('dialog', { name: 'Get our messages on WhatsApp' }),
    use: useOptIn,
    expected: joinLink(E164, 'P7M2QU'),
    statementHost: 'outreach-desk-optin-popup',
    clickTarget: (page) => page.getByLabel('Order updates and reminders'),
  },
  {
    name: 'opt-in switch',
    forms: optInSnippetForms({ widget: widget('in_app_toggle', 'T7M2Q'), digits: DIGITS }),
    single: false,
    control: (page) => page.getByRole('switch', { name: 'Get messages on WhatsApp' }).first(),
    use: async (page) => {
      await page.getByRole('switch', { name: 'Get messages on WhatsApp' }).first().click();
      await useOptIn(page);
    },
    expected: joinLink(E164, 'T7M2QU'),
    statementHost: 'outreach-desk-optin',
  },
];

/** Runs `fn` over `items`, `limit` at a time (contexts side by side, without swamping a small machine). */
async function inBatches<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await fn(item);
    }),
  );
}

async function newContext(browser: Browser, host: HostKind): Promise<BrowserContext> {
  return browser.newContext(
    host.mobile ? { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } },
  );
}

/** Everything one page must do with one snippet; returns the problems found, labelled with the page kind. */
async function checkHost(browser: Browser, origin: string, kind: SnippetKind, host: HostKind, path: string): Promise<void> {
  const context = await newContext(browser, host);
  const where = `${kind.name} on “${host.name}”`;
  try {
    const errors: string[] = [];
    const requests: string[] = [];
    const opened: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('https://wa.me/**', (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WhatsApp</title>' });
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${origin}${path}`);

    const control = kind.control(page);
    await expect(control, `${where}: visible`).toBeVisible({ timeout: 20_000 });
    if (kind.single) await expect(control, `${where}: one copy`).toHaveCount(1);
    await control.scrollIntoViewIfNeeded();
    const box = (await control.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x, `${where}: left edge in the viewport`).toBeGreaterThanOrEqual(0);
    expect(box.y, `${where}: top edge in the viewport`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${where}: right edge in the viewport`).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(box.y + box.height, `${where}: bottom edge in the viewport`).toBeLessThanOrEqual(viewport.height + 0.5);
    // Clickable: nothing of the page's covers it and it takes the pointer (Playwright's hit-target check).
    await (kind.clickTarget?.(page) ?? control).click({ trial: true, timeout: 10_000 });

    await kind.use(page);
    // A new tab, or this one when the browser blocks popups: either way wa.me is asked for once, exactly.
    await expect.poll(() => opened.length, { message: `${where}: WhatsApp opened`, timeout: 20_000 }).toBeGreaterThan(0);
    expect(opened, `${where}: WhatsApp opened with exactly the link`).toEqual([kind.expected]);

    if (kind.statementHost) {
      const contrast = await new AxeBuilder({ page }).include(kind.statementHost).withRules(['color-contrast']).analyze();
      expect(contrast.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), `${where}: contrast`).toEqual([]);
      expect(contrast.passes.flatMap((p) => p.nodes).length, `${where}: axe saw the widget's text`).toBeGreaterThan(3);
    }
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && url !== kind.expected);
    expect(elsewhere, `${where}: no request to another origin`).toEqual([]);
    expect(errors, `${where}: no console errors`).toEqual([]);
  } finally {
    await context.close();
  }
}

test.describe('every snippet on every kind of host page', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const kind of KINDS) {
    test(`${kind.name}: visible, in the viewport, clickable, the exact link, no other origin, contrast, no errors`, async ({ browser }) => {
      // Well under a minute each on an idle machine; generous for shared CI runners.
      test.setTimeout(300_000);
      const server = await startHostServer();
      try {
        for (const file of kind.forms.hosted.files) server.put(`/${file.name}`, file.text, file.type);
        HOSTS.forEach((host, i) => server.put(`/page/${i}`, hostHtml(host, kind.forms), 'text/html', host.csp));
        // Every page is checked even when one fails, so one run lists every page the snippet fails on.
        const failures: string[] = [];
        await inBatches(
          HOSTS.map((host, i) => ({ host, path: `/page/${i}` })),
          3,
          ({ host, path }) =>
            checkHost(browser, server.origin, kind, host, path).catch((error: unknown) => {
              const failure = `${kind.name} on ${host.name}: ${error instanceof Error ? error.message.split('\n').slice(0, 8).join(' | ') : String(error)}`;
              failures.push(failure);
              console.log(failure);
            }),
        );
        expect(failures).toEqual([]);
      } finally {
        await server.close();
      }
    });
  }
});
