import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronPosterPrinter, safeFileName } from '../../../main/electron/poster-printer';
import type { PrintOptions, PrintResult } from '../../../main/electron/print';
import { tempDir } from '../../support/temp-dir';
import { dialog, resetElectronMock } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

let data: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  resetElectronMock();
  data = await tempDir('od-printer-');
});
afterEach(() => data.cleanup());

function printer(result: PrintResult) {
  const print = vi.fn(async (_html: string, _options: PrintOptions) => result);
  return { print, printer: createElectronPosterPrinter({ getWindow: () => null, print }) };
}

describe('Electron poster printer', () => {
  it('prints through the system dialog and reports printed', async () => {
    const { print, printer: p } = printer({ ok: true });
    expect(await p.print('<h1>x</h1>', { action: 'print', fileName: 'a.pdf' })).toEqual({ kind: 'printed' });
    expect(print).toHaveBeenCalledWith('<h1>x</h1>', {});
  });

  it('reports a cancelled print as cancelled and another failure as a typed error', async () => {
    expect(await printer({ ok: false, reason: 'cancelled' }).printer.print('x', { action: 'print', fileName: 'a' })).toEqual({
      kind: 'cancelled',
    });
    await expect(printer({ ok: false, reason: 'Print job failed' }).printer.print('x', { action: 'print', fileName: 'a' })).rejects.toMatchObject(
      { code: 'print_failed' },
    );
  });

  it('asks where to save before rendering, and renders nothing when the dialog is cancelled', async () => {
    const { print, printer: p } = printer({ ok: true, pdf: Buffer.from('%PDF') });
    expect(await p.print('x', { action: 'pdf', fileName: 'posters-AB12.pdf' })).toEqual({ kind: 'cancelled' });
    expect(print).not.toHaveBeenCalled();
    const options = dialog.showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string };
    expect(path.basename(options.defaultPath)).toBe('posters-AB12.pdf');
  });

  it('writes the PDF where the user chose, adding .pdf when missing', async () => {
    const { print, printer: p } = printer({ ok: true, pdf: Buffer.from('%PDF-1.7 test') });
    dialog.nextSave = { canceled: false, filePath: path.join(data.dir, 'my posters') };
    const outcome = await p.print('x', { action: 'pdf', fileName: 'p.pdf' });
    expect(outcome).toEqual({ kind: 'pdf', path: path.join(data.dir, 'my posters.pdf') });
    expect(await readFile(path.join(data.dir, 'my posters.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(print).toHaveBeenCalledWith('x', { toPdf: { pageSize: 'A4' } });
  });

  it('keeps suggested file names inside the chosen folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\x:y.pdf')).toBe('x-y.pdf');
    expect(safeFileName('..')).toBe('posters.pdf');
    expect(safeFileName('a\u0007b?.pdf')).toBe('a-b-.pdf');
    expect(safeFileName('posters-ÁB.pdf')).toBe('posters-ÁB.pdf');
  });
});
