import type { Messages } from './en';
import * as contacts from './hi/contacts';
import * as counter from './hi/counter';
import * as settingsSections from './hi/settings';
import * as entryPoints from './hi/entry-points';
import * as remoteOptIns from './hi/remote-optins';
import * as importSection from './hi/import';
import * as messagesSection from './hi/messages';
import * as dashboardSection from './hi/dashboard';
import * as campaignsSection from './hi/campaigns';
import * as gettingStartedSection from './hi/getting-started';

/** Hindi (Devanagari). */
export const hi: Messages = {
  app: {
    name: 'Outreach Desk',
    skipToContent: 'सीधे मुख्य हिस्से पर जाएँ',
    sandboxBadge: 'टेस्ट मोड: असली ग्राहकों को कुछ नहीं भेजा जाता',
    loading: 'लोड हो रहा है…',
  },
  nav: {
    label: 'मुख्य',
    today: 'आज',
    entryPoints: 'एंट्री पॉइंट',
    posters: 'पोस्टर',
    counter: 'काउंटर',
    contacts: 'संपर्क',
    optIns: 'सहमति टूल',
    templates: 'टेम्पलेट',
    campaigns: 'कैंपेन',
    settings: 'सेटिंग्स',
    gettingStarted: 'शुरुआत करें',
    kiosk: 'कियॉस्क',
  },
  common: {
    save: 'सेव करें',
    saving: 'सेव हो रहा है…',
    saved: 'सेव हो गया।',
    cancel: 'रद्द करें',
    required: 'ज़रूरी',
    errorPrefix: 'सेव नहीं हो सका:',
  },
  profile: {
    businessName: 'दुकान / बिज़नेस का नाम',
    businessNameHint: 'जिस नाम से ग्राहक आपको जानते हैं। यह हर सहमति टेक्स्ट में दिखता है।',
    country: 'देश',
    phone: 'WhatsApp नंबर',
    phoneHint: 'वह नंबर जिस पर ग्राहक मैसेज करेंगे। जैसे डायल करते हैं वैसे ही लिखें; हम इसे अंतरराष्ट्रीय फ़ॉर्मैट में सेव करते हैं।',
    language: 'भाषा',
    mode: 'आप कैसे शुरू करना चाहते हैं?',
    modeSandbox: 'सब कुछ टेस्ट मोड में आज़माएँ (Meta अकाउंट की ज़रूरत नहीं; असली ग्राहकों तक कुछ नहीं जाता)',
    modeLater: 'मैं सेटिंग्स में अपना WhatsApp Cloud API अकाउंट जोड़ूँगा',
  },
  wizard: {
    title: 'Outreach Desk में आपका स्वागत है',
    intro: 'अपनी दुकान के बारे में बताएँ। यह सब आप बाद में सेटिंग्स में बदल सकते हैं।',
    submit: 'सेव करें और आगे बढ़ें',
  },
  settings: {
    title: 'सेटिंग्स',
    profileSection: 'बिज़नेस प्रोफ़ाइल',
    dataSection: 'डेटा फ़ोल्डर',
    dataFolderIs: 'आपका डेटा {{path}} में रखा है।',
    submit: 'बदलाव सेव करें',
    savedNumber: 'सेव किया गया नंबर: {{phone}}',
  },
  entryPoints: entryPoints.hi,
  counter: counter.hi,
  contacts: contacts.hi,
  backups: settingsSections.hi,
  remoteOptIns: remoteOptIns.hi,
  import: importSection.hi,
  messages: messagesSection.hi,
  dashboard: dashboardSection.hi,
  campaigns: campaignsSection.hi,
  gettingStarted: gettingStartedSection.hi,
  languages: {
    en: 'English',
    es: 'Español',
    pt: 'Português',
    hi: 'हिन्दी',
  },
};
