import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { applyPlaybook, backlogItem, backlogItems, createBacklogItem, exportUrl, playbooks, rankBacklogItem, updateBacklogItem, type BacklogFilter } from '../api/api';
import { ApiError } from '../api/http';
import { DISCIPLINES, ITEM_STATUSES, ITEM_TYPES, type BacklogItem } from '../api/schemas';
import { AllianceTag, StatusBadge } from '../components/Badges';
import { CsvImport } from '../components/CsvImport';
import { Dialog } from '../components/Dialog';
import { ItemForm, type ItemFields } from '../components/ItemForm';
import { Empty, ErrorState, Loading } from '../components/States';
import { announcements, screenReaderInstructions, useDndSensors } from '../components/dnd';
import { formatDay, humanize, today } from '../components/format';
import { canEdit, useSession } from '../session';

export function BacklogPage() {
  const session = useSession();
  const editable = canEdit(session);
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const filter: BacklogFilter = {
    allianceId: params.get('alliance') ?? undefined,
    discipline: params.get('discipline') ?? undefined,
    status: params.get('status') ?? undefined,
    type: params.get('type') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    const handle = setTimeout(() => { if ((params.get('q') ?? '') !== search) setFilter('q', search); }, 300);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const client = useQueryClient();
  const items = useInfiniteQuery({
    queryKey: ['backlog', filter],
    queryFn: ({ pageParam, signal }) => backlogItems({ ...filter, after: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const loaded = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  const [order, setOrder] = useState<BacklogItem[]>([]);
  useEffect(() => setOrder(loaded), [loaded]);

  const [rankError, setRankError] = useState<unknown>(null);
  const rank = useMutation({
    mutationFn: (args: { id: string; version?: number; above?: string; below?: string }) => rankBacklogItem(args.id, args, args.version),
    onError: (e) => { setRankError(e); setOrder(loaded); },
    onSuccess: () => { setRankError(null); void client.invalidateQueries({ queryKey: ['backlog'] }); },
  });

  const sensors = useDndSensors();
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = order.findIndex((i) => i.id === active.id);
    const to = order.findIndex((i) => i.id === over.id);
    const moved = arrayMove(order, from, to);
    setOrder(moved);
    const below = moved[to - 1];
    const above = moved[to + 1];
    const item = order[from];
    rank.mutate(above ? { id: item.id!, version: item.version, above: above.id } : { id: item.id!, version: item.version, below: below?.id });
  };

  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<BacklogItem | null>(null);
  const [applying, setApplying] = useState(false);
  const [importing, setImporting] = useState(false);

  return (
    <div className="page">
      <header className="page-header row">
        <div>
          <h1>Backlog</h1>
          <p className="lede">One ranked backlog across your alliances. Drag to rank; the top is pulled first.</p>
        </div>
        <div className="actions">
          <a className="button secondary" href={exportUrl('backlog-items', { allianceId: filter.allianceId, discipline: filter.discipline, status: filter.status, type: filter.type, q: filter.q })} download>Export CSV</a>
        {editable && (
          <>
            <button className="button secondary" type="button" onClick={() => setImporting(true)}>Import CSV</button>
            <button className="button secondary" type="button" onClick={() => setApplying(true)}>Apply playbook</button>
            <button className="button" type="button" onClick={() => setCreating(true)}>New item</button>
          </>
        )}
        </div>
      </header>

      <form className="filters" role="search" aria-label="Filter backlog" onSubmit={(e) => e.preventDefault()}>
        <label className="field inline"><span>Search</span>
          <input type="search" value={search} placeholder="Title or description" onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="field inline"><span>Alliance</span>
          <select value={filter.allianceId ?? ''} onChange={(e) => setFilter('alliance', e.target.value)}>
            <option value="">All</option>
            {session.alliances.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Discipline</span>
          <select value={filter.discipline ?? ''} onChange={(e) => setFilter('discipline', e.target.value)}>
            <option value="">All</option>
            {DISCIPLINES.map((d) => <option key={d} value={d}>{humanize(d)}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Status</span>
          <select value={filter.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">All</option>
            {ITEM_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Type</span>
          <select value={filter.type ?? ''} onChange={(e) => setFilter('type', e.target.value)}>
            <option value="">All</option>
            {ITEM_TYPES.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
        </label>
      </form>

      {rankError != null && <ErrorState error={rankError} />}
      {items.isPending ? <Loading label="Loading backlog…" />
        : items.isError ? <ErrorState error={items.error} retry={() => void items.refetch()} />
          : order.length === 0 ? <Empty title="No items match">Change the filters, create an item, or apply a playbook.</Empty>
            : (
              <DndContext
                sensors={sensors}
                collisionDetection={closestCenter}
                onDragEnd={onDragEnd}
                accessibility={{
                  screenReaderInstructions,
                  announcements: announcements(
                    (id) => order.find((i) => i.id === id)?.title ?? 'item',
                    (id) => `position ${order.findIndex((i) => i.id === id) + 1}`,
                  ),
                }}
              >
                <SortableContext items={order.map((i) => i.id ?? '')} strategy={verticalListSortingStrategy}>
                  <ol className="backlog" aria-label="Backlog items in rank order">
                    {order.map((item, index) => (
                      <SortableRow key={item.id} item={item} position={index + 1} draggable={editable && !filter.q} onEdit={() => setEditing(item)} editable={editable} />
                    ))}
                  </ol>
                </SortableContext>
              </DndContext>
            )}
      {items.hasNextPage && (
        <button type="button" className="button secondary" onClick={() => void items.fetchNextPage()} disabled={items.isFetchingNextPage}>
          {items.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}

      <Dialog title="New backlog item" open={creating} onClose={() => setCreating(false)}>
        <ItemForm
          alliances={session.alliances}
          initial={{ allianceId: filter.allianceId ?? session.alliances[0] }}
          submitLabel="Create item"
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            await createBacklogItem(input);
            setCreating(false);
            await client.invalidateQueries({ queryKey: ['backlog'] });
          }}
        />
      </Dialog>
      <Dialog title="Edit backlog item" open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <ItemForm
            alliances={session.alliances}
            initial={{ ...editing, discipline: editing.discipline as ItemFields['discipline'], type: editing.type as ItemFields['type'], description: editing.description ?? '', owner: editing.owner ?? undefined, beneficiary: editing.beneficiary ?? undefined }}
            submitLabel="Save changes"
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              const current = await backlogItem(editing.id!);
              // The ETag must be the version the user started from: a change since then is a 412, not an overwrite.
              const etag = current.data.version === editing.version ? current.etag : `"${editing.version}"`;
              // The PUT replaces every field and refuses a body that leaves one out: an empty field is a deliberate clear.
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
              }, etag ?? `"${editing.version}"`);
              setEditing(null);
              await client.invalidateQueries({ queryKey: ['backlog'] });
            }}
          />
        )}
      </Dialog>
      <Dialog title="Import backlog items from a spreadsheet" open={importing} onClose={() => setImporting(false)}>
        <CsvImport
          target="backlog-items"
          noun="backlog items"
          onCancel={() => setImporting(false)}
          onImported={() => void client.invalidateQueries({ queryKey: ['backlog'] })}
        />
      </Dialog>
      <Dialog title="Apply a playbook" open={applying} onClose={() => setApplying(false)}>
        <PlaybookForm alliances={session.alliances} defaultAlliance={filter.allianceId} onDone={() => { setApplying(false); void client.invalidateQueries({ queryKey: ['backlog'] }); }} />
      </Dialog>
    </div>
  );
}

function SortableRow({ item, position, draggable, editable, onEdit }: { item: BacklogItem; position: number; draggable: boolean; editable: boolean; onEdit: () => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id ?? '', disabled: !draggable });
  return (
    <li ref={setNodeRef} className={`backlog-row ${isDragging ? 'dragging' : ''}`} style={{ transform: CSS.Transform.toString(transform), transition }} data-testid="backlog-row">
      {draggable && (
        <button type="button" className="drag-handle" aria-label={`Move ${item.title} (rank ${position})`} {...attributes} {...listeners}>
          ⋮⋮
        </button>
      )}
      <span className="rank">{position}</span>
      <div className="backlog-main">
        <div className="backlog-title"><Link to={`/items/${item.id}`}>{item.title}</Link></div>
        <div className="backlog-meta">
          <AllianceTag id={item.allianceId} />
          <span>{humanize(item.discipline)}</span>
          <span>{humanize(item.type)}</span>
          {item.dueDate && <span>Due {formatDay(item.dueDate)}</span>}
          {item.sourceRef && <span className="muted">from {item.sourceRef.split(':')[0]}</span>}
        </div>
      </div>
      <StatusBadge status={item.status} />
      <span className="points">{item.estimate ?? '–'} pts</span>
      {editable && <button type="button" className="button secondary small" onClick={onEdit} aria-label={`Edit ${item.title}`}>Edit</button>}
    </li>
  );
}

function PlaybookForm({ alliances, defaultAlliance, onDone }: { alliances: string[]; defaultAlliance?: string; onDone: () => void }) {
  const list = useQuery({ queryKey: ['playbooks'], queryFn: ({ signal }) => playbooks(signal) });
  const [playbook, setPlaybook] = useState('');
  const [allianceId, setAllianceId] = useState(defaultAlliance ?? alliances[0] ?? '');
  const [anchor, setAnchor] = useState(today());
  const apply = useMutation({ mutationFn: () => applyPlaybook(playbook, allianceId, anchor), onSuccess: onDone });
  if (list.isPending) return <Loading label="Loading playbooks…" />;
  if (list.isError) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  if (list.data.length === 0) return <Empty title="No playbooks available" />;
  const chosen = list.data.find((p) => p.key === playbook);
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); apply.mutate(); }}>
      {apply.isError && <ErrorState error={apply.error} />}
      <label className="field"><span>Playbook</span>
        <select value={playbook} onChange={(e) => setPlaybook(e.target.value)} required>
          <option value="" disabled>Choose a playbook</option>
          {list.data.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
        </select>
      </label>
      {chosen?.description && <p className="muted">{chosen.description}</p>}
      {chosen?.anchorLabel && <p className="muted small">Due dates count from: {chosen.anchorLabel}</p>}
      {chosen?.tasks && (
        <ul className="list compact" aria-label="Tasks the playbook creates">
          {chosen.tasks.map((t) => <li key={t.title}><span>{t.title}</span><span className="list-meta">{humanize(t.discipline)} · {t.estimate ?? '–'} pts · day {t.offsetDays ?? 0}</span></li>)}
        </ul>
      )}
      <div className="field-row">
        <label className="field"><span>Alliance</span>
          <select value={allianceId} onChange={(e) => setAllianceId(e.target.value)}>
            {alliances.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="field"><span>Anchor date</span>
          <input type="date" value={anchor} onChange={(e) => setAnchor(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={!playbook || apply.isPending}>{apply.isPending ? 'Applying…' : 'Apply playbook'}</button>
      </div>
      {apply.error instanceof ApiError && apply.error.problem.errors?.map((e) => <p key={e.field} className="field-error">{e.field}: {e.message}</p>)}
    </form>
  );
}
