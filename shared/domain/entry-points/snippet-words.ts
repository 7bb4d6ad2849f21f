import type { ChatLabels, SnippetLang } from '../snippet-runtime-config';

export type { ChatLabels, SnippetLang } from '../snippet-runtime-config';

/** The languages the snippets speak: the four the app ships. */
export const SNIPPET_LANGS: readonly SnippetLang[] = ['en', 'es', 'pt', 'hi'];

/** The snippet language for a shop locale ('pt-BR' → 'pt'); anything else is English. */
export function snippetLang(locale: string | undefined): SnippetLang {
  const base = (locale ?? 'en').toLowerCase().slice(0, 2);
  return (SNIPPET_LANGS as readonly string[]).includes(base) ? (base as SnippetLang) : 'en';
}

/** The chat widget's own words (the shop's name, hours and greeting are the owner's). */
export const CHAT_WORDS: Record<SnippetLang, ChatLabels> = {
  en: { open: 'Chat with us on WhatsApp', close: 'Close chat', message: 'Your message', send: 'Send on WhatsApp', hours: 'Opening hours' },
  es: { open: 'Chatea con nosotros por WhatsApp', close: 'Cerrar chat', message: 'Tu mensaje', send: 'Enviar por WhatsApp', hours: 'Horario' },
  pt: {
    open: 'Converse conosco no WhatsApp',
    close: 'Fechar conversa',
    message: 'Sua mensagem',
    send: 'Enviar pelo WhatsApp',
    hours: 'Horário de funcionamento',
  },
  hi: { open: 'WhatsApp पर हमसे बात करें', close: 'चैट बंद करें', message: 'आपका संदेश', send: 'WhatsApp पर भेजें', hours: 'खुलने का समय' },
};

/** The popup's own words. */
export const POPUP_WORDS: Record<SnippetLang, { close: string }> = {
  en: { close: 'Close' },
  es: { close: 'Cerrar' },
  pt: { close: 'Fechar' },
  hi: { close: 'बंद करें' },
};
