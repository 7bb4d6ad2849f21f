/** The pure consent domain (consent.md): events, hash chain, derived state and send gate, keywords, texts. */
export * from './event';
export * from './hash-chain';
export * from './causal-order';
export * from './state';
export * from './marketing-blocked-countries';
export * from './keywords';
export * from './texts';
