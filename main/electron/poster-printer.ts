import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { PrintOutcome } from '../../shared/contract/entry-points';
import { AppError } from '../services/app-error';
import type { PosterPrinter } from '../services/poster-printer';
import { printHtml, type PrintOptions, type PrintResult } from './print';

/** What the Electron printer needs: the window to attach the save dialog to, and the printing function. */
export interface ElectronPrinterDeps {
  getWindow: () => BrowserWindow | null;
  print?: (html: string, options: PrintOptions) => Promise<PrintResult>;
}

/**
 * The PosterPrinter for the desktop app: "print" opens the system print dialog on a hidden window;
 * "pdf" asks where to save first (so a cancel costs nothing), then renders and writes the file.
 */
export function createElectronPosterPrinter(deps: ElectronPrinterDeps): PosterPrinter {
  const print = deps.print ?? printHtml;
  return {
    async print(html, { action, fileName }): Promise<PrintOutcome> {
      if (action === 'print') {
        const result = await print(html, {});
        if (result.ok) return { kind: 'printed' };
        if (/cancel/i.test(result.reason)) return { kind: 'cancelled' };
        throw new AppError('print_failed', `The posters could not be printed (${result.reason}). Check the printer and try again.`);
      }
      const window = deps.getWindow();
      const options = {
        title: 'Save posters as PDF',
        defaultPath: path.join(app.getPath('documents'), safeFileName(fileName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      const result = await print(html, { toPdf: { pageSize: 'A4' } });
      if (!result.ok || !result.pdf) {
        throw new AppError('print_failed', `The PDF could not be made (${result.ok ? 'empty' : result.reason}). Try again.`);
      }
      const target = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
      try {
        await writeFile(target, result.pdf);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new AppError('save_failed', `The PDF could not be saved there (${code}). Choose another folder.`);
      }
      return { kind: 'pdf', path: target };
    },
  };
}

/** A suggested file name without folders or characters Windows refuses. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(path.basename(name.replace(/\\/g, '/')), (char) =>
    char.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(char) ? '-' : char,
  )
    .join('')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'posters.pdf';
}
