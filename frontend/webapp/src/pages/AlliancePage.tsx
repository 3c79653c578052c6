import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { alliance, allianceHistory, backlogItems, bodies, changePhase, decisionsOf, meetings, updateAlliance } from '../api/api';
import type { Alliance } from '../api/schemas';
import { AllianceForm, PhaseForm } from '../components/AllianceForm';
import { PhaseBadge, RiskBadge, StatusBadge, TierBadge } from '../components/Badges';
import { Dialog } from '../components/Dialog';
import { History } from '../components/History';
import { ObligationPanel } from '../components/ObligationPanel';
import { RiskPanel } from '../components/RiskPanel';
import { Empty, QueryState } from '../components/States';
import { formatDateTime, formatDay, humanize } from '../components/format';
import { canEdit, canManageAlliances, isPartner, useSession } from '../session';
import { pulseResults } from '../api/pulse';
import { PulseGapChart } from '../components/PulseGapChart';

export function AlliancePage() {
  const { key = '' } = useParams();
  const detail = useQuery({ queryKey: ['alliance', key], queryFn: ({ signal }) => alliance(key, signal) });
  const items = useQuery({ queryKey: ['backlog', { allianceId: key, limit: 10 }], queryFn: ({ signal }) => backlogItems({ allianceId: key, limit: 10 }, signal) });
  const phases = useQuery({ queryKey: ['alliance', key, 'history', 'phase'], queryFn: ({ signal }) => allianceHistory(key, 'phase', signal) });
  const session = useSession();
  const manages = canManageAlliances(session);
  const client = useQueryClient();
  const [editing, setEditing] = useState<Alliance | null>(null);
  const [moving, setMoving] = useState<Alliance | null>(null);
  const reload = async () => {
    setEditing(null);
    setMoving(null);
    await client.invalidateQueries({ queryKey: ['alliance', key] });
  };
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
              <div><dt>Risk threshold</dt><dd>{a.riskThreshold}</dd></div>
            </dl>
            {manages && (
              <div className="actions">
                <button type="button" className="button secondary" onClick={() => setEditing(a)}>Edit alliance</button>
                {(a.nextPhases?.length ?? 0) > 0 && <button type="button" className="button" onClick={() => setMoving(a)}>Change phase</button>}
              </div>
            )}
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

        <RiskPanel allianceKey={key} threshold={detail.data?.riskThreshold} editable={canEdit(session)} user={session.user} />
        <ObligationPanel allianceKey={key} editable={canEdit(session)} />

        {!isPartner(session) && <PulsePanel allianceKey={key} />}

        <section className="panel" aria-labelledby="h-phases">
          <h2 id="h-phases">Phase history</h2>
          <QueryState query={phases} isEmpty={(l) => l.length === 0} empty={<Empty title="No phase changes recorded" />}>
            {(list) => <History changes={list} label="Phase changes, newest first" only="phase" />}
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

      <Dialog title="Edit alliance" open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <AllianceForm
            existing={editing}
            defaultManager={session.user}
            onCancel={() => setEditing(null)}
            onReload={() => void reload()}
            onSubmit={async (r) => {
              await updateAlliance(editing.key!, {
                name: r.name, partner: r.partner, type: r.type, tier: r.tier, valueScore: r.valueScore,
                complexityScore: r.complexityScore, allianceManager: r.allianceManager, startDate: r.startDate,
                riskThreshold: r.riskThreshold as number,
              }, editing.version);
              await reload();
              await client.invalidateQueries({ queryKey: ['alliances'] });
            }}
          />
        )}
      </Dialog>
      <Dialog title="Change phase" open={moving !== null} onClose={() => setMoving(null)}>
        {moving && (
          <PhaseForm
            alliance={moving}
            onCancel={() => setMoving(null)}
            onReload={() => void reload()}
            onSubmit={async (phase, reason) => {
              await changePhase(moving.key!, phase, reason, moving.version);
              await reload();
              await client.invalidateQueries({ queryKey: ['alliances'] });
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

/** How both companies rated their meetings, quarter by quarter; our side only (the service refuses partners). */
function PulsePanel({ allianceKey }: { allianceKey: string }) {
  const results = useQuery({ queryKey: ['pulse', allianceKey], queryFn: ({ signal }) => pulseResults(allianceKey, signal) });
  return (
    <section className="panel" aria-labelledby="h-pulse" data-testid="pulse">
      <h2 id="h-pulse">Partner pulse</h2>
      <QueryState query={results} label="Loading the pulse…" isEmpty={(r) => (r.quarters ?? []).length === 0}
        empty={<Empty title="No survey answers yet">Attendees get a survey link when a meeting's minutes are approved.</Empty>}>
        {(r) => {
          const quarters = r.quarters ?? [];
          const latest = quarters[quarters.length - 1];
          return (
            <>
              <p className="small muted">{latest.quarter}: {latest.answered} of {latest.invited} invited attendees answered.
                A mean under {r.floor} or a gap over {r.gapLimit} raises an item for the alliance-health team.</p>
              <PulseGapChart quarter={latest} minimum={r.minimumAnswers ?? 3} />
              {(latest.comments ?? []).length > 0 && (
                <>
                  <h3>Comments ({latest.quarter}, unsigned)</h3>
                  <ul className="pulse-comments">
                    {(latest.comments ?? []).map((c, i) => <li key={i}><span className="muted">{c.side === 'PARTNER' ? 'Partner side' : 'Our side'}: </span>{c.text}</li>)}
                  </ul>
                </>
              )}
              {quarters.length > 1 && (
                <details>
                  <summary>Earlier quarters</summary>
                  {quarters.slice(0, -1).reverse().map((q) => (
                    <div key={q.quarter}><h3>{q.quarter}</h3><PulseGapChart quarter={q} minimum={r.minimumAnswers ?? 3} /></div>
                  ))}
                </details>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
