/** Opt-in collected away from the counter: JOIN codes, the widget registry entry, and the paste-in snippets. */
export * from './join-code';
export * from './widget';
export * from './labels';
export * from './optin-snippets';
export * from './optin-popup-snippet';
