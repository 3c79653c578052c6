import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { alliance, backlogItems, bodies, decisionsOf, meetings, obligations, risks } from '../api/api';
import { PhaseBadge, RiskBadge, StatusBadge, TierBadge } from '../components/Badges';
import { Empty, QueryState } from '../components/States';
import { formatDateTime, formatDay, humanize } from '../components/format';

export function AlliancePage() {
  const { key = '' } = useParams();
  const detail = useQuery({ queryKey: ['alliance', key], queryFn: ({ signal }) => alliance(key, signal) });
  const items = useQuery({ queryKey: ['backlog', { allianceId: key, limit: 10 }], queryFn: ({ signal }) => backlogItems({ allianceId: key, limit: 10 }, signal) });
  const riskList = useQuery({ queryKey: ['risks', key], queryFn: ({ signal }) => risks(key, signal) });
  const obligationList = useQuery({ queryKey: ['obligations', key], queryFn: ({ signal }) => obligations(key, signal) });
  const bodyList = useQuery({ queryKey: ['bodies', key], queryFn: ({ signal }) => bodies(key, signal) });
  const meetingList = useQuery({ queryKey: ['meetings', { allianceId: key }], queryFn: ({ signal }) => meetings({ allianceId: key }, signal) });
  const decisionList = useQuery({ queryKey: ['decisions', key], queryFn: ({ signal }) => decisionsOf(key, signal) });

  return (
    <div className="page">
      <QueryState query={detail} label="Loading alliance…">
        {(a) => (
          <header className="page-header">
            <p className="crumbs"><Link to="/portfolio">Portfolio</Link> / <span className="mono">{a.key}</span></p>
            <h1>{a.name}</h1>
            <div className="header-badges">
              <TierBadge tier={a.tier} /> <PhaseBadge phase={a.phase} /> <span className="badge">{humanize(a.type)}</span>
            </div>
            <dl className="facts">
              <div><dt>Partner</dt><dd>{a.partner}</dd></div>
              <div><dt>Alliance manager</dt><dd>{a.allianceManager ?? '—'}</dd></div>
              <div><dt>Since</dt><dd>{formatDay(a.startDate)}</dd></div>
              {a.valueScore !== undefined && <div><dt>Value / complexity</dt><dd>{a.valueScore} / {a.complexityScore}</dd></div>}
            </dl>
          </header>
        )}
      </QueryState>

      <div className="grid-2">
        <section className="panel" aria-labelledby="h-backlog">
          <h2 id="h-backlog">Backlog <Link className="small-link" to={`/backlog?alliance=${key}`}>Open backlog →</Link></h2>
          <QueryState query={items} isEmpty={(p) => p.items.length === 0} empty={<Empty title="No backlog items" />}>
            {(page) => (
              <ul className="list">
                {page.items.map((i) => (
                  <li key={i.id}>
                    <span>{i.title}</span>
                    <span className="list-meta"><StatusBadge status={i.status} /> {i.estimate ?? '–'} pts</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>

        <section className="panel" aria-labelledby="h-decisions">
          <h2 id="h-decisions">Decisions</h2>
          <QueryState query={decisionList} isEmpty={(l) => l.length === 0} empty={<Empty title="No decisions" />}>
            {(list) => (
              <ul className="list">
                {list.map((d) => (
                  <li key={d.id}>
                    <Link to={`/decisions/${d.id}`}>{d.title}</Link>
                    <span className="list-meta">Due {formatDay(d.dueDate)} <RiskBadge state={d.riskState} /></span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>

        <section className="panel" aria-labelledby="h-risks">
          <h2 id="h-risks">Risks</h2>
          <QueryState query={riskList} isEmpty={(l) => l.length === 0} empty={<Empty title="No open risks" />}>
            {(list) => (
              <table className="table compact" aria-label="Risks">
                <thead><tr><th>Risk</th><th>Category</th><th className="num">Score</th><th>Review</th></tr></thead>
                <tbody>
                  {[...list].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).map((r) => (
                    <tr key={r.id} className={r.aboveThreshold ? 'row-alert' : undefined}>
                      <td>{r.title}<div className="muted">{r.owner ? `Owner ${r.owner}` : ''}</div></td>
                      <td>{humanize(r.category)}</td>
                      <td className="num">{r.score ?? (r.likelihood ?? 0) * (r.impact ?? 0)}</td>
                      <td>{formatDay(r.nextReviewDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryState>
        </section>

        <section className="panel" aria-labelledby="h-obligations">
          <h2 id="h-obligations">Obligations</h2>
          <QueryState query={obligationList} isEmpty={(l) => l.length === 0} empty={<Empty title="No obligations recorded" />}>
            {(list) => (
              <table className="table compact" aria-label="Obligations">
                <thead><tr><th>Obligation</th><th>Owed by</th><th>Due</th></tr></thead>
                <tbody>
                  {list.map((o) => (
                    <tr key={o.id}>
                      <td>{o.title}<div className="muted">{o.clauseRef} {humanize(o.kind)}</div></td>
                      <td>{humanize(o.owedBy)}</td>
                      <td>{formatDay(o.dueDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryState>
        </section>

        <section className="panel" aria-labelledby="h-bodies">
          <h2 id="h-bodies">Governance bodies</h2>
          <QueryState query={bodyList} isEmpty={(l) => l.length === 0} empty={<Empty title="No committees set up" />}>
            {(list) => (
              <ul className="list">
                {list.map((b) => (
                  <li key={b.id}>
                    <span><strong>{b.type}</strong> {b.name}</span>
                    <span className="list-meta">{b.cadence ? humanize(b.cadence) : ''} {b.quorum ? `· quorum ${b.quorum}` : ''} {b.members ? `· ${b.members.length} members` : ''}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>

        <section className="panel" aria-labelledby="h-meetings">
          <h2 id="h-meetings">Upcoming meetings</h2>
          <QueryState query={meetingList} isEmpty={(l) => l.length === 0} empty={<Empty title="No meetings scheduled" />}>
            {(list) => (
              <ul className="list">
                {list.filter((m) => new Date(m.startsAt ?? 0).getTime() > Date.now() - 86_400_000).map((m) => (
                  <li key={m.id}>
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    <span className="list-meta">{m.bodyType && <span className="badge body">{m.bodyType}</span>} {formatDateTime(m.startsAt, m.timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
      </div>
    </div>
  );
}
