import { warningsOf, type SprintCapacity } from './capacity';

interface BarProps {
  label: string;
  committed: number;
  capacity: number;
  /** Points the pending change would add, shown hatched on top of the committed part. */
  pending?: number;
}

export function CapacityBar({ label, committed, capacity, pending = 0 }: BarProps) {
  const total = committed + pending;
  const over = capacity > 0 && total > capacity;
  const scale = Math.max(capacity, total, 1);
  const committedPct = (committed / scale) * 100;
  const pendingPct = (pending / scale) * 100;
  const capacityPct = (capacity / scale) * 100;
  return (
    <div className={`capacity ${over ? 'capacity-over' : ''}`} data-testid={`capacity-${label}`}>
      <div className="capacity-label">
        <span>{label}</span>
        <span className="capacity-numbers">
          {total} / {capacity} pts{over && <strong className="capacity-flag"> over by {total - capacity}</strong>}
        </span>
      </div>
      <div
        className="capacity-track"
        role="meter"
        aria-label={`${label} capacity`}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={total}
        aria-valuetext={`${total} of ${capacity} points${over ? ', over capacity' : ''}`}
      >
        <div className="capacity-fill" style={{ width: `${committedPct}%` }} />
        {pending > 0 && <div className="capacity-pending" style={{ left: `${committedPct}%`, width: `${pendingPct}%` }} />}
        <div className="capacity-limit" style={{ left: `${capacityPct}%` }} aria-hidden="true" />
      </div>
    </div>
  );
}

/** Team bar, one bar per member, alliance shares, and every warning the plan (or the pending change) raises. */
export function CapacityPanel({ plan, pending = 0 }: { plan: SprintCapacity; pending?: number }) {
  const warnings = warningsOf(plan);
  const base = plan.capacity > 0 ? plan.capacity : Math.max(plan.committed, 1);
  return (
    <section className="capacity-panel" aria-label="Capacity">
      <CapacityBar label="Team" committed={plan.committed - pending} pending={pending} capacity={plan.capacity} />
      {plan.members.map((m) => (
        <CapacityBar key={m.userId} label={m.displayName ?? m.userId} committed={m.committed} capacity={m.capacity} />
      ))}
      {plan.byAlliance.length > 0 && (
        <div className="alliance-shares" aria-label="Share of capacity by alliance">
          {plan.byAlliance
            .filter((a) => a.points > 0)
            .sort((a, b) => b.points - a.points)
            .map((a) => {
              const share = a.points / base;
              return (
                <div key={a.allianceId} className={`share ${share > 1 / 3 ? 'share-over' : ''}`}>
                  <span>{a.allianceId}</span>
                  <span>{Math.round(share * 100)}%</span>
                </div>
              );
            })}
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" role="alert" aria-label="Capacity warnings">
          {warnings.map((w) => (
            <li key={`${w.kind}-${w.subject}`} className={`warning warning-${w.kind}`}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
