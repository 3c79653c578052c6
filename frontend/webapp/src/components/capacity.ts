export interface MemberCapacity {
  userId: string;
  displayName?: string | null;
  capacity: number;
  committed: number;
}

/** One alliance's share of the sprint as the sprint service computed it. */
export interface AllianceLoad {
  allianceId: string;
  points: number;
  /** Share of the committed points, 0..1, from the service. */
  share?: number;
  /** The service's concentration rule flagged it. */
  concentrated?: boolean;
}

export interface PlanWarning {
  code: string;
  message: string;
}

/**
 * A sprint's plan as the screens draw it: capacity per member and team, load per alliance, and the warnings. Every
 * rule (over capacity, a member over their capacity, concentration) is the sprint service's: the app shows its
 * warnings and does not work them out again.
 */
export interface SprintCapacity {
  capacity: number;
  committed: number;
  members: MemberCapacity[];
  byAlliance: AllianceLoad[];
  warnings: PlanWarning[];
}

export interface PlannedItem {
  estimate?: number | null;
  assignee?: string | null;
}

/** The bars as they would be with {@code extra} items added, before the user commits (no warnings: the service's). */
export function project(plan: SprintCapacity, extra: PlannedItem[]): SprintCapacity {
  const members = plan.members.map((m) => ({ ...m }));
  let committed = plan.committed;
  for (const item of extra) {
    const points = item.estimate ?? 0;
    committed += points;
    const member = item.assignee ? members.find((m) => m.userId === item.assignee) : undefined;
    if (member) member.committed += points;
  }
  return { ...plan, committed, members };
}
