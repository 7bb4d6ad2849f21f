import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';
import { toContactView } from '../services/consent/contact-record';

type RemoteOptInChannels =
  | 'optInWidgets:list'
  | 'optInWidgets:create'
  | 'optInWidgets:snippet'
  | 'remoteOptIns:preview'
  | 'remoteOptIns:send'
  | 'remoteOptIns:pending'
  | 'remoteOptIns:markYes'
  | 'remoteOptIns:poll'
  | 'remoteOptIns:settings'
  | 'remoteOptIns:saveSettings'
  | 'remoteOptIns:keywords'
  | 'remoteOptIns:saveKeywords';

/** Opt-in widgets, SMS / email requests with double opt-in, provider settings (secrets stay in main) and keywords. */
export function remoteOptInHandlers(services: AppServices): Pick<Handlers, RemoteOptInChannels> {
  const { widgets, remoteRequests, remoteSettings, bus } = services;
  const view = (record: Parameters<typeof toContactView>[0]) => toContactView(record, services.deps.now().getTime());
  const changed = () => bus.emit('data:changed', { domain: 'contacts' });
  return {
    'optInWidgets:list': () => widgets.list(),
    'optInWidgets:create': (input) => widgets.create(input),
    'optInWidgets:snippet': ({ code }) => widgets.snippet(code),
    'remoteOptIns:preview': (input) => remoteRequests.preview(input),
    'remoteOptIns:send': async (input) => {
      const { request, contact } = await remoteRequests.send(input);
      changed();
      return { request, contact: view(contact) };
    },
    'remoteOptIns:pending': () => remoteRequests.pending(),
    'remoteOptIns:markYes': async (input) => {
      const record = await remoteRequests.markYes(input);
      changed();
      return view(record);
    },
    'remoteOptIns:poll': () => remoteRequests.poll(),
    'remoteOptIns:settings': () => remoteSettings.view(),
    'remoteOptIns:saveSettings': (input) => remoteSettings.save(input),
    'remoteOptIns:keywords': () => remoteSettings.keywords(),
    'remoteOptIns:saveKeywords': (input) => remoteSettings.saveKeywords(input),
  };
}
