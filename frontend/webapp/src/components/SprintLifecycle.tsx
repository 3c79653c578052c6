import { useState, type FormEvent } from 'react';
import type { BoardCard, Sprint, SprintDetail } from '../api/schemas';
import { changeSprintState, planSprint, updateCapacity, type Disposition } from '../api/sprints';
import { Dialog } from './Dialog';
import { Field, FormProblem, useSubmit } from './Forms';
import { formatDay } from './format';

/**
 * What a team member does to a sprint besides committing work: plan the next one, set its capacity and absence,
 * start it, and close it saying where each unfinished item goes.
 */
export function SprintActions({ teamId, sprint, cards, plannedSprints, onChanged }: {
  teamId: string;
  sprint?: SprintDetail;
  cards: BoardCard[];
  plannedSprints: Sprint[];
  onChanged: (sprintId?: string) => void;
}) {
  const [open, setOpen] = useState<'plan' | 'capacity' | 'start' | 'close' | null>(null);
  const close = () => setOpen(null);
  return (
    <div className="sprint-actions" role="group" aria-label="Sprint actions">
      <button type="button" className="button small secondary" onClick={() => setOpen('plan')}>Plan a sprint</button>
      {sprint && sprint.state !== 'CLOSED' && <button type="button" className="button small secondary" onClick={() => setOpen('capacity')}>Edit capacity</button>}
      {sprint?.state === 'PLANNED' && <button type="button" className="button small" onClick={() => setOpen('start')}>Start sprint</button>}
      {sprint?.state === 'ACTIVE' && <button type="button" className="button small" onClick={() => setOpen('close')}>Close sprint…</button>}
      <Dialog title="Plan a sprint" open={open === 'plan'} onClose={close}>
        <PlanForm teamId={teamId} onDone={(id) => { close(); onChanged(id); }} onCancel={close} />
      </Dialog>
      {sprint && (
        <>
          <Dialog title={`Capacity of ${sprint.name}`} open={open === 'capacity'} onClose={close}>
            <CapacityForm sprint={sprint} onDone={() => { close(); onChanged(); }} onCancel={close} />
          </Dialog>
          <Dialog title={`Start ${sprint.name}`} open={open === 'start'} onClose={close}>
            <StartForm sprint={sprint} onDone={() => { close(); onChanged(); }} onCancel={close} />
          </Dialog>
          <Dialog title={`Close ${sprint.name}`} open={open === 'close'} onClose={close}>
            <CloseForm sprint={sprint} cards={cards} plannedSprints={plannedSprints} onDone={() => { close(); onChanged(); }} onCancel={close} />
          </Dialog>
        </>
      )}
    </div>
  );
}

