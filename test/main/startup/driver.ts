import { writeFileSync } from 'node:fs';
import type * as Stub from './electron-stub';

/*
 * Runs in a child process with plain Node: loads the built main bundle (argv[2]) against the recording electron stub,
 * lets `ready` happen, waits for the first window, calls the installed permission handlers as Chromium would, quits,
 * and writes what happened as JSON to argv[3]. Bundled by startup-bundle.test.ts with 'electron' left external.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the stub must be the very module the bundle requires
const stub = require('electron') as typeof Stub;
const [bundle, outFile] = process.argv.slice(2) as [string, string];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function contents(url: string) {
  return { getURL: () => url, isDestroyed: () => false };
}

async function main(): Promise<void> {
  // Windows code paths: only what reads process.platform at run time follows (Node's path module stays POSIX).
  if (process.env.STUB_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.STUB_PLATFORM });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the built bundle is the point
  require(bundle);
  const beforeReady = stub.calls.length;
  stub.becomeReady();
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (stub.BrowserWindow.all.some((window) => window.loaded.length > 0) || stub.app.exitCode !== null) break;
    await sleep(20);
  }
  await sleep(200);

  const ses = stub.session.defaultSession;
  const permissions: Record<string, { requested: unknown; checked: unknown }> = {};
  const origins = [
    ['app', 'app://outreach', 'app://outreach/index.html'],
    ['evil', 'https://evil.example', 'https://evil.example/'],
  ] as const;
  for (const permission of ['clipboard-sanitized-write', 'fullscreen', 'clipboard-read', 'media', 'notifications', 'geolocation']) {
    for (const [name, origin, url] of origins) {
      const requested = await new Promise((resolve) => {
        if (!ses.permissionRequestHandler) return resolve('no handler');
        ses.permissionRequestHandler(contents(url), permission, resolve, { requestingUrl: url, isMainFrame: true });
      });
      const checked = ses.permissionCheckHandler ? ses.permissionCheckHandler(contents(url), permission, origin, { requestingUrl: url }) : 'no handler';
      permissions[`${permission} ${name}`] = { requested, checked };
    }
  }

  const recoveryWindow = stub.BrowserWindow.all.find((window) => window.loaded.some((url) => url.includes('/recovery/')));
  const recoveryView = recoveryWindow
    ? await stub.ipcMain.handlers.get('recovery:view')?.({ sender: recoveryWindow.webContents, senderFrame: { url: recoveryWindow.webContents.getURL(), parent: null } })
    : null;
  const serve = stub.protocol.handlers.get('app');
  const page = serve ? ((await serve(new Request('app://outreach/recovery/index.html'))) as Response) : null;

  const result = {
    beforeReady,
    calls: [...stub.calls],
    windows: stub.BrowserWindow.all.map((window) => ({ options: JSON.parse(JSON.stringify(window.options)), loaded: window.loaded })),
    permissions,
    exitCode: stub.app.exitCode,
    recoveryView,
    recoveryPage: page && { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() },
    ipcChannels: [...stub.ipcMain.handlers.keys()],
  };

  if (process.env.STUB_QUIT === 'session-end') {
    // A Windows shutdown: no before-quit, only the window's session-end; give the services time to close.
    for (const window of stub.BrowserWindow.getAllWindows()) window.emit('session-end', { preventDefault: () => undefined, reasons: ['shutdown'] });
    await sleep(3_000);
  }
  // Quit as Electron does: before-quit, then will-quit (held until the services closed), then quit again.
  const quitsBefore = stub.calls.filter((call) => call.api === 'app.quit').length;
  let held = false;
  stub.app.emit('before-quit', { preventDefault: () => undefined });
  stub.app.emit('will-quit', { preventDefault: () => (held = true) });
  for (let waited = 0; held && waited < 15_000; waited += 20) {
    if (stub.calls.filter((call) => call.api === 'app.quit').length > quitsBefore) break;
    await sleep(20);
  }
  writeFileSync(outFile, JSON.stringify({ ...result, quitHeld: held, callsAfterQuit: stub.calls.slice(result.calls.length) }));
  process.exit(0);
}

main().catch((error: unknown) => {
  writeFileSync(outFile, JSON.stringify({ driverError: error instanceof Error ? error.stack : String(error) }));
  process.exit(1);
});
