import { CONSENT_TEXT_KINDS } from '../../shared/domain/consent/texts';
import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';
import { anchorOf } from '../../shared/domain/consent/hash-chain';
import { ledgerHeads } from '../services/consent/anchors-log';
import { toContactView } from '../services/consent/contact-record';
import { eventsToCsv } from '../services/consent/events-csv';
import { buildProofPack } from '../services/consent/proof-pack';
import { proofPackDocument } from '../services/consent/proof-pack-document';
import { conversation } from '../services/messaging/conversation';

type ContactChannels =
  | 'contacts:search'
  | 'contacts:get'
  | 'contacts:setTags'
  | 'contacts:tags'
  | 'consent:statement'
  | 'consent:optInInPerson'
  | 'consent:kioskOptIn'
  | 'consent:toggle'
  | 'consent:stopOnBehalf'
  | 'consent:texts'
  | 'consent:saveText'
  | 'export:eventsCsv'
  | 'export:proofPack'
  | 'export:proofPackPdf';

/** Contacts, consent and export channels. */
export function contactHandlers(services: AppServices, deviceName: string): Pick<Handlers, ContactChannels> {
  const { ledger, optIns, bus } = services;
  const now = () => services.deps.now().getTime();
  const view = (record: Parameters<typeof toContactView>[0]) => toContactView(record, now());
  const changed = () => bus.emit('data:changed', { domain: 'contacts' });

  /** A contact's events with one verdict: the chain by itself, then against the app's last anchor of it. */
  async function verifiedHistory(contactId: string) {
    const { events, chain } = await ledger.history(contactId);
    if (!chain.ok) return { events, chain };
    const anchored = services.anchors.check(contactId, events);
    return { events, chain: anchored.ok ? chain : { ok: false, message: anchored.message } };
  }

  async function proofPack(contactId: string) {
    const record = ledger.get(contactId);
    const { events, chain } = await verifiedHistory(contactId);
    const profile = services.profile.get();
    // The pack carries the anchor written for it, so whoever keeps the pack can later catch dropped or re-sealed events.
    const shopAnchor = await services.anchors.anchor('proof_pack', ledgerHeads(ledger));
    const { messaging, inbox, templates } = services;
    return buildProofPack({
      generatedAt: services.deps.now().toISOString(),
      business: { name: profile?.businessName ?? '', phone: profile?.phoneDisplay ?? '' },
      contact: view(record),
      chain,
      anchor: anchorOf(events),
      shopAnchor,
      events,
      conversation: conversation({ outbox: messaging.outbox, inbound: inbox.messages, templates }, contactId, 1000),
    });
  }

  return {
    'contacts:search': (query) => {
      const { total, records } = ledger.search(query);
      return { total, items: records.map(view) };
    },
    'contacts:get': async ({ id }) => {
      const record = ledger.get(id);
      const { events, chain } = await verifiedHistory(id);
      return { contact: view(record), events, chain };
    },
    'contacts:setTags': async ({ id, tags }) => {
      const record = await ledger.setTags(id, tags);
      changed();
      return view(record);
    },
    'contacts:tags': () => ledger.tags(),
    'consent:statement': ({ purposes, locale, phone }) =>
      optIns.statement(purposes, locale ?? services.profile.get()?.locale ?? 'en', phone),
    'consent:optInInPerson': async (input) => {
      const { record, created } = await optIns.optInInPerson({ ...input, source: 'counter', deviceName });
      changed();
      return { contact: view(record), created, welcomeQueued: false };
    },
    'consent:kioskOptIn': async (input) => {
      const { record, created } = await optIns.optInInPerson({
        ...input,
        source: 'kiosk',
        staffMember: 'self-service kiosk',
        deviceName,
      });
      changed();
      return { contact: view(record), created, welcomeQueued: false };
    },
    'consent:toggle': async (input) => {
      const record = await optIns.toggle(input);
      changed();
      return view(record);
    },
    'consent:stopOnBehalf': async (input) => {
      const record = await optIns.stopOnBehalf(input);
      changed();
      return view(record);
    },
    'consent:texts': async ({ locale }) => ({
      current: await Promise.all(CONSENT_TEXT_KINDS.map((kind) => services.texts.current(kind, locale))),
      history: services.texts.history().filter((v) => v.locale === locale),
    }),
    'consent:saveText': ({ kind, locale, text, edits }) => services.texts.save(kind, locale, text, edits),
    'export:eventsCsv': async () => {
      // Anchored first and named after the anchor: the file's heads can be matched to that line of the anchors log.
      const anchor = await services.anchors.anchor('events_csv', ledgerHeads(ledger));
      return {
        fileName: `consent-events-${services.deps.now().toISOString().slice(0, 10)}-anchor-${anchor.seq}-${anchor.root.slice(0, 12)}.csv`,
        csv: await eventsToCsv(ledger.allEvents()),
      };
    },
    'export:proofPack': async ({ contactId }) => {
      const pack = await proofPack(contactId);
      return { fileName: `consent-proof-${pack.contact.phone.replace('+', '')}.json`, json: JSON.stringify(pack, null, 2) };
    },
    'export:proofPackPdf': async ({ contactId, action }) => {
      const pack = await proofPack(contactId);
      // Printed for people in the shop's language and this PC's time zone; the JSON export keeps the codes.
      return services.printer.print(proofPackDocument(pack, { locale: services.profile.get()?.locale }), { action, fileName: `consent-proof-${pack.contact.phone.replace('+', '')}.pdf` });
    },
  };
}
