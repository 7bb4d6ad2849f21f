import type { en } from '../sections/getting-started';

/** Hindi wording for the Getting started checklist. */
export const hi: typeof en = {
  title: 'शुरुआत करें',
  intro: 'चार पहले कदम। हर कदम पूरा करते ही अपने-आप टिक हो जाता है।',
  progress: '{{total}} में से {{done}} पूरे',
  done: '(पूरा)',
  todo: '(बाकी)',
  steps: {
    poster: { title: 'QR पोस्टर बनाएँ', hint: 'ग्राहक काउंटर पर इसे स्कैन करके चैट शुरू करते हैं और आपके संदेशों के लिए सहमति देते हैं।', action: 'पोस्टर बनाएँ' },
    optIn: { title: 'पहली सहमति दर्ज करें', hint: 'उस ग्राहक को दर्ज करें जो आपके संदेश पाने के लिए सहमत है, सबूत के साथ।', action: 'काउंटर खोलें' },
    testMessage: { title: 'टेस्ट संदेश भेजें', hint: 'सहमति देने वाले ग्राहक को संदेश भेजें (सैंडबॉक्स में असली फ़ोन तक कुछ नहीं जाता)।', action: 'संपर्क खोलें' },
    connect: { title: 'तैयार होने पर WhatsApp जोड़ें', hint: 'असली ग्राहकों को भेजने के लिए WhatsApp Business की जानकारी डालें। तब तक सैंडबॉक्स सुरक्षित है।', action: 'सेटिंग्स खोलें' },
  },
};
