import type { ReactNode } from 'react';
import { Field } from '../field';

interface Common {
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** A labelled one-line text input. */
export function TextField({ label, hint, error, value, onChange, maxLength, placeholder, autoComplete, className, dataField }: Common & {
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  placeholder?: string;
  autoComplete?: string;
  className?: string;
  /** Where focusField() finds it when main names this field in an error. */
  dataField?: string;
}): ReactNode {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          data-field={dataField}
          autoComplete={autoComplete}
          className={className}
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField({ label, hint, error, value, onChange, rows = 3 }: Common & {
  value: string;
  onChange(value: string): void;
  rows?: number;
}): ReactNode {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={rows}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled select over fixed options. */
export function SelectField<T extends string>({ label, hint, error, value, options, onChange }: Common & {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}): ReactNode {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled whole-number input; an emptied box is sent as is so main names the problem. */
export function NumberField({ label, hint, error, value, onChange, min, max }: Common & {
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
}): ReactNode {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={Number.isFinite(value) ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

/** A labelled colour picker (its value is always #rrggbb). */
export function ColourField({ label, hint, error, value, onChange }: Common & {
  value: string;
  onChange(value: string): void;
}): ReactNode {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {({ id, describedBy, invalid }) => (
        <span className="ep-colour">
          <input
            id={id}
            type="color"
            value={value.toLowerCase()}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => onChange(e.target.value)}
          />
          <code>{value}</code>
        </span>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({ label, hint, checked, onChange }: Omit<Common, 'error'> & {
  checked: boolean;
  onChange(value: boolean): void;
}): ReactNode {
  return (
    <div className="field">
      <label className="choice">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>
          {label}
          {hint && <span className="field-hint ep-block">{hint}</span>}
        </span>
      </label>
    </div>
  );
}
