import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DndContext, pointerWithin, rectIntersection, useDraggable, useDroppable, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { board, sprintCandidates, sprintDetail } from '../api/api';
import { ApiError } from '../api/http';
import type { SprintCandidate } from '../api/schemas';
import type { BoardCard, SprintDetail } from '../api/schemas';
import { commitItem, removeCard, sprintHistory } from '../api/sprints';
import { AllianceTag } from '../components/Badges';
import { CapacityPanel } from '../components/CapacityBar';
import { project, type SprintCapacity } from '../components/capacity';
import { History } from '../components/History';
import { Empty, ErrorState, Loading } from '../components/States';
import { SprintPicker } from '../components/SprintPicker';
import { SprintActions } from '../components/SprintLifecycle';
import { announcements, screenReaderInstructions, useDndSensors } from '../components/dnd';
import { formatDay, humanize } from '../components/format';
import { useSprintChoice } from '../components/useSprintChoice';
import { BoardCardView } from '../components/BoardCard';
import { FormProblem, asApiError } from '../components/Forms';
import { canEdit, useSession } from '../session';

const SPRINT_ZONE = 'sprint-drop-zone';
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** The plan exactly as the sprint service reports it: totals, each member's load, alliance shares and warnings. */
export function planOf(sprint: SprintDetail | undefined): SprintCapacity {
  const planning = sprint?.planning;
  const loads = new Map((planning?.loadByMember ?? []).map((m) => [m.userId, m]));
  return {
    capacity: planning?.capacityPoints ?? 0,
    committed: planning?.committedPoints ?? 0,
    members: (sprint?.capacity ?? []).map((m) => ({
      userId: m.userId ?? '',
      displayName: m.displayName ?? undefined,
      capacity: m.capacityPoints ?? 0,
      committed: loads.get(m.userId)?.committedPoints ?? 0,
    })),
    byAlliance: (planning?.loadByAlliance ?? []).map((l) => ({
      allianceId: l.restricted ? 'Restricted' : l.allianceId ?? 'Restricted',
      points: l.points ?? 0,
      share: l.shareOfCommitted,
      concentrated: l.concentrated,
    })),
    warnings: (planning?.warnings ?? []).map((w) => ({ code: w.code ?? '', message: w.message ?? '' })),
  };
}

interface Staged { item: SprintCandidate; assignee: string }

