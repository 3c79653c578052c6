import type { BoardCard as Card } from '../api/schemas';
import { AllianceTag } from './Badges';
import { formatDay, humanize } from './format';

/** A card on the board; items of alliances the user is not a member of show only their points. */
export function BoardCardView({ card }: { card: Card }) {
  const restricted = card.restricted || !card.title;
  if (restricted) {
    return (
      <article className="card card-restricted" aria-label={`Restricted item, ${card.estimate ?? 0} points`}>
        <div className="card-title">
          <span aria-hidden="true">🔒</span> Restricted
        </div>
        <div className="card-meta">
          <span>Another alliance's item</span>
          <span className="points">{card.estimate ?? 0} pts</span>
        </div>
      </article>
    );
  }
  return (
    <article className="card" aria-label={`${card.title}, ${humanize(card.column)}`}>
      <div className="card-title">{card.title}</div>
      <div className="card-meta">
        <AllianceTag id={card.allianceId} />
        {card.discipline && <span className="muted">{humanize(card.discipline)}</span>}
        <span className="points">{card.estimate ?? 0} pts</span>
      </div>
      <div className="card-meta muted">
        <span>{card.assignee ? `@${card.assignee}` : 'Unassigned'}</span>
        {card.dueDate && <span>Due {formatDay(card.dueDate)}</span>}
      </div>
    </article>
  );
}
