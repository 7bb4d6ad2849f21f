import type { ConsentEventType, ConsentMethod, ConsentPurpose } from '../../../shared/domain/consent/event';

/**
 * The words of the printed proof pack in the shop's four languages. The PDF is read by a customer or a regulator,
 * so it says what happened in plain words; the JSON keeps the codes for tools. Statement texts are never translated:
 * they are printed exactly as the customer saw them.
 */
export interface ProofWords {
  title: string;
  intro: string;
  generated: string;
  page: string;
  of: string;
  contact: string;
  name: string;
  number: string;
  current: string;
  states: Record<'none' | 'pending' | 'opted_in' | 'opted_out', string>;
  purposes: Record<ConsentPurpose, string>;
  integrity: string;
  chainOk: (count: number) => string;
  chainBroken: string;
  events: string;
  noEvents: string;
  types: Record<ConsentEventType, string>;
  explain: Record<ConsentEventType, string>;
  methods: Record<ConsentMethod, string>;
  occurred: string;
  recorded: string;
  how: string;
  source: string;
  by: string;
  statement: string;
  statementNote: string;
  evidence: string;
  technical: string;
  messages: string;
  noMessages: string;
  fromCustomer: string;
  toCustomer: string;
  when: string;
  direction: string;
  message: string;
  status: string;
  verify: string;
  verifyIntro: string;
  timeZone: string;
  stateAfter: string;
  /** A confirmation that could not reopen an earlier STOP: it is recorded, but permission stayed as it was. */
  notApplied: string;
}

const EN: ProofWords = {
  title: 'Record of consent to WhatsApp messages',
  intro: 'This document shows when and how this person agreed to receive WhatsApp messages from the business, or withdrew that agreement, and what was sent to them. It was produced from the business\'s tamper-evident records.',
  generated: 'Produced on',
  page: 'Page',
  of: 'of',
  contact: 'The person',
  name: 'Name',
  number: 'WhatsApp number',
  current: 'Current permission',
  states: { opted_in: 'Agreed', pending: 'Asked, no answer yet', opted_out: 'Withdrawn', none: 'Never asked' },
  purposes: { marketing: 'Offers and news (marketing)', utility: 'Order and appointment updates' },
  integrity: 'Is the record complete and unaltered?',
  chainOk: (n) => `Yes. Each of the ${n} entries is sealed with a fingerprint of the one before it (SHA-256); the check found none changed, removed or reordered.`,
  chainBroken: 'No. The check found that entries were changed, removed or reordered:',
  events: 'What happened, in order',
  noEvents: 'Nothing has been recorded for this person.',
  types: { requested: 'Asked for permission', confirmed: 'Agreed', welcomed: 'Welcome message sent', revoked: 'Withdrew permission', expired: 'Permission expired', bounced: 'Number could not receive messages' },
  explain: {
    requested: 'The business asked this person whether they want these messages. Nothing may be sent until they agree.',
    confirmed: 'The person agreed to receive these messages. The text they saw is printed below, exactly as shown to them.',
    welcomed: 'The business sent the first message after the person agreed, confirming the subscription and how to stop it.',
    revoked: 'The person said they no longer want these messages (for example by replying STOP). No more are sent.',
    expired: 'The permission lapsed because it was not used or renewed within the allowed time. No more messages are sent.',
    bounced: 'WhatsApp reported that this number cannot receive messages. Sending stopped.',
  },
  methods: {
    in_person: 'in person, in the shop', sms_keyword: 'by replying to a text message', sms_double_opt_in: 'by text message, confirmed twice',
    email_link: 'through a link in an email', web_widget: 'through a form on the business\'s website', web_popup: 'through a pop-up on the business\'s website',
    in_app_toggle: 'changed by the business in its app', whatsapp_keyword: 'by sending a keyword on WhatsApp', whatsapp_button: 'by tapping a button on WhatsApp',
    import: 'from a list the business imported', staff: 'recorded by a member of staff', sandbox: 'test mode (not a customer\'s action)',
  },
  occurred: 'When', recorded: 'Recorded', how: 'How', source: 'Where', by: 'Recorded by',
  statement: 'Text the person saw', statementNote: 'version {version}, language {lang}',
  evidence: 'Supporting details', technical: 'Technical reference',
  messages: 'Messages', noMessages: 'No messages.', fromCustomer: 'From the person', toCustomer: 'To the person',
  when: 'When', direction: 'Direction', message: 'Message', status: 'Status',
  verify: 'How to check this record independently',
  verifyIntro: 'Anyone can check that this record was not altered, using the JSON file exported with it and any SHA-256 tool:',
  timeZone: 'Times are shown in {zone}.',
  stateAfter: 'Permission after this',
  notApplied: 'not applied: permission stayed “{state}”',
};

