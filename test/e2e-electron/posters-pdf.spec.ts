import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { decodeQrPng } from '../support/qr-decode';
import { completeWizard, createEntryPoint, expectedLink, launchApp, skipWithoutElectron, type LaunchedApp } from './launch';

/*
 * A poster saved as PDF by Electron's own printToPDF (hidden window, images decoded first) is one A4 page whose QR
 * code, rasterised by poppler's pdftoppm, decodes to the entry point's exact link.
 */

const run = promisify(execFile);
let launched: LaunchedApp | undefined;
let outDir: string | undefined;

function pdftoppm(): string | null {
  for (const candidate of ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm', '/opt/homebrew/bin/pdftoppm']) if (existsSync(candidate)) return candidate;
  return null;
}

test.beforeEach(async () => {
  skipWithoutElectron();
  const tool = pdftoppm();
  if (!tool) console.log('Poster PDF spec skipped: pdftoppm (poppler-utils) is not installed.');
  test.skip(tool === null, 'pdftoppm (poppler-utils) is not installed');
  outDir = await mkdtemp(path.join(os.tmpdir(), 'od-poster-pdf-'));
  launched = await launchApp();
});

test.afterEach(async () => {
  await launched?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
  launched = undefined;
});

test('a poster saved as PDF is one A4 page whose QR decodes to the link', async () => {
  const { app, page } = launched!;
  const target = path.join(outDir!, 'poster.pdf');
  // The save dialog is the OS's: answer it from main, as the owner would by choosing a file.
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, target);
  await completeWizard(page);
  const text = 'Hi from the counter';
  const ref = await createEntryPoint(page, /^QR code/, 'Counter poster', text);
  await page.getByRole('link', { name: 'Posters' }).click();
  await page.getByLabel('Entry point', { exact: true }).selectOption({ label: `Counter poster (QR code, ref ${ref})` });
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByText(`Saved as PDF: ${target}`)).toBeVisible({ timeout: 30_000 });

  const pdf = await PDFDocument.load(await readFile(target));
  expect(pdf.getPageCount()).toBe(1);
  expect(Math.round(pdf.getPage(0).getWidth())).toBeGreaterThanOrEqual(594);
  expect(Math.round(pdf.getPage(0).getHeight())).toBeLessThanOrEqual(843);
  await run(pdftoppm()!, ['-png', '-r', '150', '-f', '1', '-l', '1', target, path.join(outDir!, 'page')]);
  const png = (await readdir(outDir!)).find((name) => name.startsWith('page') && name.endsWith('.png'));
  expect(png).toBeDefined();
  expect(decodeQrPng(await readFile(path.join(outDir!, png!)))).toBe(expectedLink(text, ref));
});
