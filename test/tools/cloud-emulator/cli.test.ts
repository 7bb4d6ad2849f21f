import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

describe('emulator CLI', () => {
  it('starts standalone, prints where it listens and serves the API', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/cloud-emulator/cli.ts', '--port', '0', '--token', 'cli-token'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
      const info = JSON.parse(chunk.toString().split('\n')[0]!);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const phone = await fetch(`${info.url}/v23.0/${info.phoneNumberId}`, { headers: { authorization: 'Bearer cli-token' } });
      expect(await phone.json()).toMatchObject({ id: info.phoneNumberId, verified_name: 'Lucky Shrub' });
      // Its control routes answer only with the per-run token it printed.
      expect(info.controlToken).toMatch(/^[0-9a-f]{48}$/);
      expect((await fetch(`${info.url}/_emulator/sent`)).status).toBe(401);
      expect((await fetch(`${info.url}/_emulator/sent`, { headers: { 'x-emulator-token': info.controlToken } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
