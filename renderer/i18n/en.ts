import * as contacts from './sections/contacts';
import * as counter from './sections/counter';
import * as settingsSections from './sections/settings';
import * as entryPoints from './sections/entry-points';
import * as remoteOptIns from './sections/remote-optins';
import * as importSection from './sections/import';
import * as messagesSection from './sections/messages';
import * as dashboardSection from './sections/dashboard';
import * as campaignsSection from './sections/campaigns';
import * as gettingStartedSection from './sections/getting-started';

/** English: the source language; every other language must have exactly these keys (checked by type and test). */
export const en = {
  app: {
    name: 'Outreach Desk',
    skipToContent: 'Skip to content',
    sandboxBadge: 'Sandbox: nothing is sent to real customers',
    loading: 'Loading…',
  },
  nav: {
    label: 'Main',
    today: 'Today',
    entryPoints: 'Entry points',
    posters: 'Posters',
    counter: 'Counter',
    contacts: 'Contacts',
    optIns: 'Consent tools',
    templates: 'Templates',
    campaigns: 'Campaigns',
    settings: 'Settings',
    gettingStarted: 'Getting started',
    kiosk: 'Kiosk',
  },
  common: {
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    cancel: 'Cancel',
    required: 'required',
    errorPrefix: 'Could not save:',
  },
  profile: {
    businessName: 'Business name',
    businessNameHint: 'The name customers know you by. It appears in every consent text.',
    country: 'Country',
    phone: 'WhatsApp number',
    phoneHint: 'The number customers will message. Type it as you would dial it; we store it in international form.',
    language: 'Language',
    mode: 'How do you want to start?',
    modeSandbox: 'Try everything in sandbox mode (no Meta account needed; nothing reaches real customers)',
    modeLater: 'I will connect my WhatsApp Cloud API account in Settings',
  },
  wizard: {
    title: 'Welcome to Outreach Desk',
    intro: 'Tell us about your shop. You can change all of this later in Settings.',
    submit: 'Save and continue',
  },
  settings: {
    title: 'Settings',
    profileSection: 'Business profile',
    dataSection: 'Data folder',
    dataFolderIs: 'Your data is kept in {{path}}.',
    submit: 'Save changes',
    savedNumber: 'Saved number: {{phone}}',
  },
  entryPoints: entryPoints.en,
  counter: counter.en,
  contacts: contacts.en,
  backups: settingsSections.en,
  remoteOptIns: remoteOptIns.en,
  import: importSection.en,
  messages: messagesSection.en,
  dashboard: dashboardSection.en,
  campaigns: campaignsSection.en,
  gettingStarted: gettingStartedSection.en,
  languages: {
    en: 'English',
    es: 'Español',
    pt: 'Português',
    hi: 'हिन्दी',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every translation must have. */
export type Messages = Widen<typeof en>;
