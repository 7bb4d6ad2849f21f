/** Wording of the opt-in snippets (visible text and accessible names); English and Spanish are built in. */
export interface OptInLabels {
  intro: string;
  phone: string;
  phoneHint: string;
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
  errorPhone: string;
  errorPurposes: string;
  errorAgree: string;
}

const EN: OptInLabels = {
  intro: 'Get our messages on WhatsApp. You confirm by sending one message from your WhatsApp.',
  phone: 'Your WhatsApp number',
  phoneHint: 'Use the number you will send the WhatsApp message from.',
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
  errorPhone: 'Enter your WhatsApp number with its country code, e.g. +34 612 345 678.',
  errorPurposes: 'Choose at least one kind of message.',
  errorAgree: 'Tick the box to agree before continuing.',
};

const ES: OptInLabels = {
  intro: 'Recibe nuestros mensajes por WhatsApp. Lo confirmas enviando un mensaje desde tu WhatsApp.',
  phone: 'Tu número de WhatsApp',
  phoneHint: 'Usa el número desde el que enviarás el mensaje de WhatsApp.',
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
  errorPhone: 'Escribe tu número de WhatsApp con el prefijo del país, p. ej. +34 612 345 678.',
  errorPurposes: 'Elige al menos un tipo de mensaje.',
  errorAgree: 'Marca la casilla para aceptar antes de continuar.',
};

/** Built-in labels for a locale ('es-MX' → Spanish; others → English), with overrides applied. */
export function optInLabels(locale: string, overrides: Partial<OptInLabels> = {}): OptInLabels {
  const base = locale.toLowerCase().startsWith('es') ? ES : EN;
  return { ...base, ...overrides };
}
