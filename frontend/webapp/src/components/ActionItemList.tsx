import { useQuery } from '@tanstack/react-query';
import { myOpenActionItems } from '../api/partner';
import { useSession } from '../session';
import { AllianceTag } from './Badges';
import { Empty, QueryState } from './States';
import { formatDay } from './format';

/** The open action items the signed-in user owns, soonest due first. */
export function ActionItemList() {
  const session = useSession();
  const items = useQuery({ queryKey: ['action-items', 'mine', session.user], queryFn: ({ signal }) => myOpenActionItems(session.user, signal) });
  return (
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
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
