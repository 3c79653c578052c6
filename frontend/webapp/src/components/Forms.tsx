import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/http';

/** Any failure as an ApiError, so a form can show the problem+json and its field errors. */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ title: 'Could not save', status: 0, detail: String(e) });
}

/**
 * A form's submit state: busy while the call runs, the service's problem afterwards. The call's own error is kept so
 * that its field errors show beside their fields.
 */
export function useSubmit() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(call: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run, setError };
}

/** The form's own message: a 412 says someone else changed it and offers a reload; anything else names the problem. */
export function FormProblem({ error, onReload }: { error: ApiError | null; onReload?: () => void }) {
  if (!error) return null;
  if (error.status === 412) {
    return (
      <div className="form-error" role="alert">
        <strong>Changed by someone else — reload</strong>
        <p>Someone saved a change since you opened this. Reload to see it, then make your change again.</p>
        {onReload && <button type="button" className="button secondary small" onClick={onReload}>Reload</button>}
      </div>
    );
  }
  return (
    <div className="form-error" role="alert">
      <strong>{error.problem.title}</strong>
      {error.problem.detail && <p>{error.problem.detail}</p>}
    </div>
  );
}

/** A labelled control with the service's message for that field right beside it. */
export function Field({ id, label, error, field, children, hint }: {
  id: string;
  label: string;
  error: ApiError | null;
  field: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const message = error?.fieldError(field);
  const describedBy = [message ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!message, 'aria-describedby': describedBy })}
      {hint && <span className="muted small" id={`${id}-hint`}>{hint}</span>}
      {message && <span className="field-error" id={`${id}-error`}>{message}</span>}
    </div>
  );
}

/** A number input's value for a request: empty is no value. */
export const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