function PlanForm({ teamId, onDone, onCancel }: { teamId: string; onDone: (id: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const { error, busy, run } = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const created = await planSprint({ teamId, name, goal: goal || undefined, startDate, endDate });
      onDone(created.id ?? '');
    });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Plan a sprint">
      <FormProblem error={error} />
      <Field id="s-name" label="Name" field="name" error={error}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="s-goal" label="Goal" field="goal" error={error}>
        {(p) => <textarea {...p} rows={2} value={goal} onChange={(e) => setGoal(e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field id="s-start" label="Start date" field="startDate" error={error}>
          {(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field id="s-end" label="End date" field="endDate" error={error}>
          {(p) => <input {...p} type="date" value={endDate} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Plan sprint'}</button>
      </div>
    </form>
  );
}

function CapacityForm({ sprint, onDone, onCancel }: { sprint: SprintDetail; onDone: () => void; onCancel: () => void }) {
  const [rows, setRows] = useState((sprint.capacity ?? []).map((m) => ({
    userId: m.userId ?? '', displayName: m.displayName ?? m.userId ?? '', workingDays: m.workingDays ?? 0,
    absenceDays: String(m.absenceDays ?? 0), pointsPerDay: String(m.pointsPerDay ?? ''),
  })));
  const { error, busy, run } = useSubmit();
  const set = (i: number, change: Partial<(typeof rows)[number]>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await updateCapacity(sprint.id ?? '', {
        members: rows.map((r) => ({
          userId: r.userId,
          absenceDays: Number(r.absenceDays || 0),
          pointsPerDay: r.pointsPerDay.trim() === '' ? undefined : Number(r.pointsPerDay),
        })),
      }, sprint.version);
      onDone();
    });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Capacity plan">
      <FormProblem error={error} onReload={onDone} />
      {rows.map((r, i) => (
        <fieldset key={r.userId} className="fieldset">
          <legend>{r.displayName} · {r.workingDays} working days</legend>
          <div className="field-row">
            <Field id={`c-${i}-absence`} label="Absence (days)" field={`members[${i}].absenceDays`} error={error}>
              {(p) => <input {...p} type="number" min={0} max={60} value={r.absenceDays} onChange={(e) => set(i, { absenceDays: e.target.value })} />}
            </Field>
            <Field id={`c-${i}-ppd`} label="Points per day" field={`members[${i}].pointsPerDay`} error={error}>
              {(p) => <input {...p} type="number" min={0} max={5} step={0.1} value={r.pointsPerDay} onChange={(e) => set(i, { pointsPerDay: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save capacity'}</button>
      </div>
    </form>
  );
}

function StartForm({ sprint, onDone, onCancel }: { sprint: SprintDetail; onDone: () => void; onCancel: () => void }) {
  const { error, busy, run } = useSubmit();
  return (
    <div className="form">
      <FormProblem error={error} onReload={onDone} />
      <p>Start {sprint.name} ({formatDay(sprint.startDate)} – {formatDay(sprint.endDate)}) with {sprint.planning?.committedPoints ?? 0} of {sprint.planning?.capacityPoints ?? 0} points committed? A team runs one sprint at a time.</p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="button" className="button" disabled={busy} onClick={() => void run(async () => { await changeSprintState(sprint.id ?? '', { state: 'ACTIVE' }, sprint.version); onDone(); })}>
          {busy ? 'Starting…' : 'Start sprint'}
        </button>
      </div>
    </div>
  );
}

function CloseForm({ sprint, cards, plannedSprints, onDone, onCancel }: {
  sprint: SprintDetail;
  cards: BoardCard[];
  plannedSprints: Sprint[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const unfinished = cards.filter((c) => c.column !== 'DONE');
  const named = unfinished.filter((c) => !c.restricted);
  const [fallback, setFallback] = useState<Disposition>('BACKLOG');
  const [next, setNext] = useState(plannedSprints[0]?.id ?? '');
  const [chosen, setChosen] = useState<Record<string, Disposition>>({});
  const { error, busy, run } = useSubmit();
  const choiceOf = (id: string) => chosen[id] ?? fallback;
  const needsNext = fallback === 'NEXT_SPRINT' || named.some((c) => choiceOf(c.id ?? '') === 'NEXT_SPRINT');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await changeSprintState(sprint.id ?? '', {
        state: 'CLOSED',
        defaultDisposition: fallback,
        nextSprintId: needsNext && next ? next : undefined,
        dispositions: Object.fromEntries(named.map((c) => [c.id ?? '', choiceOf(c.id ?? '')])),
      }, sprint.version);
      onDone();
    });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Close the sprint">
      <FormProblem error={error} onReload={onDone} />
      <p>{cards.length - unfinished.length} of {cards.length} items are done. Say where each unfinished item goes.</p>
      <Field id="close-default" label="Unfinished items not named below go" field="defaultDisposition" error={error}>
        {(p) => (
          <select {...p} value={fallback} onChange={(e) => setFallback(e.target.value as Disposition)}>
            <option value="BACKLOG">Back to the backlog</option>
            <option value="NEXT_SPRINT">Into the next sprint</option>
          </select>
        )}
      </Field>
      {named.map((c) => (
        <fieldset key={c.id} className="fieldset" data-testid="close-item">
          <legend>{c.title} <span className="muted">({c.estimate ?? 0} pts)</span></legend>
          <div className="checks">
            <label className="checkbox"><input type="radio" name={`d-${c.id}`} checked={choiceOf(c.id ?? '') === 'BACKLOG'} onChange={() => setChosen((m) => ({ ...m, [c.id ?? '']: 'BACKLOG' }))} />Back to the backlog</label>
            <label className="checkbox"><input type="radio" name={`d-${c.id}`} checked={choiceOf(c.id ?? '') === 'NEXT_SPRINT'} onChange={() => setChosen((m) => ({ ...m, [c.id ?? '']: 'NEXT_SPRINT' }))} />Into the next sprint</label>
          </div>
        </fieldset>
      ))}
      {unfinished.length > named.length && <p className="muted">{unfinished.length - named.length} unfinished item(s) of alliances you cannot see go where the default says.</p>}
      {needsNext && (
        <Field id="close-next" label="Next sprint" field="nextSprintId" error={error} hint={plannedSprints.length ? undefined : 'Plan the next sprint first.'}>
          {(p) => (
            <select {...p} value={next} onChange={(e) => setNext(e.target.value)}>
              {plannedSprints.length === 0 && <option value="">No planned sprint</option>}
              {plannedSprints.map((s) => <option key={s.id} value={s.id}>{s.name} · {formatDay(s.startDate)}</option>)}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Closing…' : 'Close sprint'}</button>
      </div>
    </form>
  );
}
