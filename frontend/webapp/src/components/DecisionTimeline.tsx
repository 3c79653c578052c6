import { Link } from 'react-router-dom';
import type { UpcomingDecision } from '../api/schemas';
import { AllianceTag, RiskBadge } from './Badges';
import { formatDay } from './format';
import { daysUntil, groupByDueWeek } from './timeline';
import { Empty } from './States';

function dueText(days: number): string {
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days === 0) return 'due today';
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

export function DecisionTimeline({ decisions, today }: { decisions: UpcomingDecision[]; today: string }) {
  const groups = groupByDueWeek(decisions, today);
  if (groups.length === 0) return <Empty title="No open decisions">Nothing is due for the alliances you follow.</Empty>;
  return (
    <div className="timeline">
      {groups.map((group) => (
        <section key={group.key} className={`timeline-group group-${group.key === 'overdue' ? 'overdue' : 'week'}`} aria-labelledby={`tg-${group.key}`}>
          <h2 id={`tg-${group.key}`}>
            {group.label} <span className="count">{group.decisions.length}</span>
          </h2>
          <ul>
            {group.decisions.map((d) => {
              const days = daysUntil(d.dueDate, today);
              return (
                <li key={d.id} className="timeline-item" data-testid="decision-item">
                  <div className="timeline-date">
                    <time dateTime={d.dueDate} data-testid="decision-due">{formatDay(d.dueDate)}</time>
                    <span className={days < 0 ? 'overdue-text' : 'muted'}>{dueText(days)}</span>
                  </div>
                  <div className="timeline-body">
                    <Link to={`/decisions/${d.id}`} className="timeline-title">{d.title}</Link>
                    <div className="timeline-meta">
                      <AllianceTag id={d.allianceId} />
                      {d.governanceBody && <span className="badge body">{d.governanceBody}</span>}
                      <RiskBadge state={d.riskState} />
                      {d.prepDeadline && <span className="muted">ready by {formatDay(d.prepDeadline)}</span>}
                    </div>
                    {d.riskReason && d.riskState !== 'ON_TRACK' && <p className="risk-reason">Why: {d.riskReason}</p>}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
