/** CSV import of contacts and consent, pure: read the table, map columns, validate rows, merge by phone. */
export * from './csv-table';
export * from './header-aliases';
export * from './column-mapping';
export * from './consent-date';
export * from './cell-values';
export * from './row-problems';
export * from './validate-row';
export * from './merge-rows';
export * from './name-changes';
export * from './import-phone';
