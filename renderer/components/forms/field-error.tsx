import type { ReactNode } from 'react';
import { errorId, type FormErrors } from './use-form-errors';

/** The message under one control (empty when the field is fine; the id is what aria-describedby points at). */
export function FieldErrorText({ form, field }: { form: FormErrors; field: string }): ReactNode {
  const message = form.errorFor(field);
  return message ? (
    <p className="field-error" id={errorId(field)}>
      {message}
    </p>
  ) : null;
}

/** Every error of the form, listed at once; each links to its control. Form-wide refusals (no field) show here only. */
export function ErrorSummary({ form, title }: { form: FormErrors; title: string }): ReactNode {
  return (
    <div role="alert" className="form-error" data-testid="form-errors">
      {form.errors.length > 0 && (
        <>
          <p>{title}</p>
          <ul>
            {form.errors.map((e) => (
              <li key={e.field + e.message}>
                {e.field ? (
                  <a
                    href={`#${e.field}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(e.field)?.focus();
                    }}
                  >
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