const ES: ProofWords = {
  ...EN,
  title: 'Registro del consentimiento para mensajes de WhatsApp',
  intro: 'Este documento muestra cuándo y cómo esta persona aceptó recibir mensajes de WhatsApp del negocio, o retiró su aceptación, y qué se le envió. Se generó a partir de los registros a prueba de manipulación del negocio.',
  generated: 'Generado el', page: 'Página', of: 'de', contact: 'La persona', name: 'Nombre', number: 'Número de WhatsApp', current: 'Permiso actual',
  states: { opted_in: 'Aceptado', pending: 'Preguntado, sin respuesta', opted_out: 'Retirado', none: 'Nunca preguntado' },
  purposes: { marketing: 'Ofertas y novedades (marketing)', utility: 'Avisos de pedidos y citas' },
  integrity: '¿Está el registro completo y sin alterar?',
  chainOk: (n) => `Sí. Cada una de las ${n} entradas está sellada con una huella de la anterior (SHA-256); la comprobación no encontró ninguna cambiada, eliminada ni reordenada.`,
  chainBroken: 'No. La comprobación encontró entradas cambiadas, eliminadas o reordenadas:',
  events: 'Qué ocurrió, en orden', noEvents: 'No hay nada registrado para esta persona.',
  types: { requested: 'Se pidió permiso', confirmed: 'Aceptó', welcomed: 'Mensaje de bienvenida enviado', revoked: 'Retiró el permiso', expired: 'El permiso caducó', bounced: 'El número no podía recibir mensajes' },
  explain: {
    requested: 'El negocio preguntó a esta persona si quiere estos mensajes. No se puede enviar nada hasta que acepte.',
    confirmed: 'La persona aceptó recibir estos mensajes. El texto que vio se imprime abajo, exactamente como se le mostró.',
    welcomed: 'El negocio envió el primer mensaje tras la aceptación, confirmando la suscripción y cómo darse de baja.',
    revoked: 'La persona dijo que ya no quiere estos mensajes (por ejemplo, respondiendo BAJA). No se envían más.',
    expired: 'El permiso caducó por no usarse ni renovarse en el plazo permitido. No se envían más mensajes.',
    bounced: 'WhatsApp informó de que este número no puede recibir mensajes. Se dejó de enviar.',
  },
  methods: {
    in_person: 'en persona, en la tienda', sms_keyword: 'respondiendo a un SMS', sms_double_opt_in: 'por SMS, confirmado dos veces',
    email_link: 'con un enlace en un correo', web_widget: 'con un formulario en la web del negocio', web_popup: 'con una ventana emergente en la web del negocio',
    in_app_toggle: 'cambiado por el negocio en su aplicación', whatsapp_keyword: 'enviando una palabra clave por WhatsApp', whatsapp_button: 'pulsando un botón en WhatsApp',
    import: 'de una lista importada por el negocio', staff: 'registrado por un empleado', sandbox: 'modo de prueba (no es un acto del cliente)',
  },
  occurred: 'Cuándo', recorded: 'Registrado', how: 'Cómo', source: 'Dónde', by: 'Registrado por',
  statement: 'Texto que vio la persona', statementNote: 'versión {version}, idioma {lang}',
  evidence: 'Detalles de apoyo', technical: 'Referencia técnica',
  messages: 'Mensajes', noMessages: 'Sin mensajes.', fromCustomer: 'De la persona', toCustomer: 'A la persona',
  when: 'Cuándo', direction: 'Sentido', message: 'Mensaje', status: 'Estado',
  verify: 'Cómo comprobar este registro por su cuenta',
  verifyIntro: 'Cualquiera puede comprobar que este registro no se alteró, con el archivo JSON exportado junto a él y cualquier herramienta SHA-256:',
  timeZone: 'Las horas se muestran en {zone}.',
  stateAfter: 'Permiso después de esto',
  notApplied: 'sin efecto: el permiso siguió «{state}»',
};

