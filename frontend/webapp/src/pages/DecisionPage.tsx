import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  decideDecision, decisionHistory, decisionVersioned, deferDecision, openDecision, proposeOption, supersedeDecision,
  updateDraft, withdrawDecision, type DecisionView,
} from '../api/decisions';
import { AllianceTag, RiskBadge, StatusBadge } from '../components/Badges';
import { DecisionForm } from '../components/DecisionForm';
import { Dialog } from '../components/Dialog';
import { EscalationLadder } from '../components/EscalationLadder';
import { Field, FormProblem, useSubmit } from '../components/Forms';
import { History } from '../components/History';
import { Empty, ErrorState, Loading, QueryState } from '../components/States';
import { formatDateTime, formatDay, isoDay, parseDay, today } from '../components/format';
import { daysUntil } from '../components/timeline';
import { isPartner, useSession } from '../session';
import type { Session } from '../api/bff';

type Action = 'edit' | 'propose' | 'decide' | 'defer' | 'withdraw' | 'supersede';

const ACTIVE = ['OPEN', 'PROPOSED', 'ESCALATED', 'DEFERRED'];

/** Drafting, opening and moving a decision on: the service allows admins, alliance managers and governance ops. */
function canDrive(session: Session): boolean {
  return session.roles.some((r) => ['admin', 'alliance-manager', 'governance-ops'].includes(r));
}

/** Whether the signed-in user is the approver (or, for a committee, governance ops who record its decision). */
function mayDecide(session: Session, approver?: string): boolean {
  if (!approver) return false;
  if (approver.startsWith('user:')) return approver === `user:${session.user}`;
  return session.roles.some((r) => ['admin', 'governance-ops'].includes(r));
}

