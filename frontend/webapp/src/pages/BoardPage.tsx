import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DndContext, pointerWithin, rectIntersection, useDraggable, useDroppable, type CollisionDetection, type DragEndEvent } from '@dnd-kit/core';
import { useEffect, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { board, burndown, moveCard, velocity, type Board } from '../api/api';
import { placeCard, team as fetchTeam } from '../api/sprints';
import { asApiError } from '../components/Forms';
import { COLUMNS, type Column } from '../api/schemas';
import type { BoardCard } from '../api/schemas';
import { BoardCardView } from '../components/BoardCard';
import { Empty, ErrorState, Loading } from '../components/States';
import { SprintPicker } from '../components/SprintPicker';
import { announcements, screenReaderInstructions, useDndSensors } from '../components/dnd';
import { humanize } from '../components/format';
import { useSprintChoice } from '../components/useSprintChoice';
import { canEdit, useSession } from '../session';

type Lanes = 'none' | 'alliance' | 'assignee';
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

export function wipLimitOf(b: Board, column: Column): number | null {
  return b.columns.find((c) => c.column === column)?.wipLimit ?? null;
}

export function BoardPage() {
  const session = useSession();
  const editable = canEdit(session);
  const choice = useSprintChoice(['ACTIVE', 'PLANNED']);
  const sprintId = choice.sprintId;
  const client = useQueryClient();
  const [lanes, setLanes] = useState<Lanes>('none');
  const boardQuery = useQuery({ queryKey: ['board', sprintId], queryFn: ({ signal }) => board(sprintId!, signal), enabled: !!sprintId });
  const [cards, setCards] = useState<BoardCard[]>([]);
  useEffect(() => setCards(boardQuery.data?.cards ?? []), [boardQuery.data]);
  const [moveError, setMoveError] = useState<unknown>(null);

  const move = useMutation({
    mutationFn: (args: { card: BoardCard; to: Column }) => moveCard(sprintId!, args.card, args.to),
    onError: (e) => { setMoveError(e); setCards(boardQuery.data?.cards ?? []); },
    onSuccess: () => { setMoveError(null); void client.invalidateQueries({ queryKey: ['board', sprintId] }); void client.invalidateQueries({ queryKey: ['burndown', sprintId] }); },
  });

  const teamQuery = useQuery({ queryKey: ['team', choice.teamId], queryFn: ({ signal }) => fetchTeam(choice.teamId!, signal), enabled: !!choice.teamId });
  const members = (teamQuery.data?.data.members ?? []).map((m) => ({ userId: m.userId ?? '', displayName: m.displayName ?? m.userId ?? '' }));
  const open = boardQuery.data != null && choice.sprint?.state !== 'CLOSED';
  // The same change as a drag, from the card's own controls: nothing on the board needs a pointer (WCAG 2.5.7).
  const place = useMutation({
    mutationFn: (args: { card: BoardCard; column?: Column; assignee?: string | null }) => placeCard(sprintId!, args.card, args),
    onMutate: () => setMoveError(null),
    onError: (e) => setMoveError(asApiError(e)),
    onSettled: () => { void client.invalidateQueries({ queryKey: ['board', sprintId] }); void client.invalidateQueries({ queryKey: ['burndown', sprintId] }); void client.invalidateQueries({ queryKey: ['sprint', sprintId] }); },
  });

  const sensors = useDndSensors();
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || !boardQuery.data) return;
    const card = cards.find((c) => c.id === active.id);
    const to = String(over.id).split('|')[0] as Column;
    if (!card || card.column === to) return;
    const limit = wipLimitOf(boardQuery.data, to);
    const count = cards.filter((c) => c.column === to).length;
    if (limit != null && count >= limit) {
      setMoveError(new Error(`${humanize(to)} is at its WIP limit (${limit}). Finish something there first.`));
      return;
    }
    setCards((all) => all.map((c) => (c.id === card.id ? { ...c, column: to } : c)));
    move.mutate({ card, to });
  };

  const laneKeys = lanes === 'none' ? ['all']
    : [...new Set(cards.map((c) => laneOf(c, lanes)))].sort();

  return (
    <div className="page">
      <header className="page-header">
        <h1>Board</h1>
        <p className="lede">Drag cards between columns, or use each card's “Move to” and “Assignee” controls.</p>
      </header>
      <div className="toolbar">
        <SprintPicker choice={choice} />
        <label className="field inline"><span>Swimlanes</span>
          <select value={lanes} onChange={(e) => setLanes(e.target.value as Lanes)}>
            <option value="none">None</option>
            <option value="alliance">By alliance</option>
            <option value="assignee">By assignee</option>
          </select>
        </label>
      </div>
      {choice.teamList.isError && <ErrorState error={choice.teamList.error} />}
      {choice.teamList.isSuccess && !choice.teamList.data.length && <Empty title="No teams yet" />}
      {!sprintId && choice.sprintList.isSuccess && <Empty title="No sprint for this team" />}
      {moveError != null && <ErrorState title="Move not allowed" error={moveError} />}
      {sprintId && (boardQuery.isPending ? <Loading label="Loading board…" /> : boardQuery.isError ? <ErrorState error={boardQuery.error} retry={() => void boardQuery.refetch()} /> : (
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          onDragEnd={onDragEnd}
          accessibility={{
            screenReaderInstructions,
            announcements: announcements(
              (id) => { const c = cards.find((x) => x.id === id); return c?.title ?? 'restricted item'; },
              (id) => `column ${humanize(String(id).split('|')[0])}`,
            ),
          }}
        >
          <div className="board" role="region" aria-label="Sprint board">
            {laneKeys.map((lane) => (
              <div key={lane} className="lane">
                {lanes !== 'none' && <h2 className="lane-title">{lane}</h2>}
                <div className="columns">
                  {COLUMNS.map((column) => {
                    const inColumn = cards.filter((c) => c.column === column && (lanes === 'none' || laneOf(c, lanes) === lane));
                    const total = cards.filter((c) => c.column === column).length;
                    return (
                      <BoardColumn key={column} id={`${column}|${lane}`} column={column} count={total} limit={wipLimitOf(boardQuery.data, column)} points={inColumn.reduce((s, c) => s + (c.estimate ?? 0), 0)}>
                        {inColumn.map((card) => (
                          <div key={card.id} className="board-card-wrap">
                            <DraggableCard card={card} disabled={!editable || !!card.restricted} />
                            {editable && open && !card.restricted && (
                              <CardControls card={card} members={members} busy={place.isPending} startedOnly={choice.sprint?.state === 'ACTIVE'}
                                onMove={(to) => place.mutate({ card, column: to })}
                                onAssign={(assignee) => place.mutate({ card, assignee })} />
                            )}
                          </div>
                        ))}
                      </BoardColumn>
                    );
                  })}
                </div>
              </div>
            ))}
          </div>
        </DndContext>
      ))}
      {sprintId && <Charts sprintId={sprintId} teamId={choice.teamId} />}
    </div>
  );
}

