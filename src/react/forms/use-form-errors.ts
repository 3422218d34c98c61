import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { FieldErrors } from '../../core/errors/types';
import { useErrorHandler, type HandleErrorContext } from '../hooks/use-error-handler';
import { getFieldErrors } from './get-field-errors';

/** Accessibility props for one input, from {@link FormErrorsApi.fieldProps}. */
export interface FieldErrorProps {
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** What `useFormErrors()` returns. */
export interface FormErrorsApi {
  /** Put on the `<form>`: the first invalid field is looked up (in document order) and focused in it. */
  formRef: RefObject<HTMLFormElement | null>;
  /** Field name → messages from the latest failed submit. */
  fieldErrors: FieldErrors;
  /**
   * Maps a failed submit: a validation error with field messages goes to the fields and focuses the first invalid
   * one; anything else goes to `useErrorHandler()`. Returns whether it was mapped to fields. Never resets the form,
   * so what the user typed stays.
   */
  handleSubmitError: (error: unknown, context?: HandleErrorContext) => boolean;
  /** Clears one field's messages (call it on change), or all of them. */
  clearFieldErrors: (name?: string) => void;
  /** `name`, `aria-invalid` and `aria-describedby` for an input; spread them on it. */
  fieldProps: (name: string) => FieldErrorProps;
  /** The id to give the element that shows a field's messages (what `aria-describedby` points to). */
  errorId: (name: string) => string;
}

/**
 * Maps a server's validation error onto a form: field messages next to their inputs, `aria-invalid` set, focus
 * moved to the first invalid field, and the user's input left as it was.
 *
 * @example
 * const { formRef, fieldErrors, handleSubmitError, fieldProps, errorId } = useFormErrors();
 * <form ref={formRef} onSubmit={(e) => { e.preventDefault(); save(new FormData(e.currentTarget)).catch(handleSubmitError); }}>
 *   <input {...fieldProps('email')} />
 *   {fieldErrors.email && <p id={errorId('email')}>{fieldErrors.email.join(' ')}</p>}
 * </form>
 */
export function useFormErrors(): FormErrorsApi {
  const formRef = useRef<HTMLFormElement | null>(null);
  const handleError = useErrorHandler();
  const prefix = useId();
  // A new object per failed submit, so the same errors twice still move focus again.
  const [state, setState] = useState<{ fieldErrors: FieldErrors }>({ fieldErrors: {} });
  const { fieldErrors } = state;

  useEffect(() => {
    const names = Object.keys(state.fieldErrors);
    if (names.length === 0 || !formRef.current) return;
    for (const element of Array.from(formRef.current.elements)) {
      const name = element.getAttribute('name');
      if (name !== null && names.includes(name) && element instanceof HTMLElement) {
        element.focus();
        return;
      }
    }
  }, [state]);

  const handleSubmitError = useCallback(
    (error: unknown, context?: HandleErrorContext) => {
      const mapped = getFieldErrors(error);
      if (Object.keys(mapped).length === 0) {
        handleError(error, context);
        return false;
      }
      setState({ fieldErrors: mapped });
      return true;
    },
    [handleError],
  );

  const clearFieldErrors = useCallback((name?: string) => {
    setState((current) => {
      if (name === undefined) return { fieldErrors: {} };
      if (!(name in current.fieldErrors)) return current;
      return {
        fieldErrors: Object.fromEntries(Object.entries(current.fieldErrors).filter(([key]) => key !== name)),
      };
    });
  }, []);

  const errorId = useCallback((name: string) => `${prefix}-${name}-error`, [prefix]);

  return useMemo(
    () => ({
      formRef,
      fieldErrors,
      handleSubmitError,
      clearFieldErrors,
      errorId,
      fieldProps: (name: string) => {
        const invalid = fieldErrors[name] !== undefined;
        const props: FieldErrorProps = {
          name,
          'aria-invalid': invalid || undefined,
          'aria-describedby': invalid ? errorId(name) : undefined,
        };
        return props;
      },
    }),
    [fieldErrors, handleSubmitError, clearFieldErrors, errorId],
  );
}
