import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from './dispatch';
import { createHandlers } from './handlers';
import { createAppServices } from './services/app-services';
import { startWebBridge } from './web-bridge';

/**
 * `npm run web`: the real main-process services behind the loopback web bridge, for a browser preview
 * and the end-to-end tests. Data folder: OUTREACH_DESK_DATA_DIR, else ./.data.
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.OUTREACH_DESK_DATA_DIR ?? '.data');
  const staticDir = path.resolve(process.env.OUTREACH_DESK_STATIC_DIR ?? 'dist/renderer');
  const services = await createAppServices({
    dataDir,
    runtime: 'web-bridge',
    version: process.env.npm_package_version ?? '0.0.0',
  });
  services.backups.startDaily();
  const handlers = createHandlers(services, {
    // The browser opens wa.me links itself; the bridge never launches programs on the host.
    openExternal: async () => false,
    ownerUnlocked: () => services.owner.isUnlocked(),
    deviceName: process.env.OUTREACH_DESK_DEVICE_NAME ?? `${os.hostname()} (browser)`,
  });
  const dispatch = createDispatcher({
    handlers,
    ownerUnlocked: () => services.owner.isUnlocked(),
    kioskOn: () => services.kiosk.isOn(),
    logError: (channel, error) => console.error(`[${channel}]`, error instanceof Error ? error.message : error),
  });
  const bridge = await startWebBridge({
    dispatch,
    bus: services.bus,
    staticDir,
    port: Number(process.env.PORT ?? 0),
    printDocument: (id) => services.printJobs?.get(id),
  });
  console.log(`Outreach Desk web bridge: open ${bridge.url}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = async () => {
    await bridge.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
