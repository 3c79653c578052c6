import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { assessRisk, closeRisk, exportUrl, raiseRisk, riskHistory, risks, updateRisk } from '../api/api';
import { RISK_CATEGORIES, type Risk, type RiskCategory, type RiskStatus } from '../api/schemas';
import { Dialog } from './Dialog';
import { Field, FormProblem, useSubmit } from './Forms';
import { HistoryDialog } from './History';
import { Empty, QueryState } from './States';
import { StatusBadge } from './Badges';
import { formatDay, humanize } from './format';

const LEVELS = ['1', '2', '3', '4', '5'];
// Closing takes a reason, so it has its own form; editing moves a risk only between the open states.
const OPEN_STATUSES: RiskStatus[] = ['OPEN', 'MITIGATING', 'ACCEPTED'];

/** The alliance's risk register: open and closed risks apart, each scored against the alliance's threshold. */
export function RiskPanel({ allianceKey, threshold, editable, user }: { allianceKey: string; threshold?: number; editable: boolean; user: string }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['risks', allianceKey], queryFn: ({ signal }) => risks(allianceKey, signal) });
  const [raising, setRaising] = useState(false);
  const [assessing, setAssessing] = useState<Risk | null>(null);
  const [editing, setEditing] = useState<Risk | null>(null);
  const [tracing, setTracing] = useState<Risk | null>(null);
  const [closing, setClosing] = useState<Risk | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['risks', allianceKey] });

  return (
    <section className="panel wide" aria-labelledby="h-risks">
      <h2 id="h-risks">Risks</h2>
      <div className="section-actions">
        {threshold != null && <span className="muted">Threshold: score {threshold} or more needs a follow-up</span>}
        <a className="button secondary small" href={exportUrl('risks', { allianceId: allianceKey })} download>Export risks (CSV)</a>
        {editable && <button type="button" className="button small" onClick={() => setRaising(true)}>Raise risk</button>}
      </div>
      <QueryState query={list} label="Loading risks…">
        {(all) => {
          const open = all.filter((r) => r.status !== 'CLOSED').sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
          const closed = all.filter((r) => r.status === 'CLOSED');
          return (
            <>
              <h3 id="h-open-risks">Open</h3>
              {open.length === 0 ? <Empty title="No open risks" /> : (
                <RiskTable risks={open} labelledBy="h-open-risks" editable={editable} onHistory={setTracing} onEdit={setEditing} onAssess={setAssessing} onClose={setClosing} />
              )}
              <h3 id="h-closed-risks">Closed</h3>
              {closed.length === 0 ? <Empty title="No closed risks" /> : <RiskTable risks={closed} labelledBy="h-closed-risks" editable={false} onHistory={setTracing} />}
            </>
          );
        }}
      </QueryState>
      <Dialog title="Raise a risk" open={raising} onClose={() => setRaising(false)}>
        <RaiseForm allianceKey={allianceKey} owner={user} onDone={() => { setRaising(false); void refresh(); }} onCancel={() => setRaising(false)} />
      </Dialog>
      {tracing && <HistoryDialog title={`History of ${tracing.title}`} queryKey={['risk', tracing.id, 'history']} load={(signal) => riskHistory(tracing.id!, signal)} onClose={() => setTracing(null)} />}
      <Dialog title="Edit risk" open={editing !== null} onClose={() => setEditing(null)}>
        {editing && <EditForm risk={editing} onDone={() => { setEditing(null); void refresh(); }} onCancel={() => setEditing(null)} onReload={() => { setEditing(null); void refresh(); }} />}
      </Dialog>
      <Dialog title="Re-assess risk" open={assessing !== null} onClose={() => setAssessing(null)}>
        {assessing && <AssessForm risk={assessing} onDone={() => { setAssessing(null); void refresh(); }} onCancel={() => setAssessing(null)} onReload={() => { setAssessing(null); void refresh(); }} />}
      </Dialog>
      <Dialog title="Close risk" open={closing !== null} onClose={() => setClosing(null)}>
        {closing && <CloseForm risk={closing} onDone={() => { setClosing(null); void refresh(); }} onCancel={() => setClosing(null)} onReload={() => { setClosing(null); void refresh(); }} />}
      </Dialog>
    </section>
  );
}

