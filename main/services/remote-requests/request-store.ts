import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { JsonDocument } from '../json-document';

/** One opt-in request sent by SMS or email, and how it ended. */
export interface RemoteRequest {
  id: string;
  contactId: string;
  phone: string;
  channel: 'sms' | 'email';
  /** Sent through the configured provider, or by staff from their own phone / mail app. */
  via: 'provider' | 'manual';
  email?: string;
  purposes: ConsentPurpose[];
  text: string;
  textVersion: number;
  locale: string;
  providerMessageId?: string;
  sentAt: string;
  status: 'pending' | 'confirmed' | 'revoked' | 'expired';
  closedAt?: string;
}

interface RequestsDoc {
  schemaVersion: number;
  requests: RemoteRequest[];
  /** Inbound SMS already handled (Twilio lists them again on every poll). */
  seenSids: string[];
}

const KEEP_SIDS = 5000;

/** remote-requests.json: the requests and the inbound SMS ids already handled. */
export class RequestStore {
  private constructor(private readonly doc: JsonDocument<RequestsDoc>) {}

  static async open(dataDir: string): Promise<RequestStore> {
    return new RequestStore(await JsonDocument.open<RequestsDoc>(dataDir, 'remote-requests.json', () => ({ schemaVersion: 1, requests: [], seenSids: [] })));
  }

  all(): readonly RemoteRequest[] {
    return this.doc.data.requests;
  }

  open(): RemoteRequest[] {
    return this.doc.data.requests.filter((r) => r.status === 'pending');
  }

  openFor(contactId: string): RemoteRequest[] {
    return this.open().filter((r) => r.contactId === contactId);
  }

  add(request: RemoteRequest): Promise<void> {
    return this.doc.update((d) => {
      d.requests.push(request);
    });
  }

  /** Closes requests that are still pending (a request is closed once). */
  close(ids: string[], status: RemoteRequest['status'], at: string): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.doc.update((d) => {
      for (const r of d.requests) if (ids.includes(r.id) && r.status === 'pending') Object.assign(r, { status, closedAt: at });
    });
  }

  seen(sid: string): boolean {
    return this.doc.data.seenSids.includes(sid);
  }

  markSeen(sid: string): Promise<void> {
    return this.doc.update((d) => {
      d.seenSids.push(sid);
      if (d.seenSids.length > KEEP_SIDS) d.seenSids.splice(0, d.seenSids.length - KEEP_SIDS);
    });
  }
}
