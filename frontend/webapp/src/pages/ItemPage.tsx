import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { backlogItem, backlogItems, dropBacklogItem, itemHistory, sprintDetail, updateBacklogItem } from '../api/api';
import type { BacklogItem } from '../api/schemas';
import { AllianceTag, StatusBadge } from '../components/Badges';
import { Dialog } from '../components/Dialog';
import { Field, FormProblem, useSubmit } from '../components/Forms';
import { History } from '../components/History';
import { ItemForm, type ItemFields } from '../components/ItemForm';
import { Empty, ErrorState, Loading, QueryState } from '../components/States';
import { formatDateTime, formatDay, humanize } from '../components/format';
import { canEdit, useSession } from '../session';

/** One backlog item at its own address (/items/:id): its fields, dependencies, current sprint and history. */
export function ItemPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const client = useQueryClient();
  const item = useQuery({ queryKey: ['item', id], queryFn: ({ signal }) => backlogItem(id, signal) });
  const history = useQuery({ queryKey: ['item', id, 'history'], queryFn: ({ signal }) => itemHistory(id, signal) });
  const allianceId = item.data?.data.allianceId;
  const siblings = useQuery({
    queryKey: ['backlog', { allianceId, limit: 200 }],
    queryFn: ({ signal }) => backlogItems({ allianceId, limit: 200 }, signal),
    enabled: !!allianceId,
  });
  const [editing, setEditing] = useState<BacklogItem | null>(null);
  const [dropping, setDropping] = useState<BacklogItem | null>(null);
  const reload = async () => {
    setEditing(null);
    setDropping(null);
    await client.invalidateQueries({ queryKey: ['item', id] });
    await client.invalidateQueries({ queryKey: ['backlog'] });
  };

  if (item.isPending) return <div className="page"><Loading label="Loading item…" /></div>;
  if (item.isError) return <div className="page"><ErrorState error={item.error} retry={() => void item.refetch()} /></div>;
  const i = item.data.data;
  const editable = canEdit(session) && i.status !== 'DROPPED';
  const titleOf = (depId: string) => siblings.data?.items.find((s) => s.id === depId)?.title ?? depId;
  const options = (siblings.data?.items ?? []).filter((s) => s.id !== i.id && s.status !== 'DROPPED').map((s) => ({ id: s.id!, title: s.title ?? s.id! }));
  const dropBlocked = i.status === 'IN_SPRINT' ? 'It is in a sprint: take it out of the sprint first.'
    : i.status === 'DONE' || i.status === 'DROPPED' ? `It is ${humanize(i.status).toLowerCase()}.` : undefined;

  return (
    <div className="page">
      <header className="page-header">
        <p className="crumbs"><Link to={`/backlog?alliance=${i.allianceId}`}>Backlog</Link> / <span className="mono">{i.id}</span></p>
        <h1>{i.title}</h1>
        <div className="header-badges"><AllianceTag id={i.allianceId} /> <StatusBadge status={i.status} /> <span className="badge">{humanize(i.type)}</span></div>
        {editable && (
          <div className="actions">
            <button type="button" className="button" onClick={() => setEditing(i)}>Edit item</button>
            <button type="button" className="button secondary" onClick={() => setDropping(i)} disabled={!!dropBlocked} aria-describedby={dropBlocked ? 'drop-blocked' : undefined}>Drop item</button>
            {dropBlocked && <span id="drop-blocked" className="muted">{dropBlocked}</span>}
          </div>
        )}
      </header>

      <div className="grid-2">
        <section className="panel" aria-labelledby="h-details">
          <h2 id="h-details">Details</h2>
          {i.description && <p>{i.description}</p>}
          <dl className="facts" data-testid="item-facts">
            <div><dt>Owner</dt><dd>{i.owner ?? '—'}</dd></div>
            <div><dt>Beneficiary</dt><dd>{i.beneficiary ?? '—'}</dd></div>
            <div><dt>Stakeholder value</dt><dd>{i.stakeholderValue ?? '—'}</dd></div>
            <div><dt>Estimate</dt><dd>{i.estimate != null ? `${i.estimate} pts` : '—'}</dd></div>
            <div><dt>Discipline</dt><dd>{humanize(i.discipline)}</dd></div>
            <div><dt>Due</dt><dd>{formatDay(i.dueDate)}</dd></div>
            {i.sourceRef && <div><dt>From</dt><dd className="mono">{i.sourceRef}</dd></div>}
            {i.doneAt && <div><dt>Done</dt><dd>{formatDateTime(i.doneAt)}</dd></div>}
          </dl>
          <h3 id="h-deps">Depends on</h3>
          {(i.dependsOn?.length ?? 0) === 0 ? <p className="muted">No dependencies.</p> : (
            <ul className="deps" aria-labelledby="h-deps">
              {i.dependsOn!.map((d) => <li key={d}><Link to={`/items/${d}`}>{titleOf(d)}</Link></li>)}
            </ul>
          )}
          <h3>Current sprint</h3>
          {i.sprintId ? <CurrentSprint sprintId={i.sprintId} /> : <p className="muted">Not in a sprint.</p>}
        </section>

        <section className="panel" aria-labelledby="h-history">
          <h2 id="h-history">History</h2>
          <QueryState query={history} isEmpty={(l) => l.length === 0} empty={<Empty title="No changes recorded" />}>
            {(list) => <History changes={list} label="Changes to this item, newest first" />}
          </QueryState>
        </section>
      </div>

      <Dialog title="Edit backlog item" open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <ItemForm
            alliances={[editing.allianceId!]}
            initial={{ ...editing, discipline: editing.discipline as ItemFields['discipline'], type: editing.type as ItemFields['type'], description: editing.description ?? '', owner: editing.owner ?? undefined, beneficiary: editing.beneficiary ?? undefined }}
            dependencyOptions={options}
            submitLabel="Save changes"
            onCancel={() => setEditing(null)}
            onReload={() => void reload()}
            onSubmit={async (input) => {
              // Every field the PUT replaces goes as the form has it: an empty one is cleared on purpose, never by omission.
              await updateBacklogItem(editing.id!, {
                title: input.title,
                description: input.description ?? null,
                discipline: input.discipline,
                type: input.type,
                estimate: input.estimate ?? null,
                beneficiary: input.beneficiary ?? null,
                stakeholderValue: input.stakeholderValue ?? null,
                owner: input.owner ?? null,
                dueDate: input.dueDate ?? null,
                dependsOn: input.dependsOn,
              }, `"${editing.version}"`);
              await reload();
            }}
          />
        )}
      </Dialog>
      <Dialog title="Drop backlog item" open={dropping !== null} onClose={() => setDropping(null)}>
        {dropping && <DropForm item={dropping} onDone={() => void reload()} onCancel={() => setDropping(null)} />}
      </Dialog>
    </div>
  );
}

