import { z } from 'zod';
import { isHexColour } from './colour';
import { isImageDataUrl } from './html';
import { isValidRefCode, normalizeRefCode } from './ref-code';

/** The six ways a customer can start a chat. */
export const ENTRY_POINT_KINDS = ['direct', 'link', 'button', 'chat', 'qr', 'popup'] as const;
export const EntryPointKindSchema = z.enum(ENTRY_POINT_KINDS, 'Choose one of: direct, link, button, chat, qr, popup.');
export type EntryPointKind = z.infer<typeof EntryPointKindSchema>;

/** Printable poster formats. */
export const POSTER_SIZES = ['A4', 'A5', 'Letter', 'table-tent', 'sticker-sheet'] as const;
export const PosterSizeSchema = z.enum(POSTER_SIZES, 'Choose a poster size: A4, A5, Letter, table tent or sticker sheet.');
export type PosterSize = z.infer<typeof PosterSizeSchema>;

/** QR error-correction levels, from 7 % (L) to 30 % (H) of the code recoverable. */
export const ErrorCorrectionSchema = z.enum(['L', 'M', 'Q', 'H'], 'Error correction must be L, M, Q or H.');
export type ErrorCorrection = z.infer<typeof ErrorCorrectionSchema>;

export const ButtonSizeSchema = z.enum(['small', 'medium', 'large'], 'Size must be small, medium or large.');
export type ButtonSize = z.infer<typeof ButtonSizeSchema>;

export const ButtonPositionSchema = z.enum(
  ['inline', 'bottom-right', 'bottom-left'],
  'Position must be inline, bottom-right or bottom-left.',
);
export type ButtonPosition = z.infer<typeof ButtonPositionSchema>;

const HexColourSchema = z.string().trim().refine(isHexColour, 'Use a colour like #075E54.');

/** Logos are embedded, never linked, so printing and snippets make no network request. ~375 KB of image at most. */
const LogoSchema = z
  .string()
  .max(500_000, 'The logo is too large; use an image under 350 KB.')
  .refine(isImageDataUrl, 'The logo must be a PNG, JPEG, GIF, WebP or SVG image.');

const text = (max: number, what: string) =>
  z.string().max(max, `Keep the ${what} under ${max} characters.`);

/** Every style option in one place; each kind reads the ones it needs. */
const styleShape = {
  colour: HexColourSchema,
  size: ButtonSizeSchema,
  position: ButtonPositionSchema,
  buttonLabel: text(60, 'button label').trim().min(1, 'Enter the text of the button.'),
  greeting: text(300, 'greeting'),
  openingHours: text(120, 'opening hours'),
  delaySeconds: z.number().int('Use whole seconds.').min(0, 'The delay cannot be negative.').max(600, 'Keep the delay under 10 minutes.'),
  scrollPercent: z.number().int('Use a whole percentage.').min(0, 'Scroll depth is 0–100 %.').max(100, 'Scroll depth is 0–100 %.'),
  exitIntent: z.boolean(),
  frequencyCapDays: z.number().int('Use whole days.').min(0, 'The cap cannot be negative.').max(365, 'Keep the cap under a year.'),
  posterSize: PosterSizeSchema,
  headline: text(80, 'headline'),
  instructions: text(300, 'instructions'),
  logoDataUrl: LogoSchema.optional(),
  errorCorrection: ErrorCorrectionSchema,
};

/** Stored style of an entry point (all options present). */
export const EntryPointStyleSchema = z.object(styleShape);
export type EntryPointStyle = z.infer<typeof EntryPointStyleSchema>;

/** Style options a create/update request may carry; missing ones keep their default or previous value, a null logo removes it. */
export const EntryPointStylePatchSchema = z.object({ ...styleShape, logoDataUrl: LogoSchema.nullable() }).partial();
export type EntryPointStylePatch = z.infer<typeof EntryPointStylePatchSchema>;

/** Defaults chosen so every artifact works out of the box (white on #075E54 passes WCAG AA at 7.6:1). */
export const DEFAULT_STYLE: EntryPointStyle = {
  colour: '#075E54',
  size: 'medium',
  position: 'bottom-right',
  buttonLabel: 'Chat with us on WhatsApp',
  greeting: 'Hi! How can we help you?',
  openingHours: '',
  delaySeconds: 10,
  scrollPercent: 50,
  exitIntent: true,
  frequencyCapDays: 7,
  posterSize: 'A4',
  headline: 'Chat with us on WhatsApp',
  instructions: 'Scan the code with your phone camera, then press send.',
  errorCorrection: 'M',
};

const NameSchema = z
  .string()
  .trim()
  .min(1, 'Give the entry point a name, like "Front window poster".')
  .max(60, 'Keep the name under 60 characters.');

const PrefilledSchema = z.string().max(500, 'Keep the prefilled message under 500 characters.');

/** A ref code as typed by the owner: trimmed, upper-cased, then checked. */
export const RefCodeSchema = z
  .string()
  .transform(normalizeRefCode)
  .refine(
    isValidRefCode,
    'A ref code is 4–8 letters and digits with at least one of each; 0, O, 1 and I are not used.',
  );

/** One stored entry point. Timestamps are ISO 8601 strings. */
export const EntryPointSchema = z.object({
  id: z.string().min(1),
  kind: EntryPointKindSchema,
  name: NameSchema,
  prefilledMessage: PrefilledSchema,
  refCode: RefCodeSchema,
  style: EntryPointStyleSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntryPoint = z.infer<typeof EntryPointSchema>;

/** What the UI sends to create an entry point; the ref code is generated when omitted. */
export const EntryPointInputSchema = z.object({
  kind: EntryPointKindSchema,
  name: NameSchema,
  prefilledMessage: PrefilledSchema.default(''),
  refCode: RefCodeSchema.optional(),
  style: EntryPointStylePatchSchema.default({}),
});
export type EntryPointInput = z.input<typeof EntryPointInputSchema>;
export type EntryPointInputParsed = z.output<typeof EntryPointInputSchema>;

/** What the UI sends to change an entry point; the kind never changes (its ref and artifacts are already out there). */
export const EntryPointUpdateSchema = z.object({
  id: z.string().min(1),
  name: NameSchema.optional(),
  prefilledMessage: PrefilledSchema.optional(),
  refCode: RefCodeSchema.optional(),
  style: EntryPointStylePatchSchema.optional(),
});
export type EntryPointUpdate = z.input<typeof EntryPointUpdateSchema>;
export type EntryPointUpdateParsed = z.output<typeof EntryPointUpdateSchema>;
