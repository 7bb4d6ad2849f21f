import type { en } from '../sections/getting-started';

/** Brazilian Portuguese wording for the Getting started checklist. */
export const pt: typeof en = {
  title: 'Primeiros passos',
  intro: 'Quatro primeiros passos. Cada um se marca sozinho quando você o concluir.',
  progress: '{{done}} de {{total}} concluídos',
  done: '(concluído)',
  todo: '(a fazer)',
  steps: {
    poster: { title: 'Criar um cartaz com QR', hint: 'Os clientes o escaneiam no balcão para abrir uma conversa e aceitar suas mensagens.', action: 'Criar um cartaz' },
    optIn: { title: 'Registrar o primeiro consentimento', hint: 'Registre um cliente que aceita receber suas mensagens, com a prova guardada.', action: 'Abrir o balcão' },
    testMessage: { title: 'Enviar uma mensagem de teste', hint: 'Envie uma mensagem a um cliente que aceitou (na simulação nada chega a celulares reais).', action: 'Abrir contatos' },
    connect: { title: 'Conectar o WhatsApp quando estiver pronto', hint: 'Informe os dados do WhatsApp Business para enviar a clientes reais. Até lá, a simulação é segura.', action: 'Abrir configurações' },
  },
};
