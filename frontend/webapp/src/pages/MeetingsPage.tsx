import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { meetings } from '../api/api';
import { AllianceTag } from '../components/Badges';
import { Empty, QueryState } from '../components/States';
import { formatDateTime, humanize } from '../components/format';

export function MeetingsPage() {
  const list = useQuery({ queryKey: ['meetings', {}], queryFn: ({ signal }) => meetings({}, signal) });
  return (
    <div className="page">
      <header className="page-header">
        <h1>Meetings</h1>
        <p className="lede">Committee meetings: agenda, prep packet, minutes and actions.</p>
      </header>
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
