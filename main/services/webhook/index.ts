/** Webhook receiver: HTTP layer and the typed events it emits. */
export * from './receiver';
export * from './events';
export { SeenKeys } from './dedupe';
