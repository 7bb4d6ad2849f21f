/**
 * Storage engine for large collections (contacts, consent events, outbox). One `DataStore` per data folder, opened by
 * the main process only (`LOCK` folder through proper-lockfile, refreshed while held). The data folder is
 * `<userData>/data` (prepareDataFolder), never Chromium's profile folder itself; folders 0700, files 0600. Files:
 * - `<name>.snapshot.jsonl` + `<name>.journal.<gen>.jsonl`: a collection (header, one record per line, footer;
 *   journal lines `{"p":record}` / `{"d":id}`), compacted in the background past a size threshold.
 * - `<name>.events.jsonl` + `.idx`: an event log, never rewritten; the binary index checkpoint lets opening skip it.
 * - `schema.json`: the schema version; migrations run at open after a `pre-migration` backup.
 * Every write resolves only after fsync; a torn or garbage tail is cut on open (whole damaged lines kept aside in
 * `*.damaged-<time>`); snapshots and checkpoints are replaced with temp + fsync + rename + fsync of the folder.
 */
export { Journal, type JournalOpenOptions, type JournalOpenReport, type JournalPosition } from './journal';
export { CollectionStore, type CollectionOptions, type StoreFile, type StoredRecord } from './collection-store';
export { EventLog, type EventLogOptions, type EventLogOpenReport } from './event-log';
export { DataStore, type DataStoreOptions, type Migration } from './data-store';
export { listBackups, pruneBackups, validateBackup, type BackupInfo, type BackupKind } from './backup';
export { ContactIndex, normalizeSearchText, type ContactSearchEntry } from './contact-index';
export { StoreError, type StoreErrorCode } from './errors';
export { prepareDataFolder, DATA_SUBFOLDER } from './data-location';
