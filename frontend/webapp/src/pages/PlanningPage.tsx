import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DndContext, pointerWithin, rectIntersection, useDraggable, useDroppable, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { board, commitToSprint, sprintCandidates, sprintDetail } from '../api/api';
import type { SprintCandidate } from '../api/schemas';
import type { BoardCard, SprintDetail } from '../api/schemas';
import { AllianceTag } from '../components/Badges';
import { CapacityPanel } from '../components/CapacityBar';
import { project, warningsOf, type SprintCapacity } from '../components/capacity';
import { Empty, ErrorState, Loading } from '../components/States';
import { SprintPicker } from '../components/SprintPicker';
import { announcements, screenReaderInstructions, useDndSensors } from '../components/dnd';
import { formatDay, humanize } from '../components/format';
import { useSprintChoice } from '../components/useSprintChoice';
import { BoardCardView } from '../components/BoardCard';
import { canEdit, useSession } from '../session';

const SPRINT_ZONE = 'sprint-drop-zone';
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** The plan as the sprint service reports it, with each member's committed points taken from the board. */
export function planOf(sprint: SprintDetail | undefined, cards: BoardCard[]): SprintCapacity {
  const planning = sprint?.planning;
  const byAlliance = new Map<string, number>();
  for (const c of cards) {
    const key = c.restricted ? 'Restricted' : c.allianceId ?? 'Restricted';
    byAlliance.set(key, (byAlliance.get(key) ?? 0) + (c.estimate ?? 0));
  }
  return {
    capacity: planning?.capacityPoints ?? 0,
    committed: planning?.committedPoints ?? cards.reduce((sum, c) => sum + (c.estimate ?? 0), 0),
    members: (sprint?.capacity ?? []).map((m) => ({
      userId: m.userId ?? '',
      displayName: m.displayName ?? undefined,
      capacity: m.capacityPoints ?? 0,
      committed: cards.filter((c) => c.assignee === m.userId).reduce((sum, c) => sum + (c.estimate ?? 0), 0),
    })),
    byAlliance: planning?.loadByAlliance?.length
      ? planning.loadByAlliance.map((l) => ({ allianceId: l.restricted ? 'Restricted' : l.allianceId ?? 'Restricted', points: l.points ?? 0 }))
      : [...byAlliance.entries()].map(([allianceId, points]) => ({ allianceId, points })),
    warnings: planning?.warnings?.map((w) => w.message ?? ''),
  };
}

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
  const capacity = useQuery({
    queryKey: ['sprint', sprintId],
    queryFn: ({ signal }) => sprintDetail(sprintId!, signal),
    enabled: !!sprintId,
  });

  const [staged, setStaged] = useState<SprintCandidate[]>([]);
  const [dragging, setDragging] = useState<SprintCandidate | null>(null);
  const [override, setOverride] = useState(false);
  const inSprint = new Set((sprintBoard.data?.cards ?? []).map((c) => c.id));
  const available = (candidates.data ?? []).filter(
    (i) => !inSprint.has(i.itemId ?? '') && !staged.some((s) => s.itemId === i.itemId) && !['IN_SPRINT', 'DONE', 'DROPPED'].includes(i.status ?? ''));

  const base = planOf(capacity.data, sprintBoard.data?.cards ?? []);
  const pendingItems = dragging ? [...staged, dragging] : staged;
  const projected = useMemo(() => project(base, pendingItems), [base, pendingItems]);
  const pendingPoints = pendingItems.reduce((s, i) => s + (i.estimate ?? 0), 0);
  const warnings = warningsOf(projected);

  const commit = useMutation({
    mutationFn: async () => {
      for (const item of staged) await commitToSprint(sprintId!, item.itemId!, override);
    },
    onSuccess: async () => {
      setStaged([]);
      setOverride(false);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['board', sprintId] }),
        client.invalidateQueries({ queryKey: ['sprint', sprintId] }),
        client.invalidateQueries({ queryKey: ['candidates'] }),
        client.invalidateQueries({ queryKey: ['backlog'] }),
      ]);
    },
  });

  const sensors = useDndSensors();
  const onDragStart = ({ active }: DragStartEvent) => setDragging(available.find((i) => i.itemId === active.id) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = available.find((i) => i.itemId === active.id);
    setDragging(null);
    if (item && over?.id === SPRINT_ZONE) setStaged((s) => [...s, item]);
  };

  if (choice.teamList.isPending) return <Loading label="Loading teams…" />;
  if (choice.teamList.isError) return <ErrorState error={choice.teamList.error} retry={() => void choice.teamList.refetch()} />;
  if (!choice.teamList.data.length) return <div className="page"><h1>Sprint planning</h1><Empty title="No teams yet">A specialist team needs to exist before it can plan a sprint.</Empty></div>;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Sprint planning</h1>
        <p className="lede">Drag ready work from the backlog into the sprint. The bars show the plan before you commit.</p>
      </header>
      <SprintPicker choice={choice} />
      {choice.sprintList.isError && <ErrorState error={choice.sprintList.error} />}
      {!sprintId && choice.sprintList.isSuccess && <Empty title="This team has no sprint to plan">Create a sprint for the team first.</Empty>}
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
                      {available.map((item) => <Candidate key={item.itemId} item={item} disabled={!editable} />)}
                    </ul>
                  )}
            </section>
            <section className="panel" aria-labelledby="h-sprint">
              <h2 id="h-sprint">{choice.sprint?.name ?? 'Sprint'} <span className="muted small">{choice.sprint && `${formatDay(choice.sprint.startDate)} – ${formatDay(choice.sprint.endDate)}`}</span></h2>
              {choice.sprint?.goal && <p className="muted">Goal: {choice.sprint.goal}</p>}
              <p className="small"><Link to={`/board?team=${choice.teamId}&sprint=${sprintId}`}>Open this sprint's board →</Link></p>
              {capacity.isError && <ErrorState error={capacity.error} />}
              <CapacityPanel plan={projected} pending={pendingPoints} />
              <SprintZone active={!!dragging}>
                {staged.length > 0 && (
                  <ul className="staged" aria-label="Items about to be committed">
                    {staged.map((i) => (
                      <li key={i.itemId} className="card staged-card" data-testid="staged-item">
                        <span className="card-title">{i.title}</span>
                        <span className="card-meta"><AllianceTag id={i.allianceId} /> <span className="points">{i.estimate ?? 0} pts</span>
                          <button type="button" className="link-button" onClick={() => setStaged((s) => s.filter((x) => x.itemId !== i.itemId))} aria-label={`Take ${i.title} back out`}>Remove</button>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {sprintBoard.isPending ? <Loading /> : sprintBoard.isError ? <ErrorState error={sprintBoard.error} />
                  : sprintBoard.data.cards.length === 0 && staged.length === 0 ? <p className="muted drop-hint">Drop backlog items here.</p>
                    : (
                      <ul className="committed" aria-label="Committed items">
                        {sprintBoard.data.cards.map((c) => <li key={c.id} data-testid="committed-item"><BoardCardView card={c} /></li>)}
                      </ul>
                    )}
              </SprintZone>
              {staged.length > 0 && (
                <div className="commit-bar">
                  {warnings.length > 0 && (
                    <label className="checkbox">
                      <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
                      Commit despite the warnings above (recorded in the audit log)
                    </label>
                  )}
                  {commit.isError && <ErrorState error={commit.error} />}
                  <button type="button" className="button" disabled={commit.isPending || (warnings.length > 0 && !override)} onClick={() => commit.mutate()}>
                    {commit.isPending ? 'Committing…' : `Commit ${staged.length} item${staged.length > 1 ? 's' : ''} (${pendingPoints} pts)`}
                  </button>
                </div>
              )}
            </section>
          </div>
        </DndContext>
      )}
    </div>
  );
}

function Candidate({ item, disabled }: { item: SprintCandidate; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: item.itemId ?? '', disabled });
  return (
    <li
      ref={setNodeRef}
      className={`card candidate ${isDragging ? 'dragging' : ''}`}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      data-testid="candidate"
      {...listeners}
      {...attributes}
      aria-label={`${item.title}, ${item.allianceId}, ${item.estimate ?? 0} points. Drag into the sprint.`}
    >
      <div className="card-title">{item.title}</div>
      <div className="card-meta">
        <AllianceTag id={item.allianceId} />
        <span className="muted">{humanize(item.discipline)}</span>
        <span className="points">{item.estimate ?? 0} pts</span>
      </div>
    </li>
  );
}

function SprintZone({ active, children }: { active: boolean; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: SPRINT_ZONE });
  return (
    <div ref={setNodeRef} className={`drop-zone ${active ? 'drop-active' : ''} ${isOver ? 'drop-over' : ''}`} data-testid="sprint-drop-zone" aria-label="Sprint drop area">
      {children}
    </div>
  );
}