export function DecisionPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['decision', id], queryFn: ({ signal }) => decisionVersioned(id, signal) });
  // A partner reads the decision itself; its preparation (our backlog and sprints), the escalation ladder and the
  // history stay on our side (the services refuse them a partner).
  const partner = isPartner(session);
  const history = useQuery({ queryKey: ['decision', id, 'history'], queryFn: ({ signal }) => decisionHistory(id, signal), enabled: !partner });
  const [action, setAction] = useState<Action | null>(null);
  const reload = async () => {
    setAction(null);
    await client.invalidateQueries({ queryKey: ['decision', id] });
    await client.invalidateQueries({ queryKey: ['decisions'] });
  };

  if (query.isPending) return <div className="page"><Loading label="Loading decision…" /></div>;
  if (query.isError) return <div className="page"><ErrorState error={query.error} retry={() => void query.refetch()} /></div>;
  const d = query.data.data;
  const days = daysUntil(d.dueDate, today());
  const driving = canDrive(session);
  const active = ACTIVE.includes(d.status ?? '');
  const approver = mayDecide(session, d.approver);

  return (
    <div className="page">
      <p className="crumbs"><Link to="/decisions">Decisions</Link> / detail</p>
      <header className="page-header">
        <h1>{d.title}</h1>
        <div className="header-badges">
          <AllianceTag id={d.allianceId} /> {d.governanceBody && <span className="badge body">{d.governanceBody}</span>} <StatusBadge status={d.status} /> <RiskBadge state={d.riskState} />
        </div>
        <dl className="facts">
          <div><dt>Due</dt><dd data-testid="decision-due">{formatDay(d.dueDate)} {active && <span className={days < 0 ? 'overdue-text' : 'muted'}>({days < 0 ? `${-days} days overdue` : `in ${days} days`})</span>}</dd></div>
          {d.leadTimeDays != null && <div><dt>Preparation needed</dt><dd>{d.leadTimeDays} days (ready by {formatDay(d.prepDeadline ?? shift(d.dueDate, -d.leadTimeDays))})</dd></div>}
          {d.currentBody && d.currentBody !== d.governanceBody && <div><dt>Escalated to</dt><dd>{d.currentBody}{d.respondBy ? `, respond by ${formatDay(d.respondBy)}` : ''}</dd></div>}
        </dl>
        {d.riskReason && d.riskState !== 'ON_TRACK' && <p className="risk-reason" role="note">Why {d.riskState === 'OVERDUE' ? 'overdue' : 'at risk'}: {d.riskReason}</p>}
        <Links d={d} />
        <div className="actions" aria-label="Decision actions" role="group">
          {driving && d.status === 'DRAFT' && <>
            <button type="button" className="button secondary" onClick={() => setAction('edit')}>Edit draft</button>
            <OpenButton d={d} onDone={() => void reload()} />
          </>}
          {driving && active && <button type="button" className="button secondary" onClick={() => setAction('propose')}>Propose an option</button>}
          {active && (approver
            ? <button type="button" className="button" onClick={() => setAction('decide')}>Decide</button>
            : <span className="muted small" data-testid="decide-note">Only the approver ({d.approver}) can decide{d.approver?.startsWith('body:') ? ', recorded by governance ops' : ''}.</span>)}
          {driving && active && <button type="button" className="button secondary" onClick={() => setAction('defer')}>Defer</button>}
          {driving && (active || d.status === 'DRAFT') && <button type="button" className="button secondary" onClick={() => setAction('withdraw')}>Withdraw</button>}
          {driving && d.status === 'DECIDED' && !d.supersededById && <button type="button" className="button secondary" onClick={() => setAction('supersede')}>Supersede</button>}
        </div>
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
            <div><dt>Approver</dt><dd data-testid="approver">{d.approver ?? '—'}</dd></div>
            <div><dt>Contributors</dt><dd>{d.contributors?.length ? d.contributors.join(', ') : '—'}</dd></div>
            <div><dt>Informed</dt><dd>{d.informed?.length ? d.informed.join(', ') : '—'}</dd></div>
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="h-options">
        <h2 id="h-options">Options</h2>
        {d.proposal && <p data-testid="proposal">Recommended: option <strong>{d.proposal.option}</strong>{d.proposal.summary ? ` — ${d.proposal.summary}` : ''}</p>}
        {d.options?.length ? (
          <div className="options">
            {d.options.map((o) => (
              <article key={o.key} className={`option ${d.outcome?.chosenOption === o.key ? 'option-chosen' : ''}`}>
                <h3><span className="option-key">{o.key}</span> {o.title}{d.outcome?.chosenOption === o.key && <span className="badge status status-decided">Chosen</span>}{d.proposal?.option === o.key && !d.outcome && <span className="badge">Recommended</span>}</h3>
                <div className="pros-cons">
                  <div><h4>Pros</h4><p className="prewrap">{o.pros || '—'}</p></div>
                  <div><h4>Cons</h4><p className="prewrap">{o.cons || '—'}</p></div>
                </div>
              </article>
            ))}
          </div>
        ) : <p className="muted">No options recorded yet.</p>}
      </section>
      {d.prep && !partner && (
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
      {!partner && <EscalationLadder decision={d} />}
      {!partner && (
        <section className="panel" aria-labelledby="h-history">
          <h2 id="h-history">History</h2>
          <QueryState query={history} isEmpty={(l) => l.length === 0} empty={<Empty title="No changes recorded" />}>
            {(list) => <History changes={list} label="Changes to this decision, newest first" />}
          </QueryState>
        </section>
      )}

      <Dialog title="Edit draft" open={action === 'edit'} onClose={() => setAction(null)}>
        {action === 'edit' && <DecisionForm mode="edit" existing={d} alliances={[d.allianceId!]} defaultDriver={session.user}
          onCancel={() => setAction(null)} onReload={() => void reload()}
          onSubmit={async (request) => { await updateDraft(d.id!, request, d.version); await reload(); }} />}
      </Dialog>
      <Dialog title="Supersede decision" open={action === 'supersede'} onClose={() => setAction(null)}>
        {action === 'supersede' && <DecisionForm mode="supersede" existing={{ ...d, title: `${d.title} (revised)` }} alliances={[d.allianceId!]} defaultDriver={session.user}
          onCancel={() => setAction(null)} onReload={() => void reload()}
          onSubmit={async (request) => {
            const created = await supersedeDecision(d.id!, d.version, request);
            await reload();
            navigate(`/decisions/${created.id}`);
          }} />}
      </Dialog>
      <Dialog title="Propose an option" open={action === 'propose'} onClose={() => setAction(null)}>
        {action === 'propose' && <ChoiceForm d={d} kind="propose" onDone={() => void reload()} onCancel={() => setAction(null)} />}
      </Dialog>
      <Dialog title="Decide" open={action === 'decide'} onClose={() => setAction(null)}>
        {action === 'decide' && <ChoiceForm d={d} kind="decide" onDone={() => void reload()} onCancel={() => setAction(null)} />}
      </Dialog>
      <Dialog title="Defer decision" open={action === 'defer'} onClose={() => setAction(null)}>
        {action === 'defer' && <DeferForm d={d} onDone={() => void reload()} onCancel={() => setAction(null)} />}
      </Dialog>
      <Dialog title="Withdraw decision" open={action === 'withdraw'} onClose={() => setAction(null)}>
        {action === 'withdraw' && <WithdrawForm d={d} onDone={() => void reload()} onCancel={() => setAction(null)} />}
      </Dialog>
    </div>
  );
}

/** The two-way link between a decided decision and the one that replaced it. */
function Links({ d }: { d: DecisionView }) {
  if (!d.supersedesId && !d.supersededById) return null;
  return (
    <p className="supersede-links" data-testid="supersede-links">
      {d.supersedesId && <>Supersedes <Link to={`/decisions/${d.supersedesId}`}>the earlier decision</Link>. </>}
      {d.supersededById && <>Superseded by <Link to={`/decisions/${d.supersededById}`}>a newer decision</Link>.</>}
    </p>
  );
}

function OpenButton({ d, onDone }: { d: DecisionView; onDone: () => void }) {
  const { error, busy, run } = useSubmit();
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void run(() => openDecision(d.id!, d.version)).then((ok) => ok && onDone())}>{busy ? 'Opening…' : 'Open decision'}</button>
      <FormProblem error={error} onReload={onDone} />
    </>
  );
}

