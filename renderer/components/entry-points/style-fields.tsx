import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  POSTER_SIZES,
  type EntryPointKind,
  type EntryPointStyle,
  type ErrorCorrection,
} from '../../../shared/domain/entry-points/types';
import type { FieldErrors } from './draft';
import { CheckboxField, ColourField, NumberField, SelectField, TextAreaField, TextField } from './form-controls';
import { LogoInput } from './logo-input';

interface StyleFieldsProps {
  style: EntryPointStyle;
  errors: FieldErrors;
  onChange(patch: Partial<EntryPointStyle>): void;
}

/** Style field paths the editor can show errors next to (as main names them). */
export const STYLE_FIELDS = [
  'colour', 'size', 'position', 'buttonLabel', 'greeting', 'openingHours', 'delaySeconds', 'scrollPercent',
  'exitIntent', 'frequencyCapDays', 'posterSize', 'headline', 'instructions', 'logoDataUrl', 'errorCorrection',
].map((f) => `style.${f}`);

const EC_LEVELS: ErrorCorrection[] = ['L', 'M', 'Q', 'H'];

/** The error-correction select; H is forced when a logo sits in the middle. */
export function ErrorCorrectionField({ value, hasLogo, error, onChange }: {
  value: ErrorCorrection;
  hasLogo: boolean;
  error?: string | undefined;
  onChange(value: ErrorCorrection): void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('entryPoints.errorCorrection')}
      hint={hasLogo ? t('entryPoints.errorCorrectionLogo') : t('entryPoints.errorCorrectionHint')}
      error={error}
      value={hasLogo ? 'H' : value}
      options={EC_LEVELS.map((level) => ({ value: level, label: t(`entryPoints.ec.${level}`) }))}
      onChange={onChange}
    />
  );
}

/** Colour and position of a floating website widget. */
function WidgetLook({ style, errors, onChange, inline }: StyleFieldsProps & { inline: boolean }): ReactNode {
  const { t } = useTranslation();
  const positions = (inline ? (['inline', 'bottom-right', 'bottom-left'] as const) : (['bottom-right', 'bottom-left'] as const)).map(
    (p) => ({ value: p, label: t(`entryPoints.positions.${p}`) }),
  );
  return (
    <>
      <ColourField label={t('entryPoints.colour')} hint={t('entryPoints.colourHint')} error={errors['style.colour']}
        value={style.colour} onChange={(colour) => onChange({ colour })} />
      <SelectField label={t('entryPoints.positionLabel')} error={errors['style.position']}
        value={!inline && style.position === 'inline' ? 'bottom-right' : style.position} options={positions}
        onChange={(position) => onChange({ position })} />
    </>
  );
}

/** Poster options (also used on the Posters page). */
export function PosterStyleFields({ style, errors, onChange }: StyleFieldsProps): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <SelectField label={t('entryPoints.posterSize')} error={errors['style.posterSize']} value={style.posterSize}
        options={POSTER_SIZES.map((s) => ({ value: s, label: t(`entryPoints.size.${s}`) }))}
        onChange={(posterSize) => onChange({ posterSize })} />
      <TextField label={t('entryPoints.headline')} error={errors['style.headline']} value={style.headline}
        onChange={(headline) => onChange({ headline })} />
      <TextAreaField label={t('entryPoints.instructions')} error={errors['style.instructions']} value={style.instructions}
        onChange={(instructions) => onChange({ instructions })} />
      <ColourField label={t('entryPoints.posterColour')} hint={t('entryPoints.posterColourHint')} error={errors['style.colour']}
        value={style.colour} onChange={(colour) => onChange({ colour })} />
      <LogoInput value={style.logoDataUrl} error={errors['style.logoDataUrl']}
        onChange={(logoDataUrl) => onChange({ logoDataUrl })} />
      <ErrorCorrectionField value={style.errorCorrection} hasLogo={Boolean(style.logoDataUrl)}
        error={errors['style.errorCorrection']} onChange={(errorCorrection) => onChange({ errorCorrection })} />
    </>
  );
}

/** The style options that matter for `kind`, and only those. */
export function StyleFields({ kind, ...props }: StyleFieldsProps & { kind: EntryPointKind }): ReactNode {
  const { t } = useTranslation();
  const { style, errors, onChange } = props;
  switch (kind) {
    case 'button':
      return (
        <>
          <TextField label={t('entryPoints.buttonLabel')} error={errors['style.buttonLabel']} value={style.buttonLabel}
            onChange={(buttonLabel) => onChange({ buttonLabel })} />
          <SelectField label={t('entryPoints.buttonSize')} error={errors['style.size']} value={style.size}
            options={(['small', 'medium', 'large'] as const).map((s) => ({ value: s, label: t(`entryPoints.buttonSizes.${s}`) }))}
            onChange={(size) => onChange({ size })} />
          <WidgetLook {...props} inline />
        </>
      );
    case 'chat':
      return (
        <>
          <TextAreaField label={t('entryPoints.greeting')} error={errors['style.greeting']} value={style.greeting}
            onChange={(greeting) => onChange({ greeting })} />
          <TextField label={t('entryPoints.openingHours')} hint={t('entryPoints.openingHoursHint')}
            error={errors['style.openingHours']} value={style.openingHours} onChange={(openingHours) => onChange({ openingHours })} />
          <WidgetLook {...props} inline={false} />
        </>
      );
    case 'popup':
      return (
        <>
          <TextField label={t('entryPoints.popupHeadline')} error={errors['style.headline']} value={style.headline}
            onChange={(headline) => onChange({ headline })} />
          <TextAreaField label={t('entryPoints.popupMessage')} error={errors['style.greeting']} value={style.greeting}
            onChange={(greeting) => onChange({ greeting })} />
          <TextField label={t('entryPoints.buttonLabel')} error={errors['style.buttonLabel']} value={style.buttonLabel}
            onChange={(buttonLabel) => onChange({ buttonLabel })} />
          <ColourField label={t('entryPoints.colour')} hint={t('entryPoints.colourHint')} error={errors['style.colour']}
            value={style.colour} onChange={(colour) => onChange({ colour })} />
          <NumberField label={t('entryPoints.delaySeconds')} hint={t('entryPoints.delayHint')} error={errors['style.delaySeconds']}
            value={style.delaySeconds} min={0} max={600} onChange={(delaySeconds) => onChange({ delaySeconds })} />
          <NumberField label={t('entryPoints.scrollPercent')} hint={t('entryPoints.scrollHint')} error={errors['style.scrollPercent']}
            value={style.scrollPercent} min={0} max={100} onChange={(scrollPercent) => onChange({ scrollPercent })} />
          <CheckboxField label={t('entryPoints.exitIntent')} hint={t('entryPoints.exitIntentHint')} checked={style.exitIntent}
            onChange={(exitIntent) => onChange({ exitIntent })} />
          <NumberField label={t('entryPoints.frequencyCap')} hint={t('entryPoints.frequencyCapHint')}
            error={errors['style.frequencyCapDays']} value={style.frequencyCapDays} min={0} max={365}
            onChange={(frequencyCapDays) => onChange({ frequencyCapDays })} />
        </>
      );
    case 'qr':
      return <PosterStyleFields {...props} />;
    case 'direct':
      return (
        <ErrorCorrectionField value={style.errorCorrection} hasLogo={false} error={errors['style.errorCorrection']}
          onChange={(errorCorrection) => onChange({ errorCorrection })} />
      );
    default:
      return null;
  }
}
