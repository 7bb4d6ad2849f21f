import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { decodeQrPng, decodeQrSvg } from '../support/qr-decode';
import { completeWizard, expect, expectAccessible, test } from './fixtures';

const DIGITS = '34612345678';

/** The exact link an entry point with this prefilled text and ref must produce (computed here, not by the app). */
function expectedLink(prefilled: string, ref: string): string {
  return `https://wa.me/${DIGITS}?text=${encodeURIComponent(`${prefilled} (ref ${ref})`)}`;
}

/** Console errors (a CSP violation from a preview would show up here). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Creates one entry point through the editor and returns the ref code the page shows for it. */
async function create(page: Page, kind: RegExp, name: string, prefilled?: string): Promise<string> {
  await page.getByRole('button', { name: 'New entry point' }).click();
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (prefilled !== undefined) await page.getByLabel('Prefilled message').fill(prefilled);
  await page.getByRole('button', { name: 'Create entry point' }).click();
  await expect(page.getByText(/^Saved\. Ref code [A-Z0-9]{4,8}\.$/)).toBeVisible();
  const ref = await page.getByLabel('Ref code').inputValue();
  expect(ref).toMatch(/^[A-Z0-9]{4,8}$/);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(ref);
  return ref;
}

test('a new user creates one entry point of each kind, copies the link, downloads the QR and prints a batch of 3 posters', async ({
  page,
  context,
  bridge,
}) => {
  test.setTimeout(120_000);
  const errors = consoleErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bridge.url.replace(/\/$/, '') });
  await completeWizard(page, bridge.url, 'Café Sol');

  await page.getByRole('link', { name: 'Entry points' }).click();
  await expect(page.getByRole('heading', { name: 'Entry points', level: 1 })).toBeVisible();
  await expect(page.getByText('No entry points yet — create one to get a link, QR code or website button.')).toBeVisible();
  await expect(page.getByText(/No chats started yet/)).toBeVisible();

  // Direct: the formatted number and a contact card.
  await create(page, /^Direct/, 'Shop number');
  await expect(page.getByText('+34 612 34 56 78')).toBeVisible();
  const vcard = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download contact card (.vcf)' }).click()]);
  expect(vcard[0].suggestedFilename()).toBe('cafe-sol.vcf');
  expect(await readFile(await vcard[0].path(), 'utf8')).toContain('TEL;TYPE=WORK,CELL,VOICE:+34612345678\r\n');

  // Link: the copied link is exactly the wa.me URL with the prefilled text and the ref shown on the page.
  const linkText = 'Hola, ¿está listo mi pedido?';
  const linkRef = await create(page, /^Link/, 'Instagram bio', linkText);
  await expect(page.getByLabel('Link', { exact: true })).toHaveValue(expectedLink(linkText, linkRef));
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedLink(linkText, linkRef));
  await expect(page.getByLabel('SMS text')).toHaveValue(`Chat with Café Sol on WhatsApp: ${expectedLink(linkText, linkRef)}`);
  await expectAccessible(page, 'entry points page with a link open in the editor');

  // Website button, chat and popup: a snippet to paste, carrying the exact link or number and ref.
  const buttonRef = await create(page, /^Website button/, 'Website footer', 'I saw your website');
  await expect(page.getByLabel('Website code')).toHaveValue(new RegExp(`href="${expectedLink('I saw your website', buttonRef).replace(/[?.()]/g, '\\$&')}"`));
  await expectAccessible(page, 'entry points page with a website button open in the editor');
  const chatRef = await create(page, /^Website chat/, 'Website chat', 'Hello!');
  await expect(page.getByLabel('Website code')).toHaveValue(new RegExp(`${DIGITS}[\\s\\S]*${chatRef}`));
  const popupRef = await create(page, /^Website popup/, 'Exit popup', 'Any offers today?');
  await expect(page.getByLabel('Website code')).toHaveValue(new RegExp(popupRef));
  await expect(page.getByText(/Shows after 10 s, or at 50 % scroll, or when they are about to leave; at most once every 7 days/)).toBeVisible();

  // QR code: SVG and PNG downloads both decode to the exact link.
  const qrText = 'Hi from the counter';
  const qrRef = await create(page, /^QR code/, 'Counter poster', qrText);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe(`whatsapp-qr-${qrRef}.svg`);
  expect(decodeQrSvg(await readFile(await svgDownload.path(), 'utf8'))).toBe(expectedLink(qrText, qrRef));
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe(`whatsapp-qr-${qrRef}.png`);
  expect(decodeQrPng(await readFile(await pngDownload.path()))).toBe(expectedLink(qrText, qrRef));
  await expectAccessible(page, 'entry points page with a QR code open in the editor');

  await page.getByRole('button', { name: 'Close editor' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(7);
  expect(new Set([linkRef, buttonRef, chatRef, popupRef, qrRef]).size).toBe(5);

  // Posters: a batch of three placements becomes one three-page PDF.
  await page.getByRole('link', { name: 'Posters' }).click();
  await expect(page.getByRole('heading', { name: 'Posters', level: 1 })).toBeVisible();
  await page.getByLabel('Entry point', { exact: true }).selectOption({ label: `Counter poster (QR code, ref ${qrRef})` });
  await expect(page.getByRole('img', { name: new RegExp(`A4 poster preview: .*ref ${qrRef}`) })).toBeVisible();
  await expectAccessible(page, 'posters page');

  await page.getByLabel('Places, one name per line').fill('Till 1\nTill 2\nTable 4');
  const [printPage] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Create posters and save as PDF' }).click(),
  ]);
  await printPage.waitForLoadState();
  expect(new URL(printPage.url()).pathname).toMatch(/^\/print\/[0-9a-f]{32}$/);
  await expect(page.getByText(/The posters opened in a new tab/)).toBeVisible();
  await expect(page.getByText(/Created 3 entry points/)).toBeVisible();
  const pdf = await PDFDocument.load(await printPage.pdf({ preferCSSPageSize: true }));
  expect(pdf.getPageCount()).toBe(3);
  await expect(printPage.locator('.od-ref')).toHaveText([/Till 1 · ref /, /Till 2 · ref /, /Table 4 · ref /]);

  await page.getByRole('link', { name: 'Entry points' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(10);
  expect(errors).toEqual([]);
});

