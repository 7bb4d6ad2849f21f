import { createDispatcher, type Dispatch } from '../../main/dispatch';
import { createHandlers } from '../../main/handlers';
import { createAppServices, type AppServices, type ServiceDeps } from '../../main/services/app-services';
import { tempDir } from './temp-dir';

/** Real services on a temp data folder behind the real dispatcher, as both transports use them. */
export async function openHarness(deps: Partial<ServiceDeps> = {}): Promise<{
  services: AppServices;
  dispatch: Dispatch;
  errors: unknown[];
  close: () => Promise<void>;
}> {
  const { dir, cleanup } = await tempDir();
  const services = await createAppServices({ dataDir: dir, runtime: 'web-bridge', version: 'test', ...deps });
  const errors: unknown[] = [];
  const dispatch = createDispatcher({
    handlers: createHandlers(services, { openExternal: async () => true, ownerUnlocked: () => services.owner.isUnlocked(), deviceName: 'test till' }),
    ownerUnlocked: () => services.owner.isUnlocked(),
    kioskOn: () => services.kiosk.isOn(),
    logError: (_channel, error) => errors.push(error),
  });
  return {
    services,
    dispatch,
    errors,
    close: async () => {
      await services.close();
      await cleanup();
    },
  };
}