function laneOf(card: BoardCard, lanes: Lanes): string {
  if (lanes === 'alliance') return card.restricted ? 'Restricted' : card.allianceId ?? 'No alliance';
  return card.assigneeName ?? card.assignee ?? 'Unassigned';
}

function BoardColumn({ id, column, count, limit, points, children }: { id: string; column: Column; count: number; limit: number | null; points: number; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  const atLimit = limit != null && count >= limit;
  const over = limit != null && count > limit;
  return (
    <section ref={setNodeRef} className={`column ${isOver ? 'drop-over' : ''} ${atLimit ? 'at-limit' : ''}`} aria-label={`${humanize(column)} column`} data-testid={`column-${column}`}>
      <header className="column-header">
        <h3>{humanize(column)}</h3>
        <span className={`wip ${over ? 'wip-over' : atLimit ? 'wip-full' : ''}`} title="Cards / WIP limit">
          {count}{limit != null ? ` / ${limit}` : ''} · {points} pts
        </span>
      </header>
      <div className="column-body">{children}</div>
    </section>
  );
}

function DraggableCard({ card, disabled }: { card: BoardCard; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id ?? '', disabled });
  return (
    <div
      ref={setNodeRef}
      className={`draggable ${isDragging ? 'dragging' : ''}`}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      data-testid="board-card"
      data-item-id={card.id}
      {...listeners}
      {...attributes}
      aria-roledescription="draggable card"
    >
      <BoardCardView card={card} />
    </div>
  );
}

