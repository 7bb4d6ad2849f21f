/** Webhook receiver: HTTP layer and the typed events it emits. */
export * from './receiver';
export * from './events';
export * from './own-number';
export { SeenKeys } from './dedupe';
