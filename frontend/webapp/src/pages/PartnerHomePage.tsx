import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { alliances, packetUrl, upcomingDecisions } from '../api/api';
import { latestPacket, upcomingMeetings } from '../api/partner';
import { AllianceTag, PhaseBadge } from '../components/Badges';
import { Empty, QueryState } from '../components/States';
import { formatDateTime, formatDay, humanize, today } from '../components/format';
import { ActionItemList } from '../components/ActionItemList';
import { useSession } from '../session';

/**
 * The partner's start page: only what the alliance shares with them, in one place. Every list comes from the
 * services already filtered for the partner role, so nothing here needs hiding.
 */
export function PartnerHomePage() {
  const session = useSession();
  const from = today();
  const mine = useQuery({ queryKey: ['alliances'], queryFn: ({ signal }) => alliances(signal) });
  const meetings = useQuery({ queryKey: ['meetings', 'upcoming', from], queryFn: ({ signal }) => upcomingMeetings(from, signal) });
  const decisions = useQuery({ queryKey: ['decisions', 'upcoming', {}], queryFn: ({ signal }) => upcomingDecisions({}, signal) });
  return (
    <div className="page partner-home">
      <header className="page-header">
        <h1>Welcome, {session.name ?? session.user}</h1>
        <p className="lede">Your joint governance with us: meetings, decisions due on the joint committees, your action items and the latest packet.</p>
      </header>
      <div className="grid-2">
        <section className="panel" aria-labelledby="h-alliances">
          <h2 id="h-alliances">Your alliances</h2>
          <QueryState query={mine} label="Loading your alliances…" isEmpty={(l) => l.length === 0}
            empty={<Empty title="No alliances yet">Ask your alliance manager to add you to the alliance you work on.</Empty>}>
            {(list) => (
              <ul className="list" aria-label="Your alliances">
                {list.map((a) => (
                  <li key={a.key} data-testid="partner-alliance">
                    <span><strong>{a.name}</strong> <span className="muted">with {a.partner}</span></span>
                    <span className="list-meta"><AllianceTag id={a.key} /> <PhaseBadge phase={a.phase} /></span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
        <LatestPacket meetings={meetings.data} />
        <section className="panel" aria-labelledby="h-meetings">
          <h2 id="h-meetings">Upcoming meetings</h2>
          <QueryState query={meetings} label="Loading meetings…" isEmpty={(l) => l.length === 0} empty={<Empty title="No meetings scheduled" />}>
            {(list) => (
              <ul className="list" aria-label="Upcoming meetings">
                {list.slice(0, 8).map((m) => {
                  const me = (m.attendees ?? []).find((a) => a.user === session.user);
                  return (
                    <li key={m.id} data-testid="partner-meeting">
                      <span><Link to={`/meetings/${m.id}`}>{m.title}</Link> <span className="muted small">{formatDateTime(m.startsAt, m.timeZone)}</span></span>
                      <span className="list-meta">
                        <AllianceTag id={m.allianceId} />
                        {me && <span className="badge" data-testid="my-rsvp">Your RSVP: {humanize(me.rsvp ?? 'PENDING').toLowerCase()}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </QueryState>
        </section>
        <section className="panel" aria-labelledby="h-decisions">
          <h2 id="h-decisions">Decisions due on the joint committees</h2>
          <QueryState query={decisions} label="Loading decisions…" isEmpty={(l) => l.length === 0} empty={<Empty title="No decisions due in the next eight weeks" />}>
            {(list) => (
              <ul className="list" aria-label="Decisions due">
                {[...list].sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')).map((d) => (
                  <li key={d.id} data-testid="partner-decision">
                    <span><Link to={`/decisions/${d.id}`}>{d.title}</Link><br /><span className="muted small">{d.question}</span></span>
                    <span className="list-meta">
                      {d.governanceBody && <span className="badge body">{d.governanceBody}</span>}
                      <span>due <time dateTime={d.dueDate}>{formatDay(d.dueDate)}</time></span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
        <section className="panel wide" aria-labelledby="h-actions">
          <h2 id="h-actions">Your action items</h2>
          <ActionItemList />
        </section>
      </div>
    </div>
  );
}

/** The newest packet of the next meetings that have one, in the partner edition (the only one a partner may read). */
function LatestPacket({ meetings }: { meetings?: Awaited<ReturnType<typeof upcomingMeetings>> }) {
  const next = (meetings ?? []).slice(0, 5);
  const packet = useQuery({
    queryKey: ['packets', 'latest', next.map((m) => m.id)],
    enabled: meetings != null,
    queryFn: async ({ signal }) => {
      for (const m of next) {
        const latest = await latestPacket(m.id!, signal);
        if (latest) return { meeting: m, version: latest.version ?? 1, generatedAt: latest.generatedAt };
      }
      return null;
    },
  });
  return (
    <section className="panel" aria-labelledby="h-packet">
      <h2 id="h-packet">Latest packet</h2>
      {meetings == null ? <p className="muted">Waiting for the meetings…</p> : (
        <QueryState query={packet} label="Looking for the latest packet…" isEmpty={(p) => p == null}
          empty={<Empty title="No packet yet">The pre-read is sent about a week before each meeting.</Empty>}>
          {(p) => p && (
            <div data-testid="partner-packet">
              <p><strong>{p.meeting.title}</strong> <span className="muted small">version {p.version}{p.generatedAt ? `, ${formatDateTime(p.generatedAt)}` : ''}</span></p>
              <div className="actions">
                <Link className="button" to={`/meetings/${p.meeting.id}?tab=packet`}>Open the packet (partner edition)</Link>
                <a className="button secondary" href={packetUrl(p.meeting.id!, p.version, 'PARTNER', 'pdf')}
                  download={`${p.meeting.allianceId}-packet-v${p.version}-partner.pdf`}>Download PDF</a>
              </div>
            </div>
          )}
        </QueryState>
      )}
    </section>
  );
}

/** Any page outside the partner's own: an access message and the way back, never the page's data. */
export function PartnerNoAccess() {
  return (
    <div className="page">
      <div className="state state-error" role="alert" data-testid="partner-no-access">
        <strong>Not available to partner accounts</strong>
        <p>This page holds our internal working data, which is not shared with partner companies.</p>
        <Link to="/home">Back to your home page</Link>
      </div>
    </div>
  );
}