export function PlanningPage() {
  const session = useSession();
  const editable = canEdit(session);
  const choice = useSprintChoice(['PLANNED', 'ACTIVE']);
  const sprintId = choice.sprintId;
  const client = useQueryClient();

  const candidates = useQuery({
    queryKey: ['candidates', choice.teamId],
    queryFn: ({ signal }) => sprintCandidates(choice.teamId!, signal),
    enabled: !!choice.teamId,
  });
  const sprintBoard = useQuery({ queryKey: ['board', sprintId], queryFn: ({ signal }) => board(sprintId!, signal), enabled: !!sprintId });
  const detail = useQuery({
    queryKey: ['sprint', sprintId],
    queryFn: ({ signal }) => sprintDetail(sprintId!, signal),
    enabled: !!sprintId,
  });
  const history = useQuery({
    queryKey: ['sprint-history', sprintId],
    queryFn: ({ signal }) => sprintHistory(sprintId!, signal),
    enabled: !!sprintId,
  });

  const [staged, setStaged] = useState<Staged[]>([]);
  const [dragging, setDragging] = useState<SprintCandidate | null>(null);
  const [override, setOverride] = useState(false);
  const [commitError, setCommitError] = useState<ApiError | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const open = choice.sprint?.state === 'PLANNED' || choice.sprint?.state === 'ACTIVE';
  const inSprint = new Set((sprintBoard.data?.cards ?? []).map((c) => c.id));
  const available = (candidates.data ?? []).filter(
    (i) => !inSprint.has(i.itemId ?? '') && !staged.some((s) => s.item.itemId === i.itemId) && !['IN_SPRINT', 'DONE', 'DROPPED'].includes(i.status ?? ''));
  const members = detail.data?.capacity ?? [];

  const base = planOf(detail.data);
  const pending = useMemo(() => [...staged.map((s) => ({ estimate: s.item.estimate, assignee: s.assignee })), ...(dragging ? [{ estimate: dragging.estimate }] : [])], [staged, dragging]);
  const projected = useMemo(() => project(base, pending), [base, pending]);
  const pendingPoints = pending.reduce((s, i) => s + (i.estimate ?? 0), 0);
  const overCapacity = commitError?.status === 409 && /capacity/i.test(commitError.problem.detail ?? '');

  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['board', sprintId] }),
    client.invalidateQueries({ queryKey: ['sprint', sprintId] }),
    client.invalidateQueries({ queryKey: ['sprint-history', sprintId] }),
    client.invalidateQueries({ queryKey: ['sprints'] }),
    client.invalidateQueries({ queryKey: ['candidates'] }),
    client.invalidateQueries({ queryKey: ['backlog'] }),
  ]);

  const commit = useMutation({
    mutationFn: async () => {
      // One by one so that what went in stays in when a later item is refused.
      for (const s of staged) {
        await commitItem(sprintId!, s.item.itemId!, { override, assignee: s.assignee || undefined });
        setStaged((all) => all.filter((x) => x.item.itemId !== s.item.itemId));
      }
    },
    onMutate: () => setCommitError(null),
    onError: (e) => setCommitError(asApiError(e)),
    onSuccess: () => { setOverride(false); },
    onSettled: () => void refresh(),
  });

  const remove = useMutation({
    mutationFn: (card: BoardCard) => removeCard(sprintId!, card, 'Taken out during sprint planning'),
    onMutate: () => setRemoveError(null),
    onError: (e) => setRemoveError(asApiError(e)),
    onSettled: () => void refresh(),
  });

  const stage = (item: SprintCandidate) => setStaged((s) => [...s, { item, assignee: '' }]);
  const sensors = useDndSensors();
  const onDragStart = ({ active }: DragStartEvent) => setDragging(available.find((i) => i.itemId === active.id) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = available.find((i) => i.itemId === active.id);
    setDragging(null);
    if (item && over?.id === SPRINT_ZONE) stage(item);
  };

  if (choice.teamList.isPending) return <Loading label="Loading teams…" />;
  if (choice.teamList.isError) return <ErrorState error={choice.teamList.error} retry={() => void choice.teamList.refetch()} />;
  if (!choice.teamList.data.length) return <div className="page"><h1>Sprint planning</h1><Empty title="No teams yet">A specialist team needs to exist before it can plan a sprint. <Link to="/teams">Set one up on the Teams page.</Link></Empty></div>;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Sprint planning</h1>
        <p className="lede">Add ready work from the backlog to the sprint (drag it, or use its “Add to sprint” button). The bars show the plan before you commit.</p>
      </header>
      <div className="toolbar">
        <SprintPicker choice={choice} />
        {editable && choice.teamId && <SprintActions teamId={choice.teamId} sprint={detail.data} cards={sprintBoard.data?.cards ?? []} plannedSprints={choice.sprints.filter((s) => s.state === 'PLANNED' && s.id !== sprintId)} onChanged={(id) => { if (id) choice.choose('sprint', id); void refresh(); }} />}
      </div>
      {choice.sprintList.isError && <ErrorState error={choice.sprintList.error} />}
      {!sprintId && choice.sprintList.isSuccess && <Empty title="This team has no sprint to plan">Plan a sprint for the team first.</Empty>}
      {choice.sprint?.state === 'CLOSED' && <p className="notice" role="status">This sprint is closed; choose a planned or active sprint to commit work.</p>}
      {sprintId && (
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
          accessibility={{
            screenReaderInstructions,
            announcements: announcements((id) => available.find((i) => i.itemId === id)?.title ?? 'item', () => `the sprint ${choice.sprint?.name ?? ''}`),
          }}
        >
          <div className="planning">
            <section className="panel" aria-labelledby="h-candidates">
              <h2 id="h-candidates">Backlog</h2>
              {candidates.isPending ? <Loading /> : candidates.isError ? <ErrorState error={candidates.error} retry={() => void candidates.refetch()} />
                : available.length === 0 ? <Empty title="Nothing ready to pull" />
                  : (
                    <ul className="candidates" aria-label="Backlog items you can pull into the sprint">
                      {available.map((item) => <Candidate key={item.itemId} item={item} disabled={!editable || !open} onAdd={() => stage(item)} />)}
                    </ul>
                  )}
            </section>
            <section className="panel" aria-labelledby="h-sprint">
              <h2 id="h-sprint">{choice.sprint?.name ?? 'Sprint'} <span className="muted small">{choice.sprint && `${formatDay(choice.sprint.startDate)} – ${formatDay(choice.sprint.endDate)} · ${humanize(choice.sprint.state)}`}</span></h2>
              {choice.sprint?.goal && <p className="muted">Goal: {choice.sprint.goal}</p>}
              <p className="small"><Link to={`/board?team=${choice.teamId}&sprint=${sprintId}`}>Open this sprint's board →</Link></p>
              {detail.isError && <ErrorState error={detail.error} />}
              {detail.isPending ? <Loading label="Loading capacity…" /> : <CapacityPanel plan={projected} pending={pendingPoints} />}
              <SprintZone active={!!dragging}>
                {staged.length > 0 && (
                  <ul className="staged" aria-label="Items about to be committed">
                    {staged.map((s) => (
                      <li key={s.item.itemId} className="card staged-card" data-testid="staged-item">
                        <span className="card-title">{s.item.title}</span>
                        <span className="card-meta"><AllianceTag id={s.item.allianceId} /> <span className="points">{s.item.estimate ?? 0} pts</span></span>
                        <span className="card-meta">
                          <label className="inline-label">Assignee{' '}
                            <select value={s.assignee} onChange={(e) => setStaged((all) => all.map((x) => (x.item.itemId === s.item.itemId ? { ...x, assignee: e.target.value } : x)))}>
                              <option value="">Unassigned</option>
                              {members.map((m) => <option key={m.userId} value={m.userId}>{m.displayName}</option>)}
                            </select>
                          </label>
                          <button type="button" className="link-button" onClick={() => setStaged((all) => all.filter((x) => x.item.itemId !== s.item.itemId))} >Take back out<span className="visually-hidden">: {s.item.title}</span></button>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {sprintBoard.isPending ? <Loading /> : sprintBoard.isError ? <ErrorState error={sprintBoard.error} />
                  : sprintBoard.data.cards.length === 0 && staged.length === 0 ? <p className="muted drop-hint">Drop backlog items here, or use “Add to sprint”.</p>
                    : (
                      <ul className="committed" aria-label="Committed items">
                        {sprintBoard.data.cards.map((c) => (
                          <li key={c.id} data-testid="committed-item">
                            <BoardCardView card={c} />
                            {editable && open && !c.restricted && (
                              <button type="button" className="link-button small" onClick={() => remove.mutate(c)} disabled={remove.isPending}>
                                Remove {c.title} from the sprint
                              </button>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
              </SprintZone>
              <FormProblem error={removeError} onReload={() => void refresh()} />
              {staged.length > 0 && (
                <div className="commit-bar">
                  <FormProblem error={commitError} />
                  {overCapacity && (
                    <label className="checkbox">
                      <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
                      Commit over capacity anyway (recorded in the audit log)
                    </label>
                  )}
                  <button type="button" className="button" disabled={commit.isPending || (overCapacity && !override)} onClick={() => commit.mutate()}>
                    {commit.isPending ? 'Committing…' : `Commit ${staged.length} item${staged.length > 1 ? 's' : ''} (${pendingPoints} pts)`}
                  </button>
                </div>
              )}
            </section>
          </div>
        </DndContext>
      )}
      {sprintId && (
        <section className="panel" aria-labelledby="h-sprint-history">
          <h2 id="h-sprint-history">Sprint history</h2>
          {history.isPending ? <Loading label="Loading history…" /> : history.isError ? <ErrorState error={history.error} />
            : history.data.length === 0 ? <Empty title="No changes recorded" /> : <History changes={history.data} label="Changes to this sprint" />}
        </section>
      )}
    </div>
  );
}

function Candidate({ item, disabled, onAdd }: { item: SprintCandidate; disabled: boolean; onAdd: () => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: item.itemId ?? '', disabled });
  return (
    <li className="candidate-row" data-testid="candidate">
      <div
        ref={setNodeRef}
        className={`card candidate ${isDragging ? 'dragging' : ''}`}
        style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
        {...listeners}
        {...attributes}
      >
        <div className="card-title">{item.title}</div>
        <div className="card-meta">
          <AllianceTag id={item.allianceId} />
          <span className="muted">{humanize(item.discipline)}</span>
          <span className="points">{item.estimate ?? 0} pts</span>
        </div>
      </div>
      {!disabled && <button type="button" className="button small secondary" onClick={onAdd} aria-label={`Add to sprint: ${item.title}`}>Add to sprint</button>}
    </li>
  );
}

function SprintZone({ active, children }: { active: boolean; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: SPRINT_ZONE });
  return (
    <div ref={setNodeRef} className={`drop-zone ${active ? 'drop-active' : ''} ${isOver ? 'drop-over' : ''}`} data-testid="sprint-drop-zone">
      {children}
    </div>
  );
}
