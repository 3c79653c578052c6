import type { SprintCapacity } from './capacity';

interface BarProps {
  label: string;
  committed: number;
  capacity: number;
  /** Points the pending change would add, shown hatched on top of the committed part. */
  pending?: number;
  /** What the figures count: sprint points by default, hours for an alliance manager's or a team's workload. */
  unit?: { short: string; long: string };
}

const POINTS = { short: 'pts', long: 'points' };

export function CapacityBar({ label, committed, capacity, pending = 0, unit = POINTS }: BarProps) {
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
          {total} / {capacity} {unit.short}{over && <strong className="capacity-flag"> over by {total - capacity}</strong>}
        </span>
      </div>
      <div
        className="capacity-track"
        role="meter"
        aria-label={`${label} capacity`}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={total}
        aria-valuetext={`${total} of ${capacity} ${unit.long}${over ? ', over capacity' : ''}`}
      >
        <div className="capacity-fill" style={{ width: `${committedPct}%` }} />
        {pending > 0 && <div className="capacity-pending" style={{ left: `${committedPct}%`, width: `${pendingPct}%` }} />}
        <div className="capacity-limit" style={{ left: `${capacityPct}%` }} aria-hidden="true" />
      </div>
    </div>
  );
}

/** Team bar, one bar per member, alliance shares, and the warnings the sprint service gave for the plan. */
export function CapacityPanel({ plan, pending = 0 }: { plan: SprintCapacity; pending?: number }) {
  return (
    <section className="capacity-panel" aria-label="Capacity">
      <CapacityBar label="Team" committed={plan.committed - pending} pending={pending} capacity={plan.capacity} />
      {plan.members.map((m) => (
        <CapacityBar key={m.userId} label={m.displayName ?? m.userId} committed={m.committed} capacity={m.capacity} />
      ))}
      {plan.byAlliance.some((a) => a.points > 0) && (
        <ul className="alliance-shares" aria-label="Share of committed points by alliance">
          {plan.byAlliance
            .filter((a) => a.points > 0)
            .map((a) => (
              <li key={a.allianceId} className={`share ${a.concentrated ? 'share-over' : ''}`}>
                <span>{a.allianceId}</span>
                <span>{a.share != null ? `${Math.round(a.share * 100)}%` : `${a.points} pts`}{a.concentrated && <span className="visually-hidden"> (more than a third)</span>}</span>
              </li>
            ))}
        </ul>
      )}
      {plan.warnings.length > 0 && (
        <div role="alert" aria-label="Capacity warnings">
          <ul className="warnings">
            {plan.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`} className={`warning warning-${w.code.toLowerCase()}`} data-testid="plan-warning">
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
