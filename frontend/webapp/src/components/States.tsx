import type { ReactNode } from 'react';
import { ApiError } from '../api/http';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="note">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** Tells the user what went wrong in plain words; a service that is down gets its own, calmer message. */
export function ErrorState({ error, retry, title: heading }: { error: unknown; retry?: () => void; title?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const unavailable = problem?.status === 503 || problem?.status === 504;
  const notFound = problem?.status === 404;
  const title = heading ?? (unavailable
    ? problem?.title ?? 'Service unavailable'
    : notFound
      ? 'Not found'
      : problem?.title ?? 'Something went wrong');
  const detail = notFound
    ? 'It does not exist, or it belongs to an alliance you are not a member of.'
    : problem?.detail ?? (error instanceof Error ? error.message : 'Unexpected error.');
  return (
    <div className={`state state-error ${unavailable ? 'state-unavailable' : ''}`} role="alert">
      <strong>{title}</strong>
      <p>{detail}</p>
      {retry && (
        <button type="button" className="button secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders the right state for a react-query result, or the children once data is there. */
export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
  label,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (query.isPending) return <Loading label={label} />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const data = query.data as T;
  if (isEmpty && isEmpty(data)) return <>{empty ?? <Empty title="Nothing here yet" />}</>;
  return <>{children(data)}</>;
}
