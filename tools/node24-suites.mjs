// Which test files `npm test` runs a second time on Electron's Node (24.15), as vitest path filters.

/*
 * On Node 24: the suites whose code meets Node's own APIs, where a runtime difference would show — files and fsync
 * (store, backups, secrets, settings, crash and kill tests), http servers and fetch (webhook receiver, Cloud API
 * client, Twilio/SMTP, web bridge), crypto (consent chains, PIN hashing), child processes, and the built bundle's
 * start-up. The long emulator-driven behaviour suites (campaigns, inbox, stats…) are plain JavaScript on top of
 * those and run on Node 20 only, which keeps CI well inside its time budget. shared/ is pure and runtime-free.
 */
export const MAIN_PROCESS_TESTS = [
  ...['dispatch', 'ipc', 'menu', 'network-fetch', 'preload', 'protocol', 'security', 'startup', 'web-bridge', 'window'].map((f) => `test/main/${f}`),
  ...['electron/', 'recovery/', 'handlers/'].map((d) => `test/main/${d}`),
  ...['store/', 'webhook/', 'cloud/', 'remote-requests/', 'consent/', 'outbox/crash', 'outbox/recovery'].map((d) => `test/main/services/${d}`),
  ...['backup-service', 'secret-vault', 'settings-store', 'owner-session', 'pin-attempts', 'kiosk-mode', 'qr-png', 'update-'].map((f) => `test/main/services/${f}`),
];
