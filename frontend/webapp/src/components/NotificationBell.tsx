import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { markAllRead, markRead, notifications, POLL_MS, unreadCount } from '../api/notifications';

/**
 * The header's bell: the unread count (polled, so news shows without a reload) and a panel of the latest
 * notifications. Opening one marks it read and goes to its object.
 */
export function NotificationBell() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const count = useQuery({ queryKey: ['notifications', 'unread'], queryFn: ({ signal }) => unreadCount(signal),
    refetchInterval: POLL_MS, staleTime: 0 });
  const list = useQuery({ queryKey: ['notifications', 'list'], queryFn: ({ signal }) => notifications(signal),
    enabled: open, staleTime: 0 });
  const refresh = () => void client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(false); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const unread = count.data ?? 0;
  return (
    <div className="notification-bell" ref={panel}>
      <button type="button" className="button secondary small" aria-expanded={open} aria-controls="notification-panel"
        data-testid="notification-bell" onClick={() => setOpen((o) => !o)}
        aria-label={`Notifications, ${unread} unread`}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && <span className="badge" data-testid="notification-count">{unread}</span>}
      </button>
      {open && (
        <div id="notification-panel" className="notification-panel" role="region" aria-label="Notifications">
          <div className="notification-actions">
            <button type="button" className="button secondary small" disabled={unread === 0 || readAll.isPending}
              onClick={() => readAll.mutate()}>Mark all read</button>
            <Link to="/notifications" onClick={() => setOpen(false)}>All notifications and preferences</Link>
          </div>
          {list.isPending && <p>Loading…</p>}
          {list.isError && <p role="alert">Notifications could not be loaded.</p>}
          {list.data && list.data.length === 0 && <p>Nothing yet.</p>}
          {list.data && list.data.length > 0 && (
            <ul>
              {list.data.slice(0, 10).map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  <a href={n.link} onClick={(e) => {
                    e.preventDefault();
                    setOpen(false);
                    if (!n.readAt && n.id) read.mutate(n.id);
                    navigate(n.link ?? '/');
                  }}>
                    {!n.readAt && <span className="visually-hidden">Unread: </span>}
                    {n.title}
                  </a>
                  {n.body && <small>{n.body}</small>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
