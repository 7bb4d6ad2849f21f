import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_CSP, PRINT_PARTITION, printHtml } from '../../../main/electron/print';
import { BrowserWindow, resetElectronMock, session } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

const POSTER = '<!doctype html><style>@page { size: A4; margin: 0 }</style><h1>Scan to chat</h1><svg></svg>';

/** Loading fetches the page from the print session's protocol handler, as Chromium would. */
const served: Response[] = [];
beforeEach(() => {
  resetElectronMock();
  served.length = 0;
  BrowserWindow.loadImpl = async (window, url) => {
    const handler = session.fromPartition(PRINT_PARTITION).protocolHandlers.get('app');
    served.push(await handler!(new Request(url)));
    window.webContents.url = url;
  };
});

function lastWindow(): BrowserWindow {
  const window = BrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

describe('printHtml', () => {
  it('renders in a hidden sandboxed window of its own session and returns the PDF', async () => {
    const result = await printHtml(POSTER, { toPdf: { pageSize: 'A4' } });
    expect(result).toEqual({ ok: true, pdf: Buffer.from('%PDF-1.7 fake') });
    const window = lastWindow();
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, devTools: false },
    });
    expect(window.options.webPreferences.session).toBe(session.fromPartition(PRINT_PARTITION));
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true, pageSize: 'A4' });
    expect(window.destroyed).toBe(true);
  });

  it('serves the page from memory on app://print with a no-script CSP, and forgets it afterwards', async () => {
    await printHtml(POSTER, { toPdf: {} });
    const [response] = served;
    expect(response?.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect(PRINT_CSP).toContain("script-src 'none'");
    expect(await response?.text()).toBe(POSTER);
    const handler = session.fromPartition(PRINT_PARTITION).protocolHandlers.get('app')!;
    expect((await handler(new Request(lastWindow().webContents.getURL()))).status).toBe(404);
  });

  it('waits for images to decode before printing', async () => {
    const order: string[] = [];
    BrowserWindow.loadImpl = async () => void order.push('load');
    const printed = printHtml(POSTER, { toPdf: {} });
    const window = lastWindow();
    window.webContents.executeJavaScriptInIsolatedWorld.mockImplementationOnce(async () => {
      order.push('decode');
      return true;
    });
    window.webContents.printToPDF.mockImplementationOnce(async () => {
      order.push('pdf');
      return Buffer.from('x');
    });
    await printed;
    expect(order).toEqual(['load', 'decode', 'pdf']);
  });

  it('closes the window only in the print callback', async () => {
    let finish: ((success: boolean, reason: string) => void) | undefined;
    const printed = printHtml(POSTER, { silent: true });
    const window = lastWindow();
    window.webContents.print.mockImplementationOnce((_options, callback) => {
      finish = callback;
    });
    await vi.waitFor(() => expect(finish).toBeDefined());
    expect(window.webContents.print).toHaveBeenCalledWith({ silent: true, printBackground: true }, expect.any(Function));
    expect(window.destroyed).toBe(false);
    finish!(true, '');
    expect(await printed).toEqual({ ok: true });
    expect(window.destroyed).toBe(true);
  });

  it('reports a cancelled or failed print as a result with the reason', async () => {
    const printed = printHtml(POSTER);
    lastWindow().webContents.print.mockImplementationOnce((_options, callback) => callback?.(false, 'cancelled'));
    expect(await printed).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('gives up on a page that never loads and closes the window', async () => {
    BrowserWindow.loadImpl = () => new Promise(() => undefined);
    const result = await printHtml(POSTER, { toPdf: {}, timeoutMs: 20 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/too long/) });
    expect(lastWindow().destroyed).toBe(true);
  });
});
