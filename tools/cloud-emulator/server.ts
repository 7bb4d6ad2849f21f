/** The emulator's HTTP layer: loopback server, body limits, offline modes and the /_emulator/ control routes. */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { controlRoute, createControl } from './control';
import { createEmulatorCore } from './core';
import { errorEnvelope } from './envelope';
import { checkControlRequest } from './request-guard';
import type { CloudEmulator, CloudEmulatorOptions, OfflineMode } from './types';

const MAX_BODY = 1024 * 1024;

/** Starts an emulator on 127.0.0.1 (port 0 = any free port) and resolves once it listens. */
export async function startCloudEmulator(options: CloudEmulatorOptions = {}): Promise<CloudEmulator> {
  const host = options.host ?? '127.0.0.1';
  const core = createEmulatorCore(options);
  const controlToken = options.controlToken ?? randomBytes(24).toString('hex');
  const sockets = new Set<Socket>();
  let offline: OfflineMode = false;
  let listening = false;
  let port = options.port ?? 0;
  let closed = false;
  let offlineTimer: NodeJS.Timeout | undefined;

  const server = createServer((req, res) => {
    void onRequest(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'emulator failure' });
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        if (address && typeof address === 'object') port = address.port;
        listening = true;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
    });

  async function setOffline(mode: OfflineMode): Promise<void> {
    clearTimeout(offlineTimer);
    offline = mode;
    if (mode === 'refuse') await stopListening();
    else if (!listening && !closed) await listen();
  }

  const control = createControl(core, setOffline);
  await listen();
  const url = `http://${host}:${port}`;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    const isControl = target.pathname.startsWith('/_emulator/');
    if (!isControl && offline === 'destroy') {
      req.socket.destroy();
      return;
    }
    if (isControl) {
      // Refused before the body is read: a refused caller gets nothing read or parsed on its behalf.
      const refusal = checkControlRequest(req.method ?? 'GET', req.headers, port, controlToken);
      if (refusal) {
        res.setHeader('connection', 'close');
        req.resume();
        return send(res, refusal.status, { error: refusal.error });
      }
    }
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, errorEnvelope(100, 'Request body too large').body);
    if (isControl) {
      let json: Record<string, unknown> = {};
      if (body.length > 0) {
        try {
          json = JSON.parse(body);
        } catch {
          return send(res, 400, { error: 'body must be JSON' });
        }
      }
      const answer = await controlRoute(control, req.method ?? 'GET', target.pathname.slice('/_emulator/'.length), json, async (mode, forMs) => {
        await setOffline(mode);
        if (mode !== false && forMs !== undefined) offlineTimer = setTimeout(() => void setOffline(false), forMs);
      });
      return answer ? send(res, answer.status, answer.json) : send(res, 404, { error: 'unknown control route' });
    }
    const answer = core.handle({
      method: req.method ?? 'GET',
      pathname: target.pathname,
      query: target.searchParams,
      authorization: req.headers.authorization,
      body,
      selfUrl: `${url}${target.pathname}${target.search}`,
    });
    send(res, answer.status, answer.json);
  }

  return {
    url,
    port,
    phoneNumberId: core.settings.phoneNumberId,
    wabaId: core.settings.wabaId,
    accessToken: core.settings.accessToken,
    appSecret: core.settings.appSecret,
    displayPhoneNumber: core.settings.displayPhoneNumber,
    controlToken,
    control,
    async close() {
      closed = true;
      clearTimeout(offlineTimer);
      core.poster.cancelAll();
      await stopListening();
    },
  };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, json: unknown): void {
  const text = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
