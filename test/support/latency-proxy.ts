/**
 * A loopback HTTP proxy standing for a slow network between the app and the Cloud API emulator: each request is
 * held `delayMs` before it is forwarded, and every request is recorded with the moment it left the app (reached
 * the proxy) and the moment it reached the emulator. Consent tests compare those moments with the moment an
 * opt-out was acknowledged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy saw it. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** The parsed JSON body (undefined when it is not JSON). */
  body: unknown;
  /** performance.now() when the whole request had left the app and reached the proxy. */
  leftAppAt: number;
  /** performance.now() when it was handed to the emulator (leftAppAt + delay). */
  reachedEmulatorAt: number;
}

/** A running proxy. */
export interface LatencyProxy {
  url: string;
  /** Every request so far, in arrival order. */
  requests(): ProxiedRequest[];
  /** Changes the delay for requests that arrive from now on. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that forwards to `target` (an http:// origin) after `delayMs`. */
export async function startLatencyProxy(options: { target: string; delayMs: number }): Promise<LatencyProxy> {
  const target = new URL(options.target);
  let delay = options.delayMs;
  const seen: ProxiedRequest[] = [];
  // Forwarding reuses connections, as the app's own client does, so the proxy itself adds no connection set-up.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const leftAppAt = performance.now();
      const raw = Buffer.concat(chunks);
      let body: unknown;
      try {
        body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      const record: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', body, leftAppAt, reachedEmulatorAt: Number.NaN };
      seen.push(record);
      const forward = () => {
        record.reachedEmulatorAt = performance.now();
        const upstream = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => {
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end('proxy: upstream failed');
        });
        upstream.end(raw);
      };
      if (delay > 0) setTimeout(forward, delay);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...seen],
    setDelay: (ms) => void (delay = ms),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
