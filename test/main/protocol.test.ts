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
