/** The one send policy: every rule of who may be sent what (see architecture.md "Where decisions live"). */
export * from './window';
export * from './category';
export * from './refresh';
export * from './can-send';
export * from './decide';
export * from './keyword-policy';
export { isMarketingBlocked, MARKETING_BLOCKED_COUNTRIES, type MarketingBlock } from '../consent/marketing-blocked-countries';