const PT: ProofWords = {
  ...EN,
  title: 'Registro do consentimento para mensagens de WhatsApp',
  intro: 'Este documento mostra quando e como esta pessoa aceitou receber mensagens de WhatsApp da empresa, ou retirou o aceite, e o que lhe foi enviado. Foi gerado a partir dos registros à prova de adulteração da empresa.',
  generated: 'Gerado em', page: 'Página', of: 'de', contact: 'A pessoa', name: 'Nome', number: 'Número de WhatsApp', current: 'Permissão atual',
  states: { opted_in: 'Aceita', pending: 'Perguntado, sem resposta', opted_out: 'Retirada', none: 'Nunca perguntado' },
  purposes: { marketing: 'Ofertas e novidades (marketing)', utility: 'Avisos de pedidos e agendamentos' },
  integrity: 'O registro está completo e sem alterações?',
  chainOk: (n) => `Sim. Cada um dos ${n} registros é selado com uma impressão digital do anterior (SHA-256); a verificação não encontrou nenhum alterado, removido ou reordenado.`,
  chainBroken: 'Não. A verificação encontrou registros alterados, removidos ou reordenados:',
  events: 'O que aconteceu, em ordem', noEvents: 'Nada foi registrado para esta pessoa.',
  types: { requested: 'Permissão pedida', confirmed: 'Aceitou', welcomed: 'Mensagem de boas-vindas enviada', revoked: 'Retirou a permissão', expired: 'A permissão expirou', bounced: 'O número não podia receber mensagens' },
  explain: {
    requested: 'A empresa perguntou a esta pessoa se quer estas mensagens. Nada pode ser enviado até ela aceitar.',
    confirmed: 'A pessoa aceitou receber estas mensagens. O texto que ela viu está impresso abaixo, exatamente como lhe foi mostrado.',
    welcomed: 'A empresa enviou a primeira mensagem após o aceite, confirmando a inscrição e como cancelá-la.',
    revoked: 'A pessoa disse que não quer mais estas mensagens (por exemplo, respondendo SAIR). Nenhuma outra é enviada.',
    expired: 'A permissão expirou por não ter sido usada nem renovada no prazo permitido. Nenhuma outra mensagem é enviada.',
    bounced: 'O WhatsApp informou que este número não pode receber mensagens. O envio parou.',
  },
  methods: {
    in_person: 'pessoalmente, na loja', sms_keyword: 'respondendo a um SMS', sms_double_opt_in: 'por SMS, confirmado duas vezes',
    email_link: 'por um link num e-mail', web_widget: 'por um formulário no site da empresa', web_popup: 'por uma janela no site da empresa',
    in_app_toggle: 'alterado pela empresa no aplicativo', whatsapp_keyword: 'enviando uma palavra-chave no WhatsApp', whatsapp_button: 'tocando num botão no WhatsApp',
    import: 'de uma lista importada pela empresa', staff: 'registrado por um funcionário', sandbox: 'modo de teste (não é um ato do cliente)',
  },
  occurred: 'Quando', recorded: 'Registrado', how: 'Como', source: 'Onde', by: 'Registrado por',
  statement: 'Texto que a pessoa viu', statementNote: 'versão {version}, idioma {lang}',
  evidence: 'Detalhes de apoio', technical: 'Referência técnica',
  messages: 'Mensagens', noMessages: 'Sem mensagens.', fromCustomer: 'Da pessoa', toCustomer: 'Para a pessoa',
  when: 'Quando', direction: 'Sentido', message: 'Mensagem', status: 'Situação',
  verify: 'Como verificar este registro de forma independente',
  verifyIntro: 'Qualquer pessoa pode verificar que este registro não foi alterado, com o arquivo JSON exportado junto e qualquer ferramenta SHA-256:',
  timeZone: 'Os horários estão em {zone}.',
  stateAfter: 'Permissão depois disto',
  notApplied: 'sem efeito: a permissão continuou “{state}”',
};

