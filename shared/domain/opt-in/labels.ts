import { snippetLang, type SnippetLang } from '../entry-points/snippet-words';

/**
 * Wording of the opt-in snippets (visible text and accessible names), in every language the app ships: the snippet
 * is customer-facing, so it speaks the shop's language. No phone field: the JOIN message tells the shop the number.
 */
export interface OptInLabels {
  intro: string;
  purposesLegend: string;
  utility: string;
  marketing: string;
  statementTitle: string;
  chooseFirst: string;
  agree: string;
  submit: string;
  sent: string;
  close: string;
  toggle: string;
  errorPurposes: string;
  errorAgree: string;
}

const EN: OptInLabels = {
  intro: 'Get our messages on WhatsApp. You confirm by sending one message from your WhatsApp.',
  purposesLegend: 'What would you like to receive?',
  utility: 'Order updates and reminders',
  marketing: 'Offers and news',
  statementTitle: 'What you agree to',
  chooseFirst: 'Choose at least one kind of message to see what you agree to.',
  agree: 'I have read this and I agree',
  submit: 'Continue in WhatsApp',
  sent: 'WhatsApp opened with the message "{message}". Press send there to confirm.',
  close: 'Close',
  toggle: 'Get messages on WhatsApp',
  errorPurposes: 'Choose at least one kind of message.',
  errorAgree: 'Tick the box to agree before continuing.',
};

const ES: OptInLabels = {
  intro: 'Recibe nuestros mensajes por WhatsApp. Lo confirmas enviando un mensaje desde tu WhatsApp.',
  purposesLegend: '¿Qué quieres recibir?',
  utility: 'Avisos de pedidos y recordatorios',
  marketing: 'Ofertas y novedades',
  statementTitle: 'Lo que aceptas',
  chooseFirst: 'Elige al menos un tipo de mensaje para ver lo que aceptas.',
  agree: 'He leído esto y estoy de acuerdo',
  submit: 'Continuar en WhatsApp',
  sent: 'WhatsApp se abrió con el mensaje "{message}". Pulsa enviar allí para confirmar.',
  close: 'Cerrar',
  toggle: 'Recibir mensajes por WhatsApp',
  errorPurposes: 'Elige al menos un tipo de mensaje.',
  errorAgree: 'Marca la casilla para aceptar antes de continuar.',
};

const PT: OptInLabels = {
  intro: 'Receba nossas mensagens no WhatsApp. Você confirma enviando uma mensagem do seu WhatsApp.',
  purposesLegend: 'O que você gostaria de receber?',
  utility: 'Atualizações de pedidos e lembretes',
  marketing: 'Ofertas e novidades',
  statementTitle: 'Com o que você concorda',
  chooseFirst: 'Escolha pelo menos um tipo de mensagem para ver com o que você concorda.',
  agree: 'Li e concordo',
  submit: 'Continuar no WhatsApp',
  sent: 'O WhatsApp abriu com a mensagem "{message}". Toque em enviar lá para confirmar.',
  close: 'Fechar',
  toggle: 'Receber mensagens no WhatsApp',
  errorPurposes: 'Escolha pelo menos um tipo de mensagem.',
  errorAgree: 'Marque a caixa para concordar antes de continuar.',
};

const HI: OptInLabels = {
  intro: 'हमारे संदेश WhatsApp पर पाएँ। आप अपने WhatsApp से एक संदेश भेजकर इसकी पुष्टि करते हैं।',
  purposesLegend: 'आप क्या पाना चाहेंगे?',
  utility: 'ऑर्डर की जानकारी और रिमाइंडर',
  marketing: 'ऑफ़र और समाचार',
  statementTitle: 'आप किस बात से सहमत हैं',
  chooseFirst: 'आप किस बात से सहमत हैं, यह देखने के लिए कम से कम एक प्रकार का संदेश चुनें।',
  agree: 'मैंने इसे पढ़ लिया है और मैं सहमत हूँ',
  submit: 'WhatsApp में जारी रखें',
  sent: 'WhatsApp संदेश "{message}" के साथ खुल गया। पुष्टि करने के लिए वहाँ भेजें दबाएँ।',
  close: 'बंद करें',
  toggle: 'WhatsApp पर संदेश पाएँ',
  errorPurposes: 'कम से कम एक प्रकार का संदेश चुनें।',
  errorAgree: 'आगे बढ़ने से पहले सहमति के लिए बॉक्स पर टिक करें।',
};

const BY_LANG: Record<SnippetLang, OptInLabels> = { en: EN, es: ES, pt: PT, hi: HI };

/** Built-in labels for a locale ('es-MX' → Spanish, 'pt-BR' → Portuguese; unknown → English), with overrides applied. */
export function optInLabels(locale: string, overrides: Partial<OptInLabels> = {}): OptInLabels {
  return { ...BY_LANG[snippetLang(locale)], ...overrides };
}
