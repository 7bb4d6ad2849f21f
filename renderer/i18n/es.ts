import type { Messages } from './en';
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

/** Spanish. */
export const es: Messages = {
  app: {
    name: 'Outreach Desk',
    skipToContent: 'Saltar al contenido',
    sandboxBadge: 'Modo de prueba: no se envía nada a clientes reales',
    loading: 'Cargando…',
  },
  nav: {
    label: 'Principal',
    today: 'Hoy',
    entryPoints: 'Puntos de entrada',
    posters: 'Carteles',
    counter: 'Mostrador',
    contacts: 'Contactos',
    optIns: 'Consentimiento',
    templates: 'Plantillas',
    campaigns: 'Campañas',
    settings: 'Ajustes',
    gettingStarted: 'Primeros pasos',
    kiosk: 'Quiosco',
  },
  common: {
    save: 'Guardar',
    saving: 'Guardando…',
    saved: 'Guardado.',
    cancel: 'Cancelar',
    required: 'obligatorio',
    errorPrefix: 'No se pudo guardar:',
  },
  profile: {
    businessName: 'Nombre del negocio',
    businessNameHint: 'El nombre con el que te conocen tus clientes. Aparece en cada texto de consentimiento.',
    country: 'País',
    phone: 'Número de WhatsApp',
    phoneHint: 'El número al que escribirán los clientes. Escríbelo como lo marcarías; lo guardamos en formato internacional.',
    language: 'Idioma',
    mode: '¿Cómo quieres empezar?',
    modeSandbox: 'Probarlo todo en modo de prueba (sin cuenta de Meta; nada llega a clientes reales)',
    modeLater: 'Conectaré mi cuenta de WhatsApp Cloud API en Ajustes',
  },
  wizard: {
    title: 'Bienvenido a Outreach Desk',
    intro: 'Cuéntanos sobre tu tienda. Puedes cambiar todo esto más tarde en Ajustes.',
    submit: 'Guardar y continuar',
  },
  settings: {
    title: 'Ajustes',
    profileSection: 'Perfil del negocio',
    dataSection: 'Carpeta de datos',
    dataFolderIs: 'Tus datos se guardan en {{path}}.',
    submit: 'Guardar cambios',
    savedNumber: 'Número guardado: {{phone}}',
  },
  entryPoints: entryPoints.es,
  counter: counter.es,
  contacts: contacts.es,
  backups: settingsSections.es,
  remoteOptIns: remoteOptIns.es,
  import: importSection.es,
  messages: messagesSection.es,
  dashboard: dashboardSection.es,
  campaigns: campaignsSection.es,
  gettingStarted: gettingStartedSection.es,
  languages: {
    en: 'English',
    es: 'Español',
    pt: 'Português',
    hi: 'हिन्दी',
  },
};