test('field errors from main appear next to their field, and delete asks first', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url, 'Café Sol');
  await page.getByRole('link', { name: 'Entry points' }).click();
  await page.getByRole('button', { name: 'New entry point' }).click();
  await page.getByRole('radio', { name: /^Link/ }).check();
  await page.getByRole('button', { name: 'Create entry point' }).click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText('Give the entry point a name, like "Front window poster".');

  await name.fill('Bio');
  await page.getByLabel('Ref code').fill('OO');
  await page.getByRole('button', { name: 'Create entry point' }).click();
  await expect(page.getByLabel('Ref code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('A ref code is 4–8 letters and digits');
  await page.getByLabel('Ref code').fill('');
  await page.getByRole('button', { name: 'Create entry point' }).click();
  await expect(page.getByText(/^Saved\. Ref code/)).toBeVisible();

  // A logo: too large is refused next to the field; a small one forces error correction H and the QR still scans.
  await page.getByRole('button', { name: 'New entry point' }).click();
  await page.getByRole('radio', { name: /^QR code/ }).check();
  await page.getByLabel('Name', { exact: true }).fill('Logo poster');
  await page.getByLabel('Logo').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(400 * 1024) });
  await expect(page.getByLabel('Logo')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveText('This image is 400 KB; use one under 350 KB.');
  const logo = new PNG({ width: 40, height: 40 });
  logo.data.fill(0x33);
  await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG.sync.write(logo) });
  await expect(page.getByRole('img', { name: 'Current logo' })).toBeVisible();
  await expect(page.getByLabel('QR error correction')).toHaveValue('H');
  await page.getByRole('button', { name: 'Create entry point' }).click();
  await expect(page.getByText(/^Saved\. Ref code/)).toBeVisible();
  const logoRef = await page.getByLabel('Ref code').inputValue();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  const logoSvg = await readFile(await svg.path(), 'utf8');
  expect(logoSvg).toContain('<image href="data:image/png;base64,');
  expect(decodeQrSvg(logoSvg)).toBe(`https://wa.me/${DIGITS}?text=${encodeURIComponent(`(ref ${logoRef})`)}`);
  await page.getByRole('button', { name: 'Close editor' }).click();

  await page.getByRole('button', { name: 'Duplicate Bio' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Delete Bio (copy)' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete Bio (copy)' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('row', { name: /Bio \(copy\)/ })).toHaveCount(0);
});

test('the chart shows chats started per entry point per day, with the same numbers in a table', async ({ page, bridge }) => {
  // Inbound chats come from the webhook, which this journey does not drive; only the stats answer is stubbed.
  await page.route('**/api/entryPoints%3Astats', (route) =>
    route.fulfill({
      json: {
        ok: true,
        value: [
          { refCode: 'A7K2', name: 'Window poster', days: [{ day: '2026-03-01', chats: 3 }, { day: '2026-03-02', chats: 1 }] },
          { refCode: 'B8M3', name: 'Instagram bio', days: [{ day: '2026-03-02', chats: 2 }] },
          { refCode: 'C9N4', name: 'Unused', days: [] },
        ],
      },
    }),
  );
  const errors = consoleErrors(page);
  await completeWizard(page, bridge.url, 'Café Sol');
  await page.getByRole('link', { name: 'Entry points' }).click();
  const chart = page.getByRole('img', { name: 'Bar chart over 2 days: Window poster 4 chats; Instagram bio 2 chats.' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(3);
  await page.getByText('Show the numbers as a table').click();
  const table = page.getByRole('table', { name: 'Chats started per entry point per day' });
  await expect(table.getByRole('columnheader')).toHaveText(['Day', 'Window poster (A7K2)', 'Instagram bio (B8M3)']);
  await expect(table.getByRole('row').nth(1)).toHaveText(/3\s*0$/);
  await expect(table.getByRole('row').nth(2)).toHaveText(/1\s*2$/);
  await expectAccessible(page, 'entry points page with the chart');
  expect(errors).toEqual([]);
});
