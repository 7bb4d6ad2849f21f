/** Which test files `npm test` runs a second time on Electron's Node (24.15), as vitest path filters. */
export declare const MAIN_PROCESS_TESTS: readonly string[];
