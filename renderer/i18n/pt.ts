import type { Messages } from './en';
import { pt as contacts } from './pt/contacts';
import { pt as counter } from './pt/counter';
import { pt as settingsSections } from './pt/settings';
import { pt as entryPoints } from './pt/entry-points';
import { pt as remoteOptIns } from './pt/remote-optins';
import { pt as importSection } from './pt/import';
import { pt as messagesSection } from './pt/messages';
import { pt as dashboardSection } from './pt/dashboard';
import { pt as campaignsSection } from './pt/campaigns';
import { pt as gettingStartedSection } from './pt/getting-started';

/** Brazilian Portuguese. */
export const pt: Messages = {
  app: {
    name: 'Outreach Desk',
    skipToContent: 'Pular para o conteúdo',
    sandboxBadge: 'Modo de teste: nada é enviado para clientes reais',
    loading: 'Carregando…',
  },
  nav: {
    label: 'Principal',
    today: 'Hoje',
    entryPoints: 'Pontos de entrada',
    posters: 'Cartazes',
    counter: 'Balcão',
    contacts: 'Contatos',
    optIns: 'Consentimento',
    templates: 'Modelos',
    campaigns: 'Campanhas',
    settings: 'Configurações',
    gettingStarted: 'Primeiros passos',
    kiosk: 'Quiosque',
  },
  common: {
    save: 'Salvar',
    saving: 'Salvando…',
    saved: 'Salvo.',
    cancel: 'Cancelar',
    required: 'obrigatório',
    errorPrefix: 'Não foi possível salvar:',
  },
  profile: {
    businessName: 'Nome da loja',
    businessNameHint: 'O nome pelo qual seus clientes conhecem você. Ele aparece em todos os textos de consentimento.',
    country: 'País',
    phone: 'Número do WhatsApp',
    phoneHint:
      'O número para o qual os clientes vão mandar mensagem. Digite como você discaria; nós guardamos no formato internacional.',
    language: 'Idioma',
    mode: 'Como você quer começar?',
    modeSandbox: 'Testar tudo no modo de teste (sem conta da Meta; nada chega a clientes reais)',
    modeLater: 'Vou conectar minha conta da WhatsApp Cloud API em Configurações',
  },
  wizard: {
    title: 'Boas-vindas ao Outreach Desk',
    intro: 'Conte um pouco sobre a sua loja. Você pode mudar tudo isso depois em Configurações.',
    submit: 'Salvar e continuar',
  },
  settings: {
    title: 'Configurações',
    profileSection: 'Perfil da loja',
    dataSection: 'Pasta de dados',
    dataFolderIs: 'Seus dados ficam guardados em {{path}}.',
    submit: 'Salvar alterações',
    savedNumber: 'Número salvo: {{phone}}',
  },
  entryPoints,
  counter,
  contacts,
  backups: settingsSections,
  remoteOptIns,
  import: importSection,
  messages: messagesSection,
  dashboard: dashboardSection,
  campaigns: campaignsSection,
  gettingStarted: gettingStartedSection,
  languages: {
    en: 'English',
    es: 'Español',
    pt: 'Português',
    hi: 'हिन्दी',
  },
};
