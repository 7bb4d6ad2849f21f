import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * A packaged GUI app has no console: what main logs also goes to <logs>/main.log, which Help → Open Logs Folder
 * shows and a shop can send to support. Synchronous on purpose: it is written rarely (start-up, crashes, quitting),
 * and a line written just before a crash or an exit must not be lost in a queue. Messages only — callers never pass
 * arguments or stacks, which may carry personal data or secrets.
 */

/** Writes one line; never throws (logging must not break what it reports on). */
export type LogLine = (message: string) => void;

/** Options of {@link createLogFile}. */
export interface LogFileOptions {
  /** Rotated to main.old.log past this size (default 1 MiB), so the folder never grows without bound. */
  maxBytes?: number;
  now?: () => Date;
  /** Also echo to the console (development, and the Electron e2e runs). */
  echo?: (line: string) => void;
}

/** A logger appending to `<dir>/main.log` (0600); `dir` may be a function, asked at the first line written. */
export function createLogFile(where: string | (() => string), options: LogFileOptions = {}): LogLine {
  let dir: string | null = null;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  return (message) => {
    const line = `${now().toISOString()} ${message.replace(/\r?\n/g, ' | ')}\n`;
    options.echo?.(line.trimEnd());
    try {
      dir ??= typeof where === 'string' ? where : where();
      const file = path.join(dir, 'main.log');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      if (size + line.length > maxBytes) renameSync(file, path.join(dir, 'main.old.log'));
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // A full or read-only disk: the console echo is all there is.
    }
  };
}
