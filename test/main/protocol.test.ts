import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/csp';
import { createAppProtocolHandler, registerAppScheme, resolveAppPath, setupAppProtocol } from '../../main/protocol';
import { tempDir } from '../support/temp-dir';
import { protocol, resetElectronMock, session } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

let base: { dir: string; cleanup: () => Promise<void> };
let root: string;

beforeAll(async () => {
  base = await tempDir('od-protocol-');
  root = path.join(base.dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Outreach Desk</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A sibling whose name starts like the root: a naive prefix check would serve it.
  await mkdir(path.join(base.dir, 'renderer-secrets'), { recursive: true });
  await writeFile(path.join(base.dir, 'renderer-secrets', 'token.txt'), 'secret');
  await writeFile(path.join(base.dir, 'outside.txt'), 'secret');
});
afterAll(() => base.cleanup());
beforeEach(() => resetElectronMock());

describe('resolveAppPath', () => {
  it('maps app:// URLs into the renderer folder', () => {
    expect(resolveAppPath('app://outreach/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://outreach/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://outreach/assets/app.js?v=1#x', root)).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    'app://outreach/%2e%2e%2foutside.txt',
    'app://outreach/..%2f..%2fetc%2fpasswd',
    'app://outreach/..%2frenderer-secrets%2ftoken.txt',
    'app://outreach/assets%5c..%5c..%5coutside.txt',
    'app://outreach/index.html%00.png',
    'app://outreach/%E0%A4%A',
    'app://evil/index.html',
    'app://outreach@evil/index.html',
    'https://outreach/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('serves a mounted folder under its own first segment, and nothing outside it', () => {
    const mounts = { recovery: path.join(root, '..', 'recovery-page') };
    const mounted = path.resolve(mounts.recovery);
    expect(resolveAppPath('app://outreach/recovery/index.html', root, mounts)).toBe(path.join(mounted, 'index.html'));
    expect(resolveAppPath('app://outreach/recovery/page.js', root, mounts)).toBe(path.join(mounted, 'page.js'));
    // The URL parser resolves an encoded dot segment itself: that lands in the renderer's root, not above the mount.
    expect(resolveAppPath('app://outreach/recovery/%2E%2E/secrets.json', root, mounts)).toBe(path.join(root, 'secrets.json'));
    expect(resolveAppPath('app://outreach/recovery/%2E%2E%2Fsecrets.json', root, mounts)).toBeNull();
    // Without the mount, or for another segment, the renderer's folder answers as before.
    expect(resolveAppPath('app://outreach/recovery/index.html', root)).toBe(path.join(root, 'recovery', 'index.html'));
    expect(resolveAppPath('app://outreach/constructor/x', root, mounts)).toBe(path.join(root, 'constructor', 'x'));
  });

  it('keeps a plain ../ inside the root (the URL parser already resolved it)', () => {
    expect(resolveAppPath('app://outreach/../../outside.txt', root)).toBe(path.join(root, 'outside.txt'));
  });
});

describe('app protocol handler', () => {
  it('serves the page with the CSP and a content type', async () => {
    const handler = createAppProtocolHandler(root);
    const response = await handler(new Request('app://outreach/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Outreach Desk');
    const script = await handler(new Request('app://outreach/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, foreign hosts and missing files, without reading outside the root', async () => {
    const read = vi.fn(async () => new Uint8Array());
    const handler = createAppProtocolHandler(root, read);
    for (const url of ['app://outreach/..%2foutside.txt', 'app://outreach/..%2frenderer-secrets%2ftoken.txt', 'app://evil/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
    expect(read).not.toHaveBeenCalled();
    const missing = await createAppProtocolHandler(root)(new Request('app://outreach/nope.js'));
    expect(missing.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await createAppProtocolHandler(root)(new Request('app://outreach/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('registration', () => {
  it('registers app:// as standard and secure, without bypassing CSP', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(schemes[0]?.privileges.bypassCSP).toBeFalsy();
    expect(schemes[0]?.privileges.corsEnabled).toBeFalsy();
  });

  it('installs the handler for the app scheme', async () => {
    setupAppProtocol(root);
    const handler = session.defaultSession.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler!(new Request('app://outreach/index.html'))).status).toBe(200);
  });
});
