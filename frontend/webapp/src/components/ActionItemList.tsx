import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { myOpenActionItems, reportActionItemDone, type ActionItem } from '../api/partner';
import { useSession } from '../session';
import { AllianceTag } from './Badges';
import { FormProblem, useSubmit } from './Forms';
import { Empty, QueryState } from './States';
import { formatDay } from './format';

/** The open action items the signed-in user owns, soonest due first. */
export function ActionItemList() {
  const session = useSession();
  const items = useQuery({ queryKey: ['action-items', 'mine', session.user], queryFn: ({ signal }) => myOpenActionItems(session.user, signal) });
  // The confirmation stays above the list: once the team closes the item it leaves the list, which can happen before
  // the list is read again, and the owner must still see that the report went through.
  const [reported, setReported] = useState<string | null>(null);
  return (
    <>
      <p className={reported != null ? 'muted' : 'sr-only'} role="status">{reported != null && `Reported done: ${reported} — the team closes it`}</p>
      <QueryState query={items} label="Loading your action items…" isEmpty={(l) => l.length === 0}
        empty={<Empty title="No open action items">Action items from approved minutes that name you as owner appear here.</Empty>}>
        {(list) => (
          <ul className="list" aria-label="Your action items">
            {list.map((a) => (
              <li key={a.id} data-testid="my-action-item">
                <span>{a.title}</span>
                <span className="list-meta">
                  <AllianceTag id={a.allianceId} />
                  <span>due <time dateTime={a.dueDate}>{formatDay(a.dueDate)}</time></span>
                </span>
                <MarkDone item={a} user={session.user} onReported={() => setReported(a.title ?? 'the action item')} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

/** Only the owner reports an item done, and only while it is open; the status follows once the team closes it. */
function MarkDone({ item, user, onReported }: { item: ActionItem; user: string; onReported: () => void }) {
  const queries = useQueryClient();
  const { error, busy, run } = useSubmit();
  const refresh = () => queries.invalidateQueries({ queryKey: ['action-items'] });
  if (item.status !== 'OPEN' || item.owner?.toLowerCase() !== user.toLowerCase()) {
    return null;
  }
  if (item.reportedDoneAt) {
    return <span className="muted">Reported done — the team closes it</span>;
  }
  return (
    <span className="actions">
      <button type="button" className="button secondary" disabled={busy} data-testid="mark-done"
        aria-label={`Mark done: ${item.title ?? ''}`}
        onClick={() => void run(async () => { await reportActionItemDone(item.id!); onReported(); await refresh(); })}>
        {busy ? 'Sending…' : 'Mark done'}
      </button>
      <FormProblem error={error} onReload={() => void refresh()} />
    </span>
  );
}
