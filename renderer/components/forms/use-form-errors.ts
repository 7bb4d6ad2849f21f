/**
 * Form errors that behave: every error is reported at once on submit, the first invalid field gets the focus, and
 * each message disappears as soon as its field is fixed (errors are recomputed from the current values, not kept
 * from the last submit). A refusal from main sticks to its field only until a value of the form changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/contract';

/** One problem: the id of the control to fix (focused, and described by the message) and what to say. */
export interface FieldError {
  field: string;
  message: string;
}

/** What a form gets from {@link useFormErrors}. */
export interface FormErrors {
  /** The errors to show now (none before the first submit). */
  errors: FieldError[];
  /** The message for one control, if it has one. */
  errorFor: (field: string) => string | undefined;
  /** aria-invalid and aria-describedby for a control. */
  fieldProps: (field: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** On submit: true when the form may go on; otherwise reports every error and focuses the first. */
  check: () => boolean;
  /** Shows main's refusal on `field` (an element id; null = the form as a whole) until a value changes. */
  refused: (error: ApiError, field: string | null) => void;
}

/** The id of a control's error message (for aria-describedby). */
export const errorId = (field: string): string => `${field}-error`;

/** Form errors for the current `values`, found by `validate` (a pure function of them). */
export function useFormErrors<V>(values: V, validate: (values: V) => FieldError[]): FormErrors {
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ error: FieldError; snapshot: string } | null>(null);
  const [focus, setFocus] = useState<{ field: string; at: number } | null>(null);
  const snapshot = JSON.stringify(values);
  const local = submitted ? validate(values) : [];
  const fromMain = server && server.snapshot === snapshot ? [server.error] : [];
  const errors = [...local, ...fromMain.filter((e) => !local.some((l) => l.field === e.field))];

  useEffect(() => {
    // After the render that shows the messages, so a screen reader reads the field with its description.
    if (focus) document.getElementById(focus.field)?.focus();
  }, [focus]);

  const check = useCallback(() => {
    setSubmitted(true);
    setServer(null);
    const found = validate(values);
    if (found[0]) setFocus({ field: found[0].field, at: Date.now() });
    return found.length === 0;
  }, [validate, values]);

  const refused = useCallback(
    (error: ApiError, field: string | null) => {
      setServer({ error: { field: field ?? '', message: error.message }, snapshot });
      if (field) setFocus({ field, at: Date.now() });
    },
    [snapshot],
  );

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return {
    errors,
    errorFor,
    fieldProps: (field) => (errorFor(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {}),
    check,
    refused,
  };
}
