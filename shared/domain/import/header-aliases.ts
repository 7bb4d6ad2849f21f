/** The columns an import understands; only `phone` is required. */
export const IMPORT_FIELDS = [
  'phone',
  'name',
  'tags',
  'consentDate',
  'consentMethod',
  'consentText',
  'consentTextVersion',
  'purpose',
  'optOut',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Header names seen in exports from POS systems, Mailchimp/Klaviyo/Shopify and hand-made sheets, in English,
 * Spanish and Portuguese, after {@link normalizeHeader} (lower case, no accents, words split on punctuation).
 */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  phone: [
    'phone', 'phone number', 'mobile', 'mobile number', 'mobile phone', 'cell', 'cell phone', 'cellphone', 'whatsapp',
    'whatsapp number', 'wa number', 'msisdn', 'number', 'tel', 'telephone', 'sms phone number', 'phone e164',
    'telefono', 'numero', 'numero de telefono', 'movil', 'celular', 'numero whatsapp', 'telefono movil',
    'telefone', 'numero de celular', 'whats',
  ],
  name: [
    'name', 'full name', 'customer', 'customer name', 'contact', 'contact name', 'first name', 'client',
    'nombre', 'nombre completo', 'cliente', 'nombre cliente', 'nome', 'nome completo', 'contato',
  ],
  tags: ['tags', 'tag', 'labels', 'label', 'groups', 'group', 'segment', 'segments', 'lists', 'etiquetas', 'etiqueta', 'grupos', 'grupo', 'segmento', 'listas'],
  consentDate: [
    'consent date', 'consent timestamp', 'consented at', 'date consented', 'opt in date', 'optin date', 'opted in at',
    'opt in time', 'optin time', 'confirm time', 'subscribed at', 'subscription date', 'signup date', 'sign up date',
    'date', 'fecha', 'fecha consentimiento', 'fecha de consentimiento', 'fecha alta', 'fecha de alta',
    'fecha suscripcion', 'fecha de suscripcion', 'data', 'data consentimento', 'data de consentimento',
    'data de inscricao', 'data do consentimento', 'data opt in',
  ],
  consentMethod: [
    'consent method', 'method', 'opt in method', 'optin method', 'consent source', 'signup source', 'source', 'channel',
    'how', 'metodo', 'metodo de consentimiento', 'origen', 'fuente', 'canal', 'metodo de consentimento', 'origem', 'fonte',
  ],
  consentText: [
    'consent text', 'text', 'statement', 'consent statement', 'disclosure', 'wording', 'texto', 'texto consentimiento',
    'texto del consentimiento', 'texto de consentimiento', 'declaracion', 'texto de consentimento', 'texto do consentimento',
  ],
  consentTextVersion: [
    'consent text version', 'text version', 'consent version', 'statement version', 'version', 'version texto',
    'version del texto', 'versao', 'versao do texto',
  ],
  purpose: [
    'purpose', 'purposes', 'consent type', 'consent purpose', 'subscription type', 'message type', 'type', 'finalidad',
    'finalidades', 'proposito', 'tipo', 'tipo de mensaje', 'finalidade', 'tipo de mensagem',
  ],
  optOut: [
    'opt out', 'opted out', 'optout', 'unsubscribed', 'unsubscribe', 'stop', 'do not contact', 'dnc', 'blocked',
    'status', 'subscription status', 'consent status', 'baja', 'dado de baja', 'no contactar', 'estado', 'cancelado',
    'descadastrado', 'cancelou', 'situacao',
  ],
};

/** Lower case, accents removed, every run of non-letters/digits turned into one space ("Teléfono_Móvil" → "telefono movil"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const EXACT = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of HEADER_ALIASES[field]) EXACT.set(alias, field);

/** The field a header names exactly (after normalising), if any. */
export function findAlias(header: string): ImportField | undefined {
  return EXACT.get(normalizeHeader(header));
}

/**
 * How well a header names a field: 3 for an exact alias, 2 plus a little per character for a header that contains
 * an alias as whole words ("Customer phone (mobile)"), 0 otherwise. Longer aliases win ties ("consent text version"
 * over "consent text").
 */
export function headerScore(header: string, field: ImportField): number {
  const normalized = normalizeHeader(header);
  if (normalized === '') return 0;
  let best = 0;
  const padded = ` ${normalized} `;
  for (const alias of HEADER_ALIASES[field]) {
    if (alias === normalized) return 3;
    // A header that mentions a phone word is the phone column whatever else it says ("Customer phone").
    const bonus = field === 'phone' ? 0.5 : 0;
    if (alias.length >= 3 && padded.includes(` ${alias} `)) best = Math.max(best, 2 + bonus + alias.length / 100);
  }
  return best;
}
