import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { exportUrl, meetObligation, obligationHistory, obligations, registerObligation } from '../api/api';
import { OBLIGATION_KINDS, OWED_BY, RECURRENCES, type Obligation, type ObligationKind, type OwedBy, type Recurrence } from '../api/schemas';
import { Dialog } from './Dialog';
import { Field, FormProblem, numberOrUndefined, useSubmit } from './Forms';
import { HistoryDialog } from './History';
import { Empty, QueryState } from './States';
import { StatusBadge } from './Badges';
import { formatDay, humanize, today } from './format';

/** The alliance's contract obligations: what is coming or due, what was missed, and what was met. */
export function ObligationPanel({ allianceKey, editable }: { allianceKey: string; editable: boolean }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['obligations', allianceKey], queryFn: ({ signal }) => obligations(allianceKey, signal) });
  const [registering, setRegistering] = useState(false);
  const [meeting, setMeeting] = useState<Obligation | null>(null);
  const [tracing, setTracing] = useState<Obligation | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['obligations', allianceKey] });

  return (
    <section className="panel wide" aria-labelledby="h-obligations">
      <h2 id="h-obligations">Obligations</h2>
      <div className="section-actions">
        <a className="button secondary small" href={exportUrl('obligations', { allianceId: allianceKey })} download>Export obligations (CSV)</a>
        {editable && <button type="button" className="button small" onClick={() => setRegistering(true)}>Register obligation</button>}
      </div>
      <QueryState query={list} label="Loading obligations…">
        {(all) => {
          const groups: { id: string; title: string; rows: Obligation[]; empty: string; actions: boolean }[] = [
            { id: 'h-obl-open', title: 'Upcoming and due', rows: all.filter((o) => o.status === 'UPCOMING' || o.status === 'DUE'), empty: 'Nothing coming due', actions: editable },
            { id: 'h-obl-missed', title: 'Missed', rows: all.filter((o) => o.status === 'MISSED'), empty: 'No missed obligations', actions: editable },
            { id: 'h-obl-met', title: 'Met', rows: all.filter((o) => o.status === 'MET'), empty: 'None met yet', actions: false },
          ];
          return groups.map((g) => (
            <div key={g.id}>
              <h3 id={g.id}>{g.title}</h3>
              {g.rows.length === 0 ? <Empty title={g.empty} /> : (
                <div className="table-wrap">
                  <table className="table compact" aria-labelledby={g.id}>
                    <thead><tr><th scope="col">Obligation</th><th scope="col">Owed by</th><th scope="col">Due</th><th scope="col">Status</th>{g.actions && <th scope="col"><span className="sr-only">Actions</span></th>}</tr></thead>
                    <tbody>
                      {g.rows.map((o) => (
                        <tr key={o.id} data-testid="obligation-row" className={o.status === 'MISSED' ? 'row-alert' : undefined}>
                          <td>{o.title}<div className="muted">Clause {o.clauseRef} · {humanize(o.kind)}{o.recurrence && o.recurrence !== 'NONE' ? ` · ${humanize(o.recurrence)}` : ''}{' '}
                            <button type="button" className="link-button" onClick={() => setTracing(o)} aria-label={`History of ${o.title}`}>History</button></div></td>
                          <td>{humanize(o.owedBy)}</td>
                          <td>{formatDay(o.dueDate)}{o.metOn && <div className="muted">met {formatDay(o.metOn)}</div>}</td>
                          <td><StatusBadge status={o.status} /></td>
                          {g.actions && <td><button type="button" className="button secondary small" onClick={() => setMeeting(o)} aria-label={`Mark met: ${o.title}`}>Mark met</button></td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          ));
        }}
      </QueryState>
      {tracing && <HistoryDialog title={`History of ${tracing.title}`} queryKey={['obligation', tracing.id, 'history']} load={(signal) => obligationHistory(tracing.id!, signal)} onClose={() => setTracing(null)} />}
      <Dialog title="Register an obligation" open={registering} onClose={() => setRegistering(false)}>
        <RegisterForm allianceKey={allianceKey} onDone={() => { setRegistering(false); void refresh(); }} onCancel={() => setRegistering(false)} />
      </Dialog>
      <Dialog title="Mark obligation met" open={meeting !== null} onClose={() => setMeeting(null)}>
        {meeting && <MetForm obligation={meeting} onDone={() => { setMeeting(null); void refresh(); }} onCancel={() => setMeeting(null)} onReload={() => { setMeeting(null); void refresh(); }} />}
      </Dialog>
    </section>
  );
}

function RegisterForm({ allianceKey, onDone, onCancel }: { allianceKey: string; onDone: () => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [clauseRef, setClauseRef] = useState('');
  const [kind, setKind] = useState<ObligationKind>('REPORT');
  const [owedBy, setOwedBy] = useState<OwedBy>('US');
  const [dueDate, setDueDate] = useState('');
  const [recurrence, setRecurrence] = useState<Recurrence>('NONE');
  const [lead, setLead] = useState('14');
  const { error, busy, run } = useSubmit();
  const submit = async () => {
    if (await run(() => registerObligation({
      allianceId: allianceKey, title, clauseRef, kind, owedBy, dueDate, recurrence,
      leadTimeDays: numberOrUndefined(lead) as number,
    }))) onDone();
  };
  return (
    <form className="form" aria-label="Register obligation" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FormProblem error={error} />
      <Field id="o-title" label="Obligation" field="title" error={error}>{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <div className="field-row">
        <Field id="o-clause" label="Contract reference" field="clauseRef" error={error}>{(p) => <input {...p} value={clauseRef} onChange={(e) => setClauseRef(e.target.value)} />}</Field>
        <Field id="o-kind" label="Kind" field="kind" error={error}>
          {(p) => <select {...p} value={kind} onChange={(e) => setKind(e.target.value as ObligationKind)}>{OBLIGATION_KINDS.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}</select>}
        </Field>
        <Field id="o-owed" label="Owed by" field="owedBy" error={error}>
          {(p) => <select {...p} value={owedBy} onChange={(e) => setOwedBy(e.target.value as OwedBy)}>{OWED_BY.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}</select>}
        </Field>
      </div>
      <div className="field-row">
        <Field id="o-due" label="Due date" field="dueDate" error={error}>{(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}</Field>
        <Field id="o-recurrence" label="Recurrence" field="recurrence" error={error}>
          {(p) => <select {...p} value={recurrence} onChange={(e) => setRecurrence(e.target.value as Recurrence)}>{RECURRENCES.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}</select>}
        </Field>
        <Field id="o-lead" label="Lead time (days)" field="leadTimeDays" error={error}>{(p) => <input {...p} type="number" min={0} max={365} value={lead} onChange={(e) => setLead(e.target.value)} />}</Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Register obligation'}</button>
      </div>
    </form>
  );
}

function MetForm({ obligation, onDone, onCancel, onReload }: { obligation: Obligation; onDone: () => void; onCancel: () => void; onReload: () => void }) {
  const [metOn, setMetOn] = useState(today());
  const { error, busy, run } = useSubmit();
  return (
    <form className="form" aria-label="Mark met" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => meetObligation(obligation.id!, metOn, obligation.version)).then((ok) => ok && onDone()); }}>
      <FormProblem error={error} onReload={onReload} />
      <p><strong>{obligation.title}</strong>, due {formatDay(obligation.dueDate)}{obligation.recurrence && obligation.recurrence !== 'NONE' ? ' — it then rolls to its next due date' : ''}.</p>
      <Field id="om-on" label="Met on" field="metOn" error={error}>{(p) => <input {...p} type="date" value={metOn} onChange={(e) => setMetOn(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Mark met'}</button>
      </div>
    </form>
  );
}
