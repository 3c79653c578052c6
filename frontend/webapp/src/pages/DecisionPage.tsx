import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { decisionDetail } from '../api/api';
import { AllianceTag, RiskBadge, StatusBadge } from '../components/Badges';
import { QueryState } from '../components/States';
import { formatDateTime, formatDay, isoDay, parseDay, today } from '../components/format';
import { daysUntil } from '../components/timeline';

export function DecisionPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['decision', id], queryFn: ({ signal }) => decisionDetail(id, signal) });
  return (
    <div className="page">
      <p className="crumbs"><Link to="/decisions">Decisions</Link> / detail</p>
      <QueryState query={query} label="Loading decision…">
        {(d) => {
          const days = daysUntil(d.dueDate, today());
          return (
            <>
              <header className="page-header">
                <h1>{d.title}</h1>
                <div className="header-badges">
                  <AllianceTag id={d.allianceId} /> {d.governanceBody && <span className="badge body">{d.governanceBody}</span>} <StatusBadge status={d.status} /> <RiskBadge state={d.riskState} />
                </div>
                <dl className="facts">
                  <div><dt>Due</dt><dd data-testid="decision-due">{formatDay(d.dueDate)} <span className={days < 0 ? 'overdue-text' : 'muted'}>({days < 0 ? `${-days} days overdue` : `in ${days} days`})</span></dd></div>
                  {d.leadTimeDays != null && <div><dt>Preparation needed</dt><dd>{d.leadTimeDays} days (ready by {formatDay(d.prepDeadline ?? shift(d.dueDate, -d.leadTimeDays))})</dd></div>}
                  {d.currentBody && d.currentBody !== d.governanceBody && <div><dt>Escalated to</dt><dd>{d.currentBody}{d.respondBy ? `, respond by ${formatDay(d.respondBy)}` : ''}</dd></div>}
                </dl>
                {d.riskReason && d.riskState !== 'ON_TRACK' && <p className="risk-reason" role="note">Why {d.riskState === 'OVERDUE' ? 'overdue' : 'at risk'}: {d.riskReason}</p>}
              </header>
              <div className="grid-2">
                <section className="panel" aria-labelledby="h-question">
                  <h2 id="h-question">Question</h2>
                  <p>{d.question ?? '—'}</p>
                  {d.context && <><h3>Context</h3><p className="prewrap">{d.context}</p></>}
                </section>
                <section className="panel" aria-labelledby="h-daci">
                  <h2 id="h-daci">DACI</h2>
                  <dl className="daci">
                    <div><dt>Driver</dt><dd>{d.driver ?? '—'}</dd></div>
                    <div><dt>Approver</dt><dd>{d.approver ?? '—'}</dd></div>
                    <div><dt>Contributors</dt><dd>{d.contributors?.length ? d.contributors.join(', ') : '—'}</dd></div>
                    <div><dt>Informed</dt><dd>{d.informed?.length ? d.informed.join(', ') : '—'}</dd></div>
                  </dl>
                </section>
              </div>
              <section className="panel" aria-labelledby="h-options">
                <h2 id="h-options">Options</h2>
                {d.options?.length ? (
                  <div className="options">
                    {d.options.map((o) => (
                      <article key={o.key} className={`option ${d.outcome?.chosenOption === o.key ? 'option-chosen' : ''}`}>
                        <h3><span className="option-key">{o.key}</span> {o.title}{d.outcome?.chosenOption === o.key && <span className="badge status status-decided">Chosen</span>}</h3>
                        <div className="pros-cons">
                          <div><h4>Pros</h4><p className="prewrap">{o.pros || '—'}</p></div>
                          <div><h4>Cons</h4><p className="prewrap">{o.cons || '—'}</p></div>
                        </div>
                      </article>
                    ))}
                  </div>
                ) : <p className="muted">No options recorded yet.</p>}
              </section>
              {d.prep && (
                <section className="panel" aria-labelledby="h-prep">
                  <h2 id="h-prep">Preparation <span className="muted small">{d.prep.done} of {d.prep.total} done · {d.prep.inSprint} in a sprint</span></h2>
                  {d.prep.items?.length ? (
                    <ul className="list">
                      {d.prep.items.map((p) => (
                        <li key={p.itemId}><span>{p.title}</span><span className="list-meta"><StatusBadge status={p.done ? 'DONE' : p.inSprint ? 'IN_SPRINT' : p.status} />{p.boardColumn ? ` ${p.boardColumn.replace('_', ' ').toLowerCase()}` : ''}</span></li>
                      ))}
                    </ul>
                  ) : <p className="muted">No preparation items yet.</p>}
                </section>
              )}
              {d.outcome && (
                <section className="panel" aria-labelledby="h-outcome">
                  <h2 id="h-outcome">Outcome</h2>
                  <p>Decided {formatDateTime(d.outcome.decidedAt)} by {d.outcome.decidedBy ?? '—'}: option <strong>{d.outcome.chosenOption}</strong></p>
                  <p className="prewrap">{d.outcome.rationale}</p>
                </section>
              )}
              {d.internalNotes && (
                <section className="panel internal" aria-labelledby="h-internal">
                  <h2 id="h-internal">Internal notes <span className="badge">Internal only</span></h2>
                  <p className="prewrap">{d.internalNotes}</p>
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function shift(iso: string | undefined, days: number): string {
  const date = parseDay(iso);
  date.setDate(date.getDate() + days);
  return isoDay(date);
}
