import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { escalationLadder, saveLadder, type DecisionView, type Ladder } from '../api/decisions';
import { GOVERNANCE_BODIES, type CommitteeKind } from '../api/schemas';
import { useSession } from '../session';
import { Dialog } from './Dialog';
import { Field, FormProblem, numberOrUndefined, useSubmit } from './Forms';
import { QueryState } from './States';
import { formatDay } from './format';

/** The alliance's escalation ladder with the rung the decision is on now; alliance managers edit the ladder here. */
export function EscalationLadder({ decision }: { decision: DecisionView }) {
  const session = useSession();
  const client = useQueryClient();
  const allianceId = decision.allianceId ?? '';
  const ladder = useQuery({ queryKey: ['ladder', allianceId], queryFn: ({ signal }) => escalationLadder(allianceId, signal), enabled: !!allianceId });
  const [editing, setEditing] = useState(false);
  const mayEdit = session.roles.some((r) => ['admin', 'alliance-manager'].includes(r));
  return (
    <section className="panel" aria-labelledby="h-ladder">
      <h2 id="h-ladder">Escalation ladder</h2>
      <QueryState query={ladder} label="Loading ladder…">
        {(l) => (
          <>
            <ol className="ladder" aria-label={`Escalation ladder of ${allianceId}`}>
              {(l.steps ?? []).map((s, i) => {
                const here = s.body === decision.currentBody;
                return (
                  <li key={`${s.body}-${i}`} className={here ? 'ladder-here' : undefined} aria-current={here ? 'step' : undefined} data-testid="ladder-step">
                    <strong>{s.body?.replace('_', ' ')}</strong> <span className="muted">{s.days} days to resolve</span>
                    {here && <span className="badge body">Decision is here{decision.escalationLevel ? ` (escalated ${decision.escalationLevel}×${decision.respondBy ? `, respond by ${formatDay(decision.respondBy)}` : ''})` : ''}</span>}
                  </li>
                );
              })}
            </ol>
            {!(l.steps ?? []).some((s) => s.body === decision.currentBody) && <p className="muted">The decision sits with the {decision.currentBody}, which is not on the ladder: past its due date it moves to the first rung.</p>}
            {mayEdit && <button type="button" className="button secondary small" onClick={() => setEditing(true)}>Edit ladder</button>}
            <Dialog title="Edit escalation ladder" open={editing} onClose={() => setEditing(false)}>
              {editing && <LadderForm ladder={l} onCancel={() => setEditing(false)} onDone={async () => { setEditing(false); await client.invalidateQueries({ queryKey: ['ladder', allianceId] }); }} />}
            </Dialog>
          </>
        )}
      </QueryState>
    </section>
  );
}

function LadderForm({ ladder, onDone, onCancel }: { ladder: Ladder; onDone: () => void; onCancel: () => void }) {
  const [steps, setSteps] = useState((ladder.steps ?? []).map((s) => ({ body: (s.body ?? 'JSC') as CommitteeKind, days: String(s.days ?? 14) })));
  const { error, busy, run } = useSubmit();
  const update = (i: number, key: 'body' | 'days', value: string) => setSteps((old) => old.map((s, j) => (j === i ? { ...s, [key]: value } : s)));
  const move = (i: number, by: number) => setSteps((old) => {
    const next = [...old];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  return (
    <form className="form" aria-label="Escalation ladder" noValidate onSubmit={(e) => {
      e.preventDefault();
      void run(() => saveLadder(ladder.allianceId!, { steps: steps.map((s) => ({ body: s.body, days: numberOrUndefined(s.days) as number })) }, ladder.version)).then((ok) => ok && onDone());
    }}>
      <FormProblem error={error} onReload={onDone} />
      <p className="muted">Lowest body first; a decision past its due date moves up one rung and gets that body's days.</p>
      {error?.fieldError('steps') && <span className="field-error" role="alert">{error.fieldError('steps')}</span>}
      {steps.map((s, i) => (
        <div className="field-row" key={i} data-testid="ladder-edit-step">
          <Field id={`l-body-${i}`} label={`Rung ${i + 1} body`} field={`steps[${i}].body`} error={error}>
            {(p) => <select {...p} value={s.body} onChange={(e) => update(i, 'body', e.target.value)}>{GOVERNANCE_BODIES.map((b) => <option key={b} value={b}>{b.replace('_', ' ')}</option>)}</select>}
          </Field>
          <Field id={`l-days-${i}`} label={`Rung ${i + 1} response time (days)`} field={`steps[${i}].days`} error={error}>
            {(p) => <input {...p} type="number" min={1} max={180} value={s.days} onChange={(e) => update(i, 'days', e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="button" className="button secondary small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Lower rung ${i + 1}`}>Lower</button>
            <button type="button" className="button secondary small" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Higher rung ${i + 1}`}>Higher</button>
            <button type="button" className="button secondary small" disabled={steps.length === 1} onClick={() => setSteps((old) => old.filter((_, j) => j !== i))} aria-label={`Remove rung ${i + 1}`}>Remove</button>
          </div>
        </div>
      ))}
      {steps.length < 5 && <button type="button" className="button secondary small" onClick={() => setSteps((old) => [...old, { body: 'EXECUTIVE_SPONSORS', days: '10' }])}>Add rung</button>}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save ladder'}</button>
      </div>
    </form>
  );
}
