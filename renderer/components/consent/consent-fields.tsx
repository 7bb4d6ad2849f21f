import type { ReactNode, Ref } from 'react';
import type { ApiError } from '../../../shared/contract';
import { Field } from '../field';
import { PhonePreview } from './phone-preview';
import type { Statement } from './use-statement';

/** The customer's number with the live "will be saved as" preview (counter and kiosk). */
export function PhoneField(props: {
  formId: string;
  fieldPrefix: string;
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  country: string;
  autoComplete: string;
  inputRef?: Ref<HTMLInputElement>;
}): ReactNode {
  const previewId = `${props.formId}-preview`;
  return (
    <Field label={props.label} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            ref={props.inputRef}
            id={id}
            data-field={`${props.fieldPrefix}phone`}
            type="tel"
            autoComplete={props.autoComplete}
            className="input-large"
            aria-describedby={[describedBy, previewId].filter(Boolean).join(' ')}
            aria-invalid={invalid}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
          <PhonePreview phone={props.value} country={props.country} id={previewId} />
        </>
      )}
    </Field>
  );
}

/** The exact statement the customer agrees to (it is what the ledger stores as shown). */
export function StatementSection(props: { formId: string; title: string; empty: string; statement: Statement | null; error: ApiError | null }): ReactNode {
  const { formId, statement, error } = props;
  return (
    <section className="statement" aria-labelledby={`${formId}-statement`}>
      <h3 id={`${formId}-statement`}>{props.title}</h3>
      {error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : statement ? (
        <p className="statement-text" lang={statement.locale} data-version={statement.version}>
          {statement.text}
        </p>
      ) : (
        <p className="muted">{props.empty}</p>
      )}
    </section>
  );
}

/** "The customer agrees" tick, with its error under it. */
export function AgreeCheckbox(props: {
  formId: string;
  fieldPrefix: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}): ReactNode {
  const errorId = `${props.formId}-agreed-error`;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label className="choice agree">
        <input
          type="checkbox"
          data-field={`${props.fieldPrefix}agreed`}
          checked={props.checked}
          aria-describedby={props.error ? errorId : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.error && (
        <p className="field-error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
