import { CONSENT_TEXT_KINDS } from '../../shared/domain/consent/texts';
import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';
import { toContactView } from '../services/consent/contact-record';
import { eventsToCsv } from '../services/consent/events-csv';
import { buildProofPack, proofPackHtml } from '../services/consent/proof-pack';

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

  async function proofPack(contactId: string) {
    const record = ledger.get(contactId);
    const { events, chain } = await ledger.history(contactId);
    const profile = services.profile.get();
    return buildProofPack({
      generatedAt: services.deps.now().toISOString(),
      business: { name: profile?.businessName ?? '', phone: profile?.phoneDisplay ?? '' },
      contact: view(record),
      chain,
      events,
      messages: [],
    });
  }

  return {
    'contacts:search': (query) => {
      const { total, records } = ledger.search(query);
      return { total, items: records.map(view) };
    },
    'contacts:get': async ({ id }) => {
      const record = ledger.get(id);
      const { events, chain } = await ledger.history(id);
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
    'export:eventsCsv': async () => ({
      fileName: `consent-events-${services.deps.now().toISOString().slice(0, 10)}.csv`,
      csv: await eventsToCsv(ledger.allEvents()),
    }),
    'export:proofPack': async ({ contactId }) => {
      const pack = await proofPack(contactId);
      return { fileName: `consent-proof-${pack.contact.phone.replace('+', '')}.json`, json: JSON.stringify(pack, null, 2) };
    },
    'export:proofPackPdf': async ({ contactId, action }) => {
      const pack = await proofPack(contactId);
      return services.printer.print(proofPackHtml(pack), { action, fileName: `consent-proof-${pack.contact.phone.replace('+', '')}.pdf` });
    },
  };
}