function ChoiceForm({ d, kind, onDone, onCancel }: { d: DecisionView; kind: 'propose' | 'decide'; onDone: () => void; onCancel: () => void }) {
  const [option, setOption] = useState(kind === 'decide' ? d.proposal?.option ?? d.options?.[0]?.key ?? '' : d.options?.[0]?.key ?? '');
  const [text, setText] = useState('');
  const { error, busy, run } = useSubmit();
  const field = kind === 'propose' ? 'proposedOption' : 'chosenOption';
  const textField = kind === 'propose' ? 'summary' : 'rationale';
  const submit = () => run(() => (kind === 'propose' ? proposeOption(d.id!, d.version, option, text || undefined) : decideDecision(d.id!, d.version, option, text)));
  return (
    <form className="form" aria-label={kind === 'propose' ? 'Propose an option' : 'Decide'} noValidate onSubmit={(e) => { e.preventDefault(); void submit().then((ok) => ok && onDone()); }}>
      <FormProblem error={error} onReload={onDone} />
      <Field id={`c-${field}`} label={kind === 'propose' ? 'Recommended option' : 'Chosen option'} field={field} error={error}>
        {(p) => <select {...p} value={option} onChange={(e) => setOption(e.target.value)}>{(d.options ?? []).map((o) => <option key={o.key} value={o.key}>{o.key} — {o.title}</option>)}</select>}
      </Field>
      <Field id={`c-${textField}`} label={kind === 'propose' ? 'Summary for the approver' : 'Rationale'} field={textField} error={error}>
        {(p) => <textarea {...p} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : kind === 'propose' ? 'Propose' : 'Record decision'}</button>
      </div>
    </form>
  );
}

function DeferForm({ d, onDone, onCancel }: { d: DecisionView; onDone: () => void; onCancel: () => void }) {
  const [due, setDue] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit();
  return (
    <form className="form" aria-label="Defer decision" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => deferDecision(d.id!, d.version, due, reason)).then((ok) => ok && onDone()); }}>
      <FormProblem error={error} onReload={onDone} />
      <p>Now due {formatDay(d.dueDate)}.</p>
      <Field id="f-due" label="New due date" field="newDueDate" error={error}>{(p) => <input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
      <Field id="f-reason" label="Reason" field="reason" error={error}>{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Defer'}</button>
      </div>
    </form>
  );
}

function WithdrawForm({ d, onDone, onCancel }: { d: DecisionView; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit();
  return (
    <form className="form" aria-label="Withdraw decision" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => withdrawDecision(d.id!, d.version, reason)).then((ok) => ok && onDone()); }}>
      <FormProblem error={error} onReload={onDone} />
      <p>Withdrawing <strong>{d.title}</strong> ends it: it no longer needs taking and cannot change again.</p>
      <Field id="w-reason" label="Reason" field="reason" error={error}>{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Withdraw'}</button>
      </div>
    </form>
  );
}

function shift(iso: string | undefined, days: number): string {
  const date = parseDay(iso);
  date.setDate(date.getDate() + days);
  return isoDay(date);
}
