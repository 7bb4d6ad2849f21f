import { randomBytes } from 'node:crypto';
import type { PrintOutcome } from '../../shared/contract/entry-points';

/** Prints or saves a finished HTML document; Electron prints from a hidden window, the browser build hands back a URL. */
export interface PosterPrinter {
  print(html: string, options: { action: 'print' | 'pdf'; fileName: string }): Promise<PrintOutcome>;
}

/**
 * The web bridge's printer: keeps the document under an unguessable one-time-ish id that the bridge serves
 * at /print/<id>, so the browser's own print dialog (which also saves PDFs) does the printing.
 */
export class PrintJobs implements PosterPrinter {
  private readonly jobs = new Map<string, { html: string; at: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly keepMs = 30 * 60_000,
  ) {}

  async print(html: string): Promise<PrintOutcome> {
    this.prune();
    const id = randomBytes(16).toString('hex');
    this.jobs.set(id, { html, at: this.now().getTime() });
    return { kind: 'open', url: `/print/${id}` };
  }

  /** The document of a job, or undefined when unknown or expired. */
  get(id: string): string | undefined {
    this.prune();
    return this.jobs.get(id)?.html;
  }

  private prune(): void {
    const cutoff = this.now().getTime() - this.keepMs;
    for (const [id, job] of this.jobs) if (job.at < cutoff) this.jobs.delete(id);
  }
}
