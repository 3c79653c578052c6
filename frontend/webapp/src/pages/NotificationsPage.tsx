import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  KIND_LABELS, MODE_LABELS, markAllRead, markRead, notifications, POLL_MS, preferences, savePreferences,
  type DeliveryMode, type NotificationKind, type PreferenceView,
} from '../api/notifications';
import { ErrorState, Loading } from '../components/States';

const MODES = Object.keys(MODE_LABELS) as DeliveryMode[];

/** All of the caller's notifications and how each kind reaches them; a mail's unsubscribe link lands here. */
export function NotificationsPage() {
  const client = useQueryClient();
  const [params] = useSearchParams();
  const unsubscribe = params.get('unsubscribe') as NotificationKind | null;
  const list = useQuery({ queryKey: ['notifications', 'list'], queryFn: ({ signal }) => notifications(signal),
    refetchInterval: POLL_MS, staleTime: 0 });
  const prefs = useQuery({ queryKey: ['notification-preferences'], queryFn: ({ signal }) => preferences(signal) });
  const [draft, setDraft] = useState<PreferenceView[]>([]);
  useEffect(() => { if (prefs.data) setDraft(prefs.data); }, [prefs.data]);
  const refresh = () => void client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });
  const save = useMutation({
    mutationFn: (p: PreferenceView[]) => savePreferences(p),
    onSuccess: (saved) => client.setQueryData(['notification-preferences'], saved.preferences ?? []),
  });

  if (list.isPending || prefs.isPending) return <Loading label="Loading notifications…" />;
  if (list.isError) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  if (prefs.isError) return <ErrorState error={prefs.error} retry={() => void prefs.refetch()} />;

  return (
    <section className="page">
      <h1>Notifications</h1>
      {unsubscribe && unsubscribe in KIND_LABELS && (
        <div className="notice" role="status">
          <p>Stop hearing about “{KIND_LABELS[unsubscribe]}”?</p>
          <button type="button" className="button" disabled={save.isPending}
            onClick={() => save.mutate([{ kind: unsubscribe, mode: 'OFF' }])}>Turn it off</button>
        </div>
      )}
      <h2>Latest</h2>
      <button type="button" className="button secondary small" disabled={readAll.isPending}
        onClick={() => readAll.mutate()}>Mark all read</button>
      {list.data.length === 0 ? <p>Nothing yet.</p> : (
        <ul className="notification-list" data-testid="notification-list">
          {list.data.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <Link to={n.link ?? '/'} onClick={() => { if (!n.readAt && n.id) read.mutate(n.id); }}>
                {!n.readAt && <span className="visually-hidden">Unread: </span>}{n.title}
              </Link>
              <small> {n.allianceId} · {n.createdAt ? new Date(n.createdAt).toLocaleString() : ''}</small>
              {n.body && <p>{n.body}</p>}
            </li>
          ))}
        </ul>
      )}
      <h2>How each kind reaches me</h2>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(draft); }}>
        {draft.map((p) => (
          <p key={p.kind}>
            <label htmlFor={`pref-${p.kind}`}>{KIND_LABELS[p.kind]}</label>{' '}
            <select id={`pref-${p.kind}`} value={p.mode}
              onChange={(e) => setDraft(draft.map((d) => (d.kind === p.kind ? { ...d, mode: e.target.value as DeliveryMode } : d)))}>
              {MODES.map((m) => <option key={m} value={m}>{MODE_LABELS[m]}</option>)}
            </select>
          </p>
        ))}
        <button type="submit" className="button" disabled={save.isPending}>Save preferences</button>
        {save.isSuccess && <span role="status"> Saved.</span>}
      </form>
    </section>
  );
}
