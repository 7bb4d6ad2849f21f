import type { ApiError } from '../../../shared/contract/define';
import { normalizeRefCode, isValidRefCode } from '../../../shared/domain/entry-points/ref-code';
import {
  DEFAULT_STYLE,
  type EntryPoint,
  type EntryPointInput,
  type EntryPointKind,
  type EntryPointStyle,
  type EntryPointUpdate,
} from '../../../shared/domain/entry-points/types';

/** What the editor form holds: an entry point being written, with the ref code as typed ('' = pick one for me). */
export interface EntryPointDraft {
  kind: EntryPointKind;
  name: string;
  prefilledMessage: string;
  refCode: string;
  style: EntryPointStyle;
}

/** Placeholder ref used by the live preview until main assigns the real one on save. */
export const PREVIEW_REF = 'AB23';

/** A fresh draft of `kind`, with the default style (QR codes get sturdier error correction for print). */
export function newDraft(kind: EntryPointKind): EntryPointDraft {
  return { kind, name: '', prefilledMessage: '', refCode: '', style: { ...DEFAULT_STYLE } };
}

/** The editable form of a stored entry point. */
export function draftFromEntry(entry: EntryPoint): EntryPointDraft {
  return {
    kind: entry.kind,
    name: entry.name,
    prefilledMessage: entry.prefilledMessage,
    refCode: entry.refCode,
    style: { ...entry.style },
  };
}

/** The ref the preview shows: the typed one when valid, else the placeholder. */
export function previewRef(draft: EntryPointDraft): string {
  const typed = normalizeRefCode(draft.refCode);
  return isValidRefCode(typed) ? typed : PREVIEW_REF;
}

/** An entry point built from the form alone, so the preview updates on every keystroke with no IPC round trip. */
export function previewEntry(draft: EntryPointDraft, id = 'preview'): EntryPoint {
  const now = new Date(0).toISOString();
  return {
    id,
    kind: draft.kind,
    name: draft.name,
    prefilledMessage: draft.prefilledMessage,
    refCode: previewRef(draft),
    style: draft.style,
    createdAt: now,
    updatedAt: now,
  };
}

/** A style patch that keeps every option and removes the logo explicitly when the owner took it away. */
function stylePatch(style: EntryPointStyle): EntryPointInput['style'] {
  const { logoDataUrl, ...rest } = style;
  return { ...rest, logoDataUrl: logoDataUrl ?? null };
}

/** The create request for a draft; an empty ref code lets main pick a free one. */
export function toCreateInput(draft: EntryPointDraft): EntryPointInput {
  const { logoDataUrl, ...style } = draft.style;
  return {
    kind: draft.kind,
    name: draft.name,
    prefilledMessage: draft.prefilledMessage,
    ...(draft.refCode.trim() ? { refCode: draft.refCode } : {}),
    style: logoDataUrl ? { ...style, logoDataUrl } : style,
  };
}

/** The update request for a draft of stored entry point `id` (an emptied ref code keeps the current one). */
export function toUpdate(id: string, draft: EntryPointDraft): EntryPointUpdate {
  return {
    id,
    name: draft.name,
    prefilledMessage: draft.prefilledMessage,
    ...(draft.refCode.trim() ? { refCode: draft.refCode } : {}),
    style: stylePatch(draft.style),
  };
}

/** Errors by field path ('name', 'style.colour'…); anything without a known field goes under 'form'. */
export type FieldErrors = Record<string, string>;

/** Where to show a failed call's message: next to its field when the form has that field, else at the top. */
export function fieldErrorsOf(error: ApiError, knownFields: readonly string[]): FieldErrors {
  const field = error.field && knownFields.includes(error.field) ? error.field : 'form';
  return { [field]: error.message };
}
