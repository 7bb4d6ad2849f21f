/** Runs the emulator standalone: `npx tsx tools/cloud-emulator/cli.ts --port 8787 --webhook-url http://127.0.0.1:8788/webhook`. */
import { parseArgs } from 'node:util';
import { startCloudEmulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'webhook-url': { type: 'string' },
    token: { type: 'string' },
    'app-secret': { type: 'string' },
    throughput: { type: 'string' },
    'pair-interval-ms': { type: 'string' },
    'control-token': { type: 'string' },
  },
});

const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

const emulator = await startCloudEmulator({
  port: num(values.port),
  webhookUrl: values['webhook-url'] ?? null,
  accessToken: values.token,
  appSecret: values['app-secret'],
  throughputPerSecond: num(values.throughput),
  pairIntervalMs: num(values['pair-interval-ms']),
  ...(values['control-token'] ? { controlToken: values['control-token'] } : {}),
});

// One JSON line so scripts (Playwright's webServer, the bridge) can read where it listens.
console.log(
  JSON.stringify({
    url: emulator.url,
    port: emulator.port,
    phoneNumberId: emulator.phoneNumberId,
    wabaId: emulator.wabaId,
    accessToken: emulator.accessToken,
    // The /_emulator/ routes need it in the x-emulator-token header.
    controlToken: emulator.controlToken,
    appSecretSet: true,
  }),
);

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
