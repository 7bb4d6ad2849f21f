/**
 * Validation of POST /messages bodies the way the Cloud API reports problems:
 * 100 invalid parameter, 131008 required parameter missing, 131009 parameter value invalid.
 */

/** A body the emulator will try to deliver. */
export interface ValidMessage {
  kind: 'message';
  to: string;
  type: string;
  payload: Record<string, unknown>;
  bizOpaqueCallbackData: string | undefined;
}

/** A mark-as-read request. */
export interface ValidRead {
  kind: 'read';
  messageId: string;
}

/** The verdict on a body. */
export type Validation = ValidMessage | ValidRead | { kind: 'invalid'; code: 100 | 131008 | 131009; details: string };

const MEDIA_TYPES = ['image', 'document', 'video', 'audio', 'sticker'];
const KNOWN_TYPES = ['text', 'template', 'interactive', 'location', 'contacts', 'reaction', ...MEDIA_TYPES];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const missing = (name: string): Validation => ({ kind: 'invalid', code: 131008, details: `The parameter ${name} is required.` });
const badValue = (name: string, why: string): Validation => ({ kind: 'invalid', code: 131009, details: `Parameter ${name} is not valid: ${why}` });
const invalid = (details: string): Validation => ({ kind: 'invalid', code: 100, details });

/** Checks a parsed JSON body of POST /{phone-number-id}/messages. */
export function validateMessageBody(body: unknown): Validation {
  if (!isObject(body)) return invalid('Request body must be a JSON object');
  if (body.messaging_product === undefined) return missing('messaging_product');
  if (body.messaging_product !== 'whatsapp') return invalid('Param messaging_product must be one of {WHATSAPP}');
  if (body.status !== undefined) {
    if (body.status !== 'read') return badValue('status', 'only "read" is supported');
    if (typeof body.message_id !== 'string' || body.message_id === '') return missing('message_id');
    return { kind: 'read', messageId: body.message_id };
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') return invalid('Param recipient_type must be individual');
  if (body.to === undefined) return missing('to');
  if (typeof body.to !== 'string' || !/^\+?[1-9]\d{6,14}$/.test(body.to)) return badValue('to', 'must be a phone number in international format');
  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string' || !KNOWN_TYPES.includes(type)) return invalid(`Param type must be one of {${KNOWN_TYPES.join(', ').toUpperCase()}}`);
  const payload = body[type];
  if (payload === undefined) return missing(type);
  if (!isObject(payload)) return invalid(`Param ${type} must be a JSON object`);
  const opaque = body.biz_opaque_callback_data;
  if (opaque !== undefined && (typeof opaque !== 'string' || opaque.length > 512)) return badValue('biz_opaque_callback_data', 'at most 512 characters');
  if (body.context !== undefined && (!isObject(body.context) || typeof body.context.message_id !== 'string')) return missing('context.message_id');
  const problem = checkPayload(type, payload);
  if (problem) return problem;
  return { kind: 'message', to: body.to.replace(/^\+/, ''), type, payload, bizOpaqueCallbackData: opaque as string | undefined };
}

function checkPayload(type: string, p: Record<string, unknown>): Validation | undefined {
  switch (type) {
    case 'text':
      if (p.body === undefined) return missing('text.body');
      if (typeof p.body !== 'string' || p.body.length === 0) return badValue('text.body', 'must be a non-empty string');
      if (p.body.length > 4096) return invalid('Param text.body must be at most 4096 characters long.');
      if (p.preview_url !== undefined && typeof p.preview_url !== 'boolean') return badValue('text.preview_url', 'must be a boolean');
      return undefined;
    case 'template':
      return checkTemplate(p);
    case 'interactive':
      return checkInteractive(p);
    default:
      if (MEDIA_TYPES.includes(type) && typeof p.id !== 'string' && typeof p.link !== 'string') return missing(`${type}.id or ${type}.link`);
      return undefined;
  }
}

function checkTemplate(p: Record<string, unknown>): Validation | undefined {
  if (p.name === undefined) return missing('template.name');
  if (typeof p.name !== 'string' || !/^[a-z0-9_]+$/.test(p.name)) return badValue('template.name', 'must match ^[a-z0-9_]+$');
  if (!isObject(p.language) || p.language.code === undefined) return missing('template.language.code');
  if (typeof p.language.code !== 'string') return badValue('template.language.code', 'must be a string');
  if (p.components === undefined) return undefined;
  if (!Array.isArray(p.components)) return invalid('Param template.components must be an array');
  for (const [i, c] of p.components.entries()) {
    if (!isObject(c)) return invalid(`Param template.components[${i}] must be a JSON object`);
    if (c.type === undefined) return missing(`template.components[${i}].type`);
    if (!['header', 'body', 'button', 'footer'].includes(c.type as string)) return invalid(`Param template.components[${i}].type must be one of {HEADER, BODY, BUTTON}`);
    if (c.type === 'button') {
      if (c.sub_type === undefined) return missing(`template.components[${i}].sub_type`);
      if (c.index === undefined) return missing(`template.components[${i}].index`);
    }
    if (c.parameters === undefined) {
      if (c.type === 'button') return missing(`template.components[${i}].parameters`);
      continue;
    }
    if (!Array.isArray(c.parameters)) return invalid(`Param template.components[${i}].parameters must be an array`);
    for (const [j, param] of c.parameters.entries()) {
      const where = `template.components[${i}].parameters[${j}]`;
      if (!isObject(param) || param.type === undefined) return missing(`${where}.type`);
      const kind = param.type as string;
      if (!['text', 'currency', 'date_time', 'image', 'document', 'video', 'payload'].includes(kind)) return invalid(`Param ${where}.type is not valid`);
      if (param[kind] === undefined) return missing(`${where}.${kind}`);
      if (kind === 'text' && (typeof param.text !== 'string' || param.text === '')) return badValue(`${where}.text`, 'must be a non-empty string');
    }
  }
  return undefined;
}

function checkInteractive(p: Record<string, unknown>): Validation | undefined {
  if (p.type === undefined) return missing('interactive.type');
  if (!isObject(p.body) || typeof p.body.text !== 'string') return missing('interactive.body.text');
  if (!isObject(p.action)) return missing('interactive.action');
  if (p.type === 'button') {
    const buttons = p.action.buttons;
    if (!Array.isArray(buttons) || buttons.length === 0) return missing('interactive.action.buttons');
    if (buttons.length > 3) return badValue('interactive.action.buttons', 'at most 3 buttons');
    for (const b of buttons) {
      const reply = isObject(b) && isObject(b.reply) ? b.reply : undefined;
      if (!reply || typeof reply.id !== 'string' || typeof reply.title !== 'string') return missing('interactive.action.buttons[].reply');
      if (reply.title.length === 0 || reply.title.length > 20) return badValue('interactive.action.buttons[].reply.title', 'must be 1 to 20 characters');
    }
    return undefined;
  }
  if (p.type === 'list') {
    if (typeof p.action.button !== 'string') return missing('interactive.action.button');
    if (!Array.isArray(p.action.sections) || p.action.sections.length === 0) return missing('interactive.action.sections');
    return undefined;
  }
  if (['product', 'product_list', 'cta_url', 'flow', 'location_request_message'].includes(p.type as string)) return undefined;
  return invalid('Param interactive.type is not valid');
}
