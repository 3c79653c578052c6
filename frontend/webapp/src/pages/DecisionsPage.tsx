import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { calendarFeed, createCalendarFeed, subscriptionUrl, upcomingDecisions } from '../api/api';
import { createDecision, decisionsInvolvingMe, revokeCalendarFeed } from '../api/decisions';
import { ApiError } from '../api/http';
import { GOVERNANCE_BODIES as BODIES, RISK_STATES } from '../api/schemas';
import { AllianceTag, StatusBadge } from '../components/Badges';
import { DecisionForm } from '../components/DecisionForm';
import { DecisionTimeline } from '../components/DecisionTimeline';
import { Dialog } from '../components/Dialog';
import { Empty, ErrorState, Loading, QueryState } from '../components/States';
import { formatDay, today } from '../components/format';
import { useSession } from '../session';

function oneOf<T extends string>(values: ReadonlyArray<T>, value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export function DecisionsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  // A hand-edited address with a committee or risk the service does not know is read as "all".
  const filter = {
    allianceId: params.get('alliance') ?? undefined,
    body: oneOf(BODIES, params.get('body')),
    risk: oneOf(RISK_STATES, params.get('risk')),
  };
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const client = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const mayDraft = session.roles.some((r) => ['admin', 'alliance-manager', 'governance-ops'].includes(r));
  const list = useQuery({ queryKey: ['decisions', 'upcoming', filter], queryFn: ({ signal }) => upcomingDecisions(filter, signal) });
  // Filtered here as well, so the screen is right even where the service ignores a filter. The committee is the one
  // holding the decision now, so an escalated decision shows under the body it moved up to.
  const shown = (list.data ?? []).filter((d) =>
    (!filter.allianceId || d.allianceId === filter.allianceId)
    && (!filter.body || d.currentBody === filter.body)
    && (!filter.risk || d.riskState === filter.risk));

  return (
    <div className="page">
      <header className="page-header row">
        <div>
          <h1>Decisions</h1>
          <p className="lede">What is due, and when. Decisions are made ahead of their due date, not at it.</p>
        </div>
        <div className="actions">
          {mayDraft && <button type="button" className="button" onClick={() => setCreating(true)}>New decision</button>}
          <CalendarLink />
        </div>
      </header>
      <Dialog title="New decision" open={creating} onClose={() => setCreating(false)}>
        {creating && <DecisionForm mode="create" alliances={session.alliances} defaultDriver={session.user}
          onCancel={() => setCreating(false)}
          onSubmit={async (request) => {
            const created = await createDecision(request);
            setCreating(false);
            await client.invalidateQueries({ queryKey: ['decisions'] });
            navigate(`/decisions/${created.id}`);
          }} />}
      </Dialog>
      <form className="filters" aria-label="Filter decisions" onSubmit={(e) => e.preventDefault()}>
        <label className="field inline"><span>Alliance</span>
          <select value={filter.allianceId ?? ''} onChange={(e) => setFilter('alliance', e.target.value)}>
            <option value="">All</option>
            {session.alliances.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Committee</span>
          <select value={filter.body ?? ''} onChange={(e) => setFilter('body', e.target.value)}>
            <option value="">All</option>
            {BODIES.map((b) => <option key={b} value={b}>{b.replace('_', ' ')}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Risk</span>
          <select value={filter.risk ?? ''} onChange={(e) => setFilter('risk', e.target.value)}>
            <option value="">All</option>
            <option value="ON_TRACK">On track</option>
            <option value="AT_RISK">At risk</option>
            <option value="OVERDUE">Overdue</option>
          </select>
        </label>
      </form>
      {list.isPending ? <Loading label="Loading decisions…" />
        : list.isError ? <ErrorState error={list.error} retry={() => void list.refetch()} />
          : <DecisionTimeline decisions={shown} today={today()} />}
      <InvolvingMe />
    </div>
  );
}

/** Every decision that names the user in its DACI, drafts and decided ones included, whatever their due date. */
function InvolvingMe() {
  const mine = useQuery({ queryKey: ['decisions', 'involving-me'], queryFn: ({ signal }) => decisionsInvolvingMe(signal) });
  return (
    <section className="panel" aria-labelledby="h-mine">
      <h2 id="h-mine">Involving me</h2>
      <QueryState query={mine} label="Loading your decisions…" isEmpty={(l) => l.length === 0}
        empty={<Empty title="No decision names you">You are not a driver, approver, contributor or informed party of any decision.</Empty>}>
        {(items) => (
          <ul className="list" data-testid="involving-me">
            {items.map((d) => (
              <li key={d.id}>
                <span><Link to={`/decisions/${d.id}`}>{d.title}</Link> <AllianceTag id={d.allianceId} /></span>
                <span className="list-meta"><StatusBadge status={d.status} /> due {formatDay(d.dueDate)} · approver {d.approver}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/**
 * The per-user iCalendar feed. Its URL carries a revocable secret (never the user's token) and is shown once, when
 * created or renewed; renewing invalidates the old one.
 */
function CalendarLink() {
  const client = useQueryClient();
  const feed = useQuery({
    queryKey: ['calendar-feed'],
    queryFn: async ({ signal }) => {
      try {
        return await calendarFeed(signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setUrl(null);
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (answer) => {
      setUrl(answer.url ? subscriptionUrl(answer.url) : null);
      setCopied(false);
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  if (feed.isPending) return null;
  if (feed.isError) return <p className="muted small">Calendar feed unavailable right now.</p>;
  return (
    <div className="calendar-link" aria-label="Calendar subscription">
      {url ? (
        <>
          <label className="field inline"><span>Your calendar feed (keep it private)</span>
            <input readOnly value={url} size={42} onFocus={(e) => e.currentTarget.select()} data-testid="calendar-url" />
          </label>
          <a className="button secondary" href={url.replace(/^https?:/, 'webcal:')}>Subscribe</a>
          <button type="button" className="button secondary" onClick={async () => { await navigator.clipboard?.writeText(url); setCopied(true); }}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </>
      ) : (
        <button type="button" className="button secondary" onClick={() => create.mutate()} disabled={create.isPending}>
          {feed.data ? 'Get a new calendar link' : 'Subscribe to due dates (iCal)'}
        </button>
      )}
      {feed.data && !url && <span className="muted small">A feed exists; a new link replaces the old one.</span>}
      {(feed.data || url) && (
        <button type="button" className="button secondary" onClick={() => revoke.mutate()} disabled={revoke.isPending}>Revoke calendar link</button>
      )}
      {create.isError && <ErrorState error={create.error} />}
      {revoke.isError && <ErrorState error={revoke.error} />}
    </div>
  );
}
