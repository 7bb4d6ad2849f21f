/** Getting started checklist wording: English is the source, every language has the same keys. */
export const en = {
  title: 'Getting started',
  intro: 'Four first steps. Each one ticks itself when you have done it.',
  progress: '{{done}} of {{total}} done',
  done: '(done)',
  todo: '(to do)',
  steps: {
    poster: { title: 'Make a QR poster', hint: 'Customers scan it at the counter to start a chat and agree to hear from you.', action: 'Make a poster' },
    optIn: { title: 'Log your first opt-in', hint: 'Record a customer who agrees to receive your messages, with the evidence kept.', action: 'Open the counter' },
    testMessage: { title: 'Send a test message', hint: 'Send a message to a customer who opted in (in the sandbox nothing reaches real phones).', action: 'Open contacts' },
    connect: { title: 'Connect WhatsApp when ready', hint: 'Enter your WhatsApp Business details to send to real customers. Until then, the sandbox is safe to try.', action: 'Open settings' },
  },
};

/** Spanish. */
export const es: typeof en = {
  title: 'Primeros pasos',
  intro: 'Cuatro primeros pasos. Cada uno se marca solo cuando lo haya hecho.',
  progress: '{{done}} de {{total}} hechos',
  done: '(hecho)',
  todo: '(pendiente)',
  steps: {
    poster: { title: 'Crear un cartel con QR', hint: 'Los clientes lo escanean en el mostrador para abrir un chat y aceptar sus mensajes.', action: 'Crear un cartel' },
    optIn: { title: 'Registrar el primer consentimiento', hint: 'Anote a un cliente que acepta recibir sus mensajes, con la prueba guardada.', action: 'Abrir el mostrador' },
    testMessage: { title: 'Enviar un mensaje de prueba', hint: 'Envíe un mensaje a un cliente que aceptó (en la simulación nada llega a teléfonos reales).', action: 'Abrir contactos' },
    connect: { title: 'Conectar WhatsApp cuando esté listo', hint: 'Introduzca los datos de WhatsApp Business para enviar a clientes reales. Hasta entonces, la simulación es segura.', action: 'Abrir ajustes' },
  },
};
