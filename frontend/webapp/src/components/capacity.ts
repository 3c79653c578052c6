export interface MemberCapacity {
  userId: string;
  displayName?: string | null;
  capacity: number;
  committed: number;
}

export interface AllianceLoad {
  allianceId: string;
  points: number;
}

/** A sprint's plan as the screens draw it: capacity per member and team, load per alliance, the service's warnings. */
export interface SprintCapacity {
  capacity: number;
  committed: number;
  members: MemberCapacity[];
  byAlliance: AllianceLoad[];
  warnings?: string[];
}

/** Practitioners' concentration rule: no one partner should take more than a third of a team's capacity. */
export const CONCENTRATION_LIMIT = 1 / 3;

export interface PlannedItem {
  allianceId?: string | null;
  estimate?: number | null;
  assignee?: string | null;
}

export interface CapacityWarning {
  kind: 'team-over' | 'member-over' | 'concentration';
  subject: string;
  message: string;
}

/** The plan as it would be with {@code extra} items added: what the bars show before the user commits. */
export function project(plan: SprintCapacity, extra: PlannedItem[]): SprintCapacity {
  const members = plan.members.map((m) => ({ ...m }));
  const byAlliance = new Map(plan.byAlliance.map((a) => [a.allianceId, a.points]));
  let committed = plan.committed;
  for (const item of extra) {
    const points = item.estimate ?? 0;
    committed += points;
    if (item.allianceId) byAlliance.set(item.allianceId, (byAlliance.get(item.allianceId) ?? 0) + points);
    const member = item.assignee ? members.find((m) => m.userId === item.assignee) : undefined;
    if (member) member.committed += points;
  }
  return {
    ...plan,
    committed,
    members,
    byAlliance: [...byAlliance.entries()].map(([allianceId, points]) => ({ allianceId, points })),
  };
}

export function warningsOf(plan: SprintCapacity): CapacityWarning[] {
  const warnings: CapacityWarning[] = [];
  if (plan.capacity > 0 && plan.committed > plan.capacity) {
    warnings.push({
      kind: 'team-over',
      subject: 'team',
      message: `Team over capacity: ${plan.committed} of ${plan.capacity} points committed.`,
    });
  }
  for (const member of plan.members) {
    if (member.committed > member.capacity) {
      warnings.push({
        kind: 'member-over',
        subject: member.userId,
        message: `${member.displayName ?? member.userId} is over capacity: ${member.committed} of ${member.capacity} points.`,
      });
    }
  }
  // A third of the team's capacity (or of the committed work, when capacity is not known).
  const base = plan.capacity > 0 ? plan.capacity : plan.committed;
  if (base > 0) {
    for (const load of plan.byAlliance) {
      if (load.points / base > CONCENTRATION_LIMIT) {
        warnings.push({
          kind: 'concentration',
          subject: load.allianceId,
          message: `${load.allianceId} would take ${Math.round((load.points / base) * 100)}% of the team's capacity (more than a third).`,
        });
      }
    }
  }
  return warnings;
}