function CardControls({ card, members, busy, startedOnly, onMove, onAssign }: {
  card: BoardCard;
  members: { userId: string; displayName: string }[];
  busy: boolean;
  startedOnly: boolean;
  onMove: (to: Column) => void;
  onAssign: (assignee: string | null) => void;
}) {
  return (
    <div className="card-controls" data-testid="card-controls">
      {startedOnly && (
        <label className="inline-label">Move to{' '}
          <select aria-label={`Move ${card.title} to`} value={card.column ?? 'TODO'} disabled={busy} onChange={(e) => onMove(e.target.value as Column)}>
            {COLUMNS.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
          </select>
        </label>
      )}
      <label className="inline-label">Assignee{' '}
        <select aria-label={`Assignee of ${card.title}`} value={card.assignee ?? ''} disabled={busy} onChange={(e) => onAssign(e.target.value || null)}>
          <option value="">Unassigned</option>
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.displayName}</option>)}
        </select>
      </label>
    </div>
  );
}

function Charts({ sprintId, teamId }: { sprintId: string; teamId?: string }) {
  const burn = useQuery({
    queryKey: ['burndown', sprintId],
    queryFn: async ({ signal }) => ((await burndown(sprintId, signal)).days ?? []).map((d) => ({
      date: d.date ?? '',
      remaining: d.remainingPoints ?? null,
      ideal: Math.round((d.idealPoints ?? 0) * 10) / 10,
    })),
  });
  const vel = useQuery({
    queryKey: ['velocity', teamId],
    queryFn: async ({ signal }) => ((await velocity(teamId!, signal)).sprints ?? []).map((v) => ({
      sprintName: v.name ?? '',
      committed: v.committedPoints ?? 0,
      completed: v.completedPoints ?? 0,
    })),
    enabled: !!teamId,
  });
  return (
    <div className="grid-2 charts">
      <section className="panel" aria-labelledby="h-burndown">
        <h2 id="h-burndown">Burndown</h2>
        {burn.isPending ? <Loading /> : burn.isError ? <ErrorState error={burn.error} /> : burn.data.length === 0 ? <Empty title="No burndown yet" /> : (
          <div className="chart" role="img" aria-label={`Burndown: ${[...burn.data].reverse().find((p) => p.remaining != null)?.remaining ?? 0} points remaining`}>
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={burn.data} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid stroke="#e3e8ef" />
                <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
                <YAxis fontSize={12} allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line type="monotone" dataKey="remaining" name="Remaining" stroke="#1f4e79" strokeWidth={2} dot={false} isAnimationActive={false} />
                <Line type="linear" dataKey="ideal" name="Ideal" stroke="#9aa5b1" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="h-velocity">
        <h2 id="h-velocity">Velocity</h2>
        {vel.isPending ? <Loading /> : vel.isError ? <ErrorState error={vel.error} /> : vel.data.length === 0 ? <Empty title="No closed sprints yet" /> : (
          <div className="chart" role="img" aria-label="Velocity of the last sprints">
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={vel.data} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid stroke="#e3e8ef" />
                <XAxis dataKey="sprintName" fontSize={12} />
                <YAxis fontSize={12} allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="committed" name="Committed" fill="#9fb8d3" isAnimationActive={false} />
                <Bar dataKey="completed" name="Completed" fill="#1f4e79" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </section>
    </div>
  );
}