function CurrentSprint({ sprintId }: { sprintId: string }) {
  const sprint = useQuery({ queryKey: ['sprint', sprintId], queryFn: ({ signal }) => sprintDetail(sprintId, signal), retry: false });
  if (sprint.isPending) return <Loading label="Loading sprint…" />;
  // A sprint of a team the user cannot read still says which sprint it is.
  if (sprint.isError) return <p className="mono">{sprintId}</p>;
  const s = sprint.data;
  return (
    <p data-testid="current-sprint">
      <Link to={`/board?team=${s.teamId}&sprint=${s.id}`}>{s.name}</Link> <StatusBadge status={s.state} /> <span className="muted">{formatDay(s.startDate)} – {formatDay(s.endDate)}</span>
    </p>
  );
}

function DropForm({ item, onDone, onCancel }: { item: BacklogItem; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit();
  return (
    <form className="form" aria-label="Drop item" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => dropBacklogItem(item.id!, reason, item.version)).then((ok) => ok && onDone()); }}>
      <FormProblem error={error} onReload={onDone} />
      <p>Dropping <strong>{item.title}</strong> ends it: it will not be done and can no longer change.</p>
      <Field id="d-reason" label="Reason" field="reason" error={error}>{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Dropping…' : 'Drop item'}</button>
      </div>
    </form>
  );
}
