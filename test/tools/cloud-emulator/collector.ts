/** Test helper: a loopback HTTP endpoint that records every webhook POST the emulator makes. */
import { createServer } from 'node:http';

export interface Collected {
  body: string;
  json: any;
  signature: string | undefined;
}

/** Starts a collector; `answer` decides the HTTP status of each POST (default 200). */
export async function startCollector(answer: (n: number) => number = () => 200) {
  const posts: Collected[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      posts.push({ body, json: JSON.parse(body), signature: req.headers['x-hub-signature-256'] as string | undefined });
      res.writeHead(answer(posts.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/webhook`,
    posts,
    statuses: () => posts.flatMap((p) => (p.json.entry[0].changes[0].value.statuses ?? []) as any[]),
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
