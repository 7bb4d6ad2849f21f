import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';

/** Order on screen: order updates first (what most customers ask for at the till), then offers. */
export const PURPOSE_ORDER: readonly ConsentPurpose[] = ['utility', 'marketing'];

interface PurposeCheckboxesProps {
  legend: string;
  value: readonly ConsentPurpose[];
  onChange(next: ConsentPurpose[]): void;
  error?: string | undefined;
  /** Prefix for data-field so an error on `purposes` can focus the first box. */
  fieldPrefix?: string;
  large?: boolean;
}

/** One checkbox per purpose, in a fieldset with its legend and the error for the whole group. */
export function PurposeCheckboxes({ legend, value, onChange, error, fieldPrefix = '', large }: PurposeCheckboxesProps): ReactNode {
  const { t } = useTranslation();
  const toggle = (purpose: ConsentPurpose, on: boolean) =>
    onChange(PURPOSE_ORDER.filter((p) => (p === purpose ? on : value.includes(p))));
  const errorId = `${fieldPrefix}purposes-error`;
  return (
    <fieldset className={`field purposes${error ? ' field-invalid' : ''}${large ? ' purposes-large' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {PURPOSE_ORDER.map((purpose, i) => (
        <label key={purpose} className="choice">
          <input
            type="checkbox"
            data-field={i === 0 ? `${fieldPrefix}purposes` : undefined}
            checked={value.includes(purpose)}
            onChange={(e) => toggle(purpose, e.target.checked)}
          />
          <span>
            <strong>{t(`counter.purpose.${purpose}`)}</strong> <span className="muted">— {t(`counter.purposeHint.${purpose}`)}</span>
          </span>
        </label>
      ))}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
