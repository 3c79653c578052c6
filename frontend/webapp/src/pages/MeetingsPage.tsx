import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { meetings } from '../api/api';
import { allBodies, scheduleMeeting } from '../api/governance';
import { AllianceTag } from '../components/Badges';
import { Dialog } from '../components/Dialog';
import { MeetingForm } from '../components/MeetingForm';
import { Empty, ErrorState, Loading, QueryState } from '../components/States';
import { formatDateTime, humanize } from '../components/format';
import { canRunGovernance, useSession } from '../session';

export function MeetingsPage() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [scheduling, setScheduling] = useState(false);
  const list = useQuery({ queryKey: ['meetings', {}], queryFn: ({ signal }) => meetings({}, signal) });
  const bodies = useQuery({ queryKey: ['bodies', 'all', ''], queryFn: ({ signal }) => allBodies('', signal), enabled: scheduling });
  return (
    <div className="page">
      <header className="page-header">
        <h1>Meetings</h1>
        <p className="lede">Committee meetings: agenda, prep packet, minutes and actions.</p>
      </header>
      {canRunGovernance(session) && (
        <div className="toolbar">
          <Link to="/committees">Committees and missing meetings</Link>
          <button type="button" className="button" onClick={() => setScheduling(true)}>Schedule meeting</button>
        </div>
      )}
      <Dialog title="Schedule a meeting" open={scheduling} onClose={() => setScheduling(false)}>
        {scheduling && (bodies.isPending ? <Loading label="Loading committees…" /> : bodies.isError ? <ErrorState error={bodies.error} retry={() => void bodies.refetch()} />
          : bodies.data.length === 0 ? <Empty title="No committees yet"><Link to="/committees">Set one up first.</Link></Empty> : (
            <MeetingForm bodies={bodies.data} onCancel={() => setScheduling(false)}
              onSubmit={async ({ bodyId, ...rest }) => {
                const created = await scheduleMeeting({ ...rest, bodyId });
                await client.invalidateQueries({ queryKey: ['meetings'] });
                await client.invalidateQueries({ queryKey: ['missing-meetings', bodyId] });
                navigate(`/meetings/${created.id}`);
              }} />
          ))}
      </Dialog>
      <QueryState query={list} label="Loading meetings…" isEmpty={(l) => l.length === 0} empty={<Empty title="No meetings scheduled" />}>
        {(all) => {
          const now = Date.now() - 12 * 3_600_000;
          const upcoming = all.filter((m) => new Date(m.startsAt ?? 0).getTime() >= now).sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
          const past = all.filter((m) => new Date(m.startsAt ?? 0).getTime() < now).sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? ''));
          return (
            <>
              <MeetingTable title="Upcoming" list={upcoming} />
              {past.length > 0 && <MeetingTable title="Past" list={past} />}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function MeetingTable({ title, list }: { title: string; list: Awaited<ReturnType<typeof meetings>> }) {
  return (
    <section className="panel" aria-labelledby={`h-${title}`}>
      <h2 id={`h-${title}`}>{title}</h2>
      {list.length === 0 ? <Empty title={`No ${title.toLowerCase()} meetings`} /> : (
        <table className="table" aria-label={`${title} meetings`}>
          <thead><tr><th>Meeting</th><th>Alliance</th><th>Committee</th><th>When</th><th>Status</th></tr></thead>
          <tbody>
            {list.map((m) => (
              <tr key={m.id} data-testid="meeting-row">
                <th scope="row"><Link to={`/meetings/${m.id}`}>{m.title}</Link></th>
                <td><AllianceTag id={m.allianceId} /></td>
                <td>{m.bodyType ?? '—'}</td>
                <td>{formatDateTime(m.startsAt, m.timeZone)}</td>
                <td>{humanize(m.status ?? 'SCHEDULED')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