const HI: ProofWords = {
  ...EN,
  title: 'व्हाट्सऐप संदेशों की सहमति का रिकॉर्ड',
  intro: 'यह दस्तावेज़ दिखाता है कि इस व्यक्ति ने व्यवसाय से व्हाट्सऐप संदेश पाने की सहमति कब और कैसे दी या वापस ली, और उन्हें क्या भेजा गया। यह व्यवसाय के छेड़छाड़-रोधी रिकॉर्ड से बनाया गया है।',
  generated: 'बनाया गया', page: 'पृष्ठ', of: 'में से', contact: 'व्यक्ति', name: 'नाम', number: 'व्हाट्सऐप नंबर', current: 'वर्तमान अनुमति',
  states: { opted_in: 'सहमति दी', pending: 'पूछा गया, जवाब नहीं', opted_out: 'वापस ली', none: 'कभी नहीं पूछा' },
  purposes: { marketing: 'ऑफ़र और खबरें (मार्केटिंग)', utility: 'ऑर्डर और अपॉइंटमेंट की सूचनाएँ' },
  integrity: 'क्या रिकॉर्ड पूरा और बिना बदलाव का है?',
  chainOk: (n) => `हाँ। सभी ${n} प्रविष्टियाँ पिछली प्रविष्टि की छाप (SHA-256) से सील हैं; जाँच में कोई बदली, हटाई या आगे-पीछे की गई प्रविष्टि नहीं मिली।`,
  chainBroken: 'नहीं। जाँच में बदली, हटाई या आगे-पीछे की गई प्रविष्टियाँ मिलीं:',
  events: 'क्रम से क्या हुआ', noEvents: 'इस व्यक्ति के लिए कुछ दर्ज नहीं है।',
  types: { requested: 'अनुमति माँगी गई', confirmed: 'सहमति दी', welcomed: 'स्वागत संदेश भेजा गया', revoked: 'अनुमति वापस ली', expired: 'अनुमति समाप्त हुई', bounced: 'नंबर पर संदेश नहीं पहुँच सके' },
  explain: {
    requested: 'व्यवसाय ने इस व्यक्ति से पूछा कि क्या वे ये संदेश चाहते हैं। सहमति से पहले कुछ नहीं भेजा जा सकता।',
    confirmed: 'व्यक्ति ने ये संदेश पाने की सहमति दी। उन्होंने जो टेक्स्ट देखा, वह नीचे हूबहू छपा है।',
    welcomed: 'सहमति के बाद व्यवसाय ने पहला संदेश भेजा, जिसमें सदस्यता और उसे बंद करने का तरीका बताया गया।',
    revoked: 'व्यक्ति ने कहा कि अब वे ये संदेश नहीं चाहते (जैसे STOP लिखकर)। आगे कोई संदेश नहीं भेजा जाता।',
    expired: 'तय समय में उपयोग या नवीनीकरण न होने से अनुमति समाप्त हो गई। आगे कोई संदेश नहीं भेजा जाता।',
    bounced: 'व्हाट्सऐप ने बताया कि यह नंबर संदेश नहीं पा सकता। भेजना बंद कर दिया गया।',
  },
  methods: {
    in_person: 'दुकान में, आमने-सामने', sms_keyword: 'SMS का जवाब देकर', sms_double_opt_in: 'SMS से, दो बार पुष्टि करके',
    email_link: 'ईमेल के लिंक से', web_widget: 'व्यवसाय की वेबसाइट के फ़ॉर्म से', web_popup: 'व्यवसाय की वेबसाइट के पॉप-अप से',
    in_app_toggle: 'व्यवसाय ने अपने ऐप में बदला', whatsapp_keyword: 'व्हाट्सऐप पर कीवर्ड भेजकर', whatsapp_button: 'व्हाट्सऐप पर बटन दबाकर',
    import: 'व्यवसाय द्वारा आयात की गई सूची से', staff: 'किसी कर्मचारी ने दर्ज किया', sandbox: 'टेस्ट मोड (ग्राहक का कार्य नहीं)',
  },
  occurred: 'कब', recorded: 'दर्ज किया', how: 'कैसे', source: 'कहाँ', by: 'दर्ज करने वाला',
  statement: 'व्यक्ति ने जो टेक्स्ट देखा', statementNote: 'संस्करण {version}, भाषा {lang}',
  evidence: 'सहायक विवरण', technical: 'तकनीकी संदर्भ',
  messages: 'संदेश', noMessages: 'कोई संदेश नहीं।', fromCustomer: 'व्यक्ति से', toCustomer: 'व्यक्ति को',
  when: 'कब', direction: 'दिशा', message: 'संदेश', status: 'स्थिति',
  verify: 'इस रिकॉर्ड की स्वतंत्र जाँच कैसे करें',
  verifyIntro: 'कोई भी, साथ में निर्यात की गई JSON फ़ाइल और किसी भी SHA-256 टूल से, जाँच सकता है कि यह रिकॉर्ड बदला नहीं गया:',
  timeZone: 'समय {zone} में दिखाए गए हैं।',
  stateAfter: 'इसके बाद अनुमति',
  notApplied: 'लागू नहीं हुआ: अनुमति “{state}” ही रही',
};

const WORDS: Record<string, ProofWords> = { en: EN, es: ES, pt: PT, hi: HI };

/** The words for a locale like "pt-BR" (its language), English when the language is not shipped. */
export function proofWords(locale: string | undefined): ProofWords {
  return WORDS[(locale ?? 'en').slice(0, 2).toLowerCase()] ?? EN;
}
