import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/event';
import { normalizeHeader } from './header-aliases';

/** Cells that mean "nothing here" in exported sheets. */
const BLANK = new Set(['', '-', '--', 'n a', 'na', 'null', 'none', 'nil']);

/** True when a cell is empty or a placeholder such as "-", "N/A" or "null". */
export function isBlank(cell: string | undefined): boolean {
  if (cell === undefined) return true;
  // Every placeholder is short: skip the normalising (the hot path of a 100,000-row file) for longer cells.
  const trimmed = cell.trim();
  return trimmed === '' || (trimmed.length <= 6 && BLANK.has(normalizeHeader(trimmed)));
}

const PURPOSE_WORDS: Record<string, readonly ConsentPurpose[]> = {
  marketing: ['marketing'], promotions: ['marketing'], promotional: ['marketing'], promos: ['marketing'], offers: ['marketing'],
  newsletter: ['marketing'], publicidad: ['marketing'], promociones: ['marketing'], ofertas: ['marketing'],
  promocoes: ['marketing'], mercadeo: ['marketing'], mercadotecnia: ['marketing'],
  utility: ['utility'], transactional: ['utility'], service: ['utility'], orders: ['utility'], updates: ['utility'],
  reminders: ['utility'], notifications: ['utility'], servicio: ['utility'], pedidos: ['utility'],
  recordatorios: ['utility'], avisos: ['utility'], notificaciones: ['utility'], servico: ['utility'], lembretes: ['utility'],
  utilidad: ['utility'], utilidade: ['utility'],
  both: CONSENT_PURPOSES, all: CONSENT_PURPOSES, ambos: CONSENT_PURPOSES, todos: CONSENT_PURPOSES, todas: CONSENT_PURPOSES,
};

/**
 * Reads a purpose cell: "marketing", "utility", "both", lists like "marketing; utility", and common synonyms in
 * English, Spanish and Portuguese. Returns the purposes, or the first word it does not understand.
 */
export function parsePurposes(cell: string): { ok: true; purposes: ConsentPurpose[] } | { ok: false; unknown: string } {
  const found = new Set<ConsentPurpose>();
  for (const part of cell.split(/[,;|/+&]|\band\b|\by\b|\be\b/i)) {
    const word = normalizeHeader(part).replace(/ /g, '');
    if (word === '') continue;
    const purposes = PURPOSE_WORDS[word] ?? PURPOSE_WORDS[word.replace(/s$/, '')];
    if (!purposes) return { ok: false, unknown: part.trim() };
    for (const p of purposes) found.add(p);
  }
  if (found.size === 0) return { ok: false, unknown: cell.trim() };
  return { ok: true, purposes: CONSENT_PURPOSES.filter((p) => found.has(p)) };
}

const OPTED_OUT = new Set([
  'yes', 'y', 'true', '1', 'x', 'si', 's', 'sim', 'opted out', 'opt out', 'optout', 'unsubscribed', 'unsubscribe',
  'stop', 'stopped', 'revoked', 'cancelled', 'canceled', 'blocked', 'do not contact', 'dnc', 'baja', 'dado de baja',
  'de baja', 'cancelado', 'bloqueado', 'descadastrado', 'revogado', 'no contactar',
]);
const NOT_OPTED_OUT = new Set([
  'no', 'n', 'false', '0', 'nao', 'subscribed', 'active', 'opted in', 'opt in', 'optin', 'activo', 'activa', 'ativo',
  'alta', 'suscrito', 'suscrita', 'inscrito', 'inscrita', 'ok', 'pending', 'pendiente', 'pendente',
]);

/** Reads an opt-out cell (yes/no in three languages, or statuses like "unsubscribed"/"subscribed"); blank is no. */
export function parseOptOut(cell: string | undefined): boolean | undefined {
  if (isBlank(cell)) return false;
  const word = normalizeHeader(cell!);
  if (OPTED_OUT.has(word)) return true;
  if (NOT_OPTED_OUT.has(word)) return false;
  return undefined;
}

/** Reads a text version ("3", "v3", "3.0"); undefined when it is not a whole number of 1 or more. */
export function parseTextVersion(cell: string): number | undefined {
  const m = /^v?(\d{1,6})(?:\.0+)?$/i.exec(cell.trim());
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Splits a tags cell on commas, semicolons or bars; trimmed, blanks and repeats dropped, first spelling kept. */
export function parseTags(cell: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of cell.split(/[,;|]/)) {
    const tag = part.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
