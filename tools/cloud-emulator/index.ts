/** The WhatsApp Cloud API emulator for tests, benchmarks and the app's sandbox mode. */
export { startCloudEmulator } from './server';
export { defaultTemplates } from './catalogue';
export type * from './types';