function RiskTable({ risks: list, labelledBy, editable, onHistory, onEdit, onAssess, onClose }: {
  risks: Risk[]; labelledBy: string; editable: boolean; onHistory: (r: Risk) => void; onEdit?: (r: Risk) => void; onAssess?: (r: Risk) => void; onClose?: (r: Risk) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table compact" aria-labelledby={labelledBy}>
        <thead>
          <tr><th scope="col">Risk</th><th scope="col">Category</th><th scope="col" className="num">L × I = score</th><th scope="col">Status</th><th scope="col">Review</th>{editable && <th scope="col"><span className="sr-only">Actions</span></th>}</tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id} className={r.aboveThreshold && r.status !== 'CLOSED' ? 'row-alert' : undefined} data-testid="risk-row">
              <td>{r.title}<div className="muted">{r.owner ? `Owner ${r.owner}` : ''}{r.closedReason ? ` · ${r.closedReason}` : ''}{' '}
                <button type="button" className="link-button" onClick={() => onHistory(r)} aria-label={`History of ${r.title}`}>History</button></div></td>
              <td>{humanize(r.category)}</td>
              <td className="num">{r.likelihood} × {r.impact} = <strong>{r.score}</strong>{r.aboveThreshold && <div className="muted">at or above {r.threshold}</div>}</td>
              <td><StatusBadge status={r.status} /></td>
              <td>{formatDay(r.nextReviewDate)}</td>
              {editable && (
                <td className="actions-cell">
                  <button type="button" className="button secondary small" onClick={() => onEdit?.(r)} aria-label={`Edit ${r.title}`}>Edit</button>{' '}
                  <button type="button" className="button secondary small" onClick={() => onAssess?.(r)} aria-label={`Re-assess ${r.title}`}>Re-assess</button>{' '}
                  <button type="button" className="button secondary small" onClick={() => onClose?.(r)} aria-label={`Close ${r.title}`}>Close</button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RaiseForm({ allianceKey, owner: defaultOwner, onDone, onCancel }: { allianceKey: string; owner: string; onDone: () => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<RiskCategory>('SCIENTIFIC');
  const [likelihood, setLikelihood] = useState('3');
  const [impact, setImpact] = useState('3');
  const [owner, setOwner] = useState(defaultOwner);
  const [mitigation, setMitigation] = useState('');
  const [review, setReview] = useState('');
  const { error, busy, run } = useSubmit();
  const submit = async () => {
    if (await run(() => raiseRisk({
      allianceId: allianceKey, title, category, likelihood: Number(likelihood), impact: Number(impact), owner,
      mitigation: mitigation || undefined, nextReviewDate: review || undefined,
    }))) onDone();
  };
  return (
    <form className="form" aria-label="Raise risk" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FormProblem error={error} />
      <Field id="r-title" label="Risk" field="title" error={error}>{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <div className="field-row">
        <Field id="r-category" label="Category" field="category" error={error}>
          {(p) => <select {...p} value={category} onChange={(e) => setCategory(e.target.value as RiskCategory)}>{RISK_CATEGORIES.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}</select>}
        </Field>
        <Field id="r-likelihood" label="Likelihood (1–5)" field="likelihood" error={error}>
          {(p) => <select {...p} value={likelihood} onChange={(e) => setLikelihood(e.target.value)}>{LEVELS.map((l) => <option key={l}>{l}</option>)}</select>}
        </Field>
        <Field id="r-impact" label="Impact (1–5)" field="impact" error={error}>
          {(p) => <select {...p} value={impact} onChange={(e) => setImpact(e.target.value)}>{LEVELS.map((l) => <option key={l}>{l}</option>)}</select>}
        </Field>
      </div>
      <p className="muted">Score {Number(likelihood) * Number(impact)}</p>
      <div className="field-row">
        <Field id="r-owner" label="Owner" field="owner" error={error}>{(p) => <input {...p} value={owner} onChange={(e) => setOwner(e.target.value)} />}</Field>
        <Field id="r-review" label="Next review" field="nextReviewDate" error={error}>{(p) => <input {...p} type="date" value={review} onChange={(e) => setReview(e.target.value)} />}</Field>
      </div>
      <Field id="r-mitigation" label="Mitigation" field="mitigation" error={error}>{(p) => <textarea {...p} rows={2} value={mitigation} onChange={(e) => setMitigation(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Raise risk'}</button>
      </div>
    </form>
  );
}

function EditForm({ risk, onDone, onCancel, onReload }: { risk: Risk; onDone: () => void; onCancel: () => void; onReload: () => void }) {
  const [title, setTitle] = useState(risk.title ?? '');
  const [category, setCategory] = useState<RiskCategory>((risk.category as RiskCategory | undefined) ?? 'SCIENTIFIC');
  const [owner, setOwner] = useState(risk.owner ?? '');
  const [status, setStatus] = useState<RiskStatus>((risk.status as RiskStatus | undefined) ?? 'OPEN');
  const [mitigation, setMitigation] = useState(risk.mitigation ?? '');
  const [review, setReview] = useState(risk.nextReviewDate ?? '');
  const { error, busy, run } = useSubmit();
  const submit = async () => {
    if (await run(() => updateRisk(risk.id!, {
      title, category, owner, status, mitigation: mitigation || undefined, nextReviewDate: review || undefined,
    }, risk.version))) onDone();
  };
  return (
    <form className="form" aria-label="Edit risk" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FormProblem error={error} onReload={onReload} />
      <Field id="re-title" label="Risk" field="title" error={error}>{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <div className="field-row">
        <Field id="re-category" label="Category" field="category" error={error}>
          {(p) => <select {...p} value={category} onChange={(e) => setCategory(e.target.value as RiskCategory)}>{RISK_CATEGORIES.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}</select>}
        </Field>
        <Field id="re-status" label="Status" field="status" error={error}>
          {(p) => <select {...p} value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)}>{OPEN_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}</select>}
        </Field>
      </div>
      <div className="field-row">
        <Field id="re-owner" label="Owner" field="owner" error={error}>{(p) => <input {...p} value={owner} onChange={(e) => setOwner(e.target.value)} />}</Field>
        <Field id="re-review" label="Next review" field="nextReviewDate" error={error}>{(p) => <input {...p} type="date" value={review} onChange={(e) => setReview(e.target.value)} />}</Field>
      </div>
      <Field id="re-mitigation" label="Mitigation" field="mitigation" error={error}>{(p) => <textarea {...p} rows={3} value={mitigation} onChange={(e) => setMitigation(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save risk'}</button>
      </div>
    </form>
  );
}

function AssessForm({ risk, onDone, onCancel, onReload }: { risk: Risk; onDone: () => void; onCancel: () => void; onReload: () => void }) {
  const [likelihood, setLikelihood] = useState(String(risk.likelihood ?? 3));
  const [impact, setImpact] = useState(String(risk.impact ?? 3));
  const [review, setReview] = useState(risk.nextReviewDate ?? '');
  const { error, busy, run } = useSubmit();
  const score = Number(likelihood) * Number(impact);
  const submit = async () => {
    if (await run(() => assessRisk(risk.id!, { likelihood: Number(likelihood), impact: Number(impact), nextReviewDate: review || undefined }, risk.version))) onDone();
  };
  return (
    <form className="form" aria-label="Re-assess risk" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FormProblem error={error} onReload={onReload} />
      <p><strong>{risk.title}</strong> — now {risk.likelihood} × {risk.impact} = {risk.score}</p>
      <div className="field-row">
        <Field id="ra-likelihood" label="Likelihood (1–5)" field="likelihood" error={error}>
          {(p) => <select {...p} value={likelihood} onChange={(e) => setLikelihood(e.target.value)}>{LEVELS.map((l) => <option key={l}>{l}</option>)}</select>}
        </Field>
        <Field id="ra-impact" label="Impact (1–5)" field="impact" error={error}>
          {(p) => <select {...p} value={impact} onChange={(e) => setImpact(e.target.value)}>{LEVELS.map((l) => <option key={l}>{l}</option>)}</select>}
        </Field>
        <Field id="ra-review" label="Next review" field="nextReviewDate" error={error}>
          {(p) => <input {...p} type="date" value={review} onChange={(e) => setReview(e.target.value)} />}
        </Field>
      </div>
      <p data-testid="assess-score">New score <strong>{score}</strong> against the alliance's threshold of <strong>{risk.threshold}</strong>: {score >= (risk.threshold ?? 0) ? 'at or above it, a follow-up item is raised' : 'below it'}.</p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save assessment'}</button>
      </div>
    </form>
  );
}

function CloseForm({ risk, onDone, onCancel, onReload }: { risk: Risk; onDone: () => void; onCancel: () => void; onReload: () => void }) {
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit();
  return (
    <form className="form" aria-label="Close risk" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => closeRisk(risk.id!, reason, risk.version)).then((ok) => ok && onDone()); }}>
      <FormProblem error={error} onReload={onReload} />
      <p><strong>{risk.title}</strong></p>
      <Field id="rc-reason" label="Why is it closed?" field="reason" error={error}>{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Close risk'}</button>
      </div>
    </form>
  );
}

