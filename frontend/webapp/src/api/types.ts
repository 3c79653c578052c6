/** Client-side shapes of the services' views (field names follow the services' REST views and event contracts). */

export interface Session {
  user: string;
  name?: string;
  roles: string[];
  alliances: string[];
  csrfToken: string;
}

export type Phase = 'EVALUATION' | 'DUE_DILIGENCE' | 'LAUNCH' | 'EXECUTION' | 'RENEWAL' | 'WIND_DOWN' | 'CLOSED';

export interface Alliance {
  key: string;
  allianceId?: string;
  name: string;
  partner: string;
  type: string;
  tier: number;
  phase: Phase | string;
  valueScore?: number;
  complexityScore?: number;
  allianceManager?: string;
  startDate?: string;
  version?: number;
}

export const DISCIPLINES = ['GOVERNANCE', 'CONTRACTS', 'FINANCE', 'ALLIANCE_HEALTH', 'PROJECT_MANAGEMENT', 'LEGAL'] as const;
export const ITEM_TYPES = ['TASK', 'RISK_FOLLOW_UP', 'OBLIGATION', 'DECISION_PREP', 'ACTION_ITEM'] as const;
export const ITEM_STATUSES = ['NEW', 'READY', 'IN_SPRINT', 'DONE', 'DROPPED'] as const;

export interface BacklogItem {
  id: string;
  allianceId: string;
  title: string;
  description?: string | null;
  discipline: string;
  type: string;
  estimate?: number | null;
  dueDate?: string | null;
  status: string;
  rank: string;
  sourceRef?: string | null;
  version: number;
}

export interface BacklogItemInput {
  allianceId: string;
  title: string;
  description?: string;
  discipline: string;
  type: string;
  estimate?: number | null;
  dueDate?: string | null;
}

export interface Playbook {
  id: string;
  key: string;
  name: string;
  description?: string;
  appliesTo?: string;
  anchorLabel?: string;
  tasks?: { position?: number; title: string; discipline: string; estimate?: number; offsetDays?: number }[];
}

export interface Risk {
  id: string;
  allianceId: string;
  title: string;
  category: string;
  likelihood?: number;
  impact?: number;
  score?: number;
  owner?: string;
  mitigation?: string;
  status?: string;
  nextReviewDate?: string;
  aboveThreshold?: boolean;
}

export interface Obligation {
  id: string;
  allianceId: string;
  title: string;
  clauseRef?: string;
  kind?: string;
  owedBy?: string;
  dueDate?: string;
  leadTimeDays?: number;
  status?: string;
}

export interface TeamMember {
  userId: string;
  displayName?: string;
  role?: string;
  pointsPerDay?: number;
}

export interface Team {
  id: string;
  name: string;
  disciplines?: string[];
  members?: TeamMember[];
  alliances?: string[];
  restrictedAlliances?: number;
  wipLimits?: Partial<Record<Column, number>>;
}

export type SprintState = 'PLANNED' | 'ACTIVE' | 'CLOSED';

export interface Sprint {
  id: string;
  teamId: string;
  teamName?: string;
  name: string;
  goal?: string;
  startDate: string;
  endDate: string;
  state: SprintState | string;
  capacityPoints?: number;
  committedPoints?: number;
  completedPoints?: number;
  version?: number;
}

export interface PlanningSummary {
  capacityPoints: number;
  committedPoints: number;
  completedPoints?: number;
  remainingPoints?: number;
  itemCount?: number;
  unestimatedItems?: number;
  overCapacity: boolean;
  loadByAlliance: { allianceId: string; allianceName?: string; restricted?: boolean; points: number; items?: number; shareOfCapacity?: number; concentrated?: boolean }[];
  warnings: { code: string; message: string }[];
}

export interface SprintDetail extends Sprint {
  capacity?: { userId: string; displayName?: string; workingDays?: number; absenceDays?: number; pointsPerDay?: number; capacityPoints: number }[];
  planning?: PlanningSummary;
}

/** A backlog item as the sprint service knows it (from backlog events): what a team can pull in. */
export interface SprintCandidate {
  id: string;
  allianceId: string;
  title: string;
  discipline: string;
  type: string;
  estimate?: number | null;
  dueDate?: string | null;
  status: string;
  rank: string;
}

export interface MemberCapacity {
  userId: string;
  displayName?: string;
  capacity: number;
  committed: number;
}

export interface AllianceLoad {
  allianceId: string;
  points: number;
}

/** A sprint's plan: capacity per member and team, load per alliance, and the service's own warnings. */
export interface SprintCapacity {
  capacity: number;
  committed: number;
  members: MemberCapacity[];
  byAlliance: AllianceLoad[];
  warnings?: string[];
}

export type Column = 'TODO' | 'IN_PROGRESS' | 'IN_REVIEW' | 'DONE';
export const COLUMNS: Column[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];

export interface BoardCard {
  itemId: string;
  allianceId?: string | null;
  allianceName?: string | null;
  title?: string | null;
  estimate?: number | null;
  column: Column;
  assignee?: string | null;
  assigneeName?: string | null;
  restricted?: boolean;
  dueDate?: string | null;
  discipline?: string | null;
  version?: number;
}

export interface Board {
  sprintId: string;
  columns?: { column: Column; wipLimit?: number | null }[];
  wipLimits?: Partial<Record<Column, number | null>>;
  cards: BoardCard[];
  planning?: PlanningSummary;
}

export interface BurndownPoint {
  date: string;
  remaining: number | null;
  ideal?: number;
}

export interface VelocityPoint {
  sprintId?: string;
  sprintName: string;
  committed: number;
  completed: number;
}

export type RiskState = 'ON_TRACK' | 'AT_RISK' | 'OVERDUE';

export interface DecisionOption {
  key: string;
  title: string;
  pros?: string;
  cons?: string;
}

export interface Decision {
  id: string;
  allianceId: string;
  title: string;
  question?: string;
  context?: string;
  options?: DecisionOption[];
  governanceBody?: string;
  dueDate: string;
  leadTimeDays?: number;
  status: string;
  riskState?: RiskState | string | null;
  riskReason?: string | null;
  driver?: string;
  approver?: string;
  contributors?: string[];
  informed?: string[];
  currentBody?: string;
  prepDeadline?: string;
  daysUntilDue?: number;
  outcome?: { chosenOption: string; rationale?: string; decidedAt?: string; decidedBy?: string; meetingId?: string } | null;
  proposal?: { option: string; summary?: string } | null;
  prep?: { total: number; done: number; inSprint: number; items?: { itemId: string; title: string; status: string; done: boolean; inSprint: boolean; boardColumn?: string }[] } | null;
  internalNotes?: string | null;
  supersedesId?: string | null;
  supersededById?: string | null;
  escalationLevel?: number;
  respondBy?: string | null;
  version?: number;
}

export interface GovernanceBody {
  id: string;
  allianceId: string;
  type: string;
  name?: string;
  cadence?: string;
  quorum?: number;
  members?: { name: string; organisation?: string; side?: string; role?: string }[];
}

export type Purpose = 'INFORMATION' | 'DISCUSSION' | 'DECISION';

export interface AgendaItem {
  id?: string;
  section: string;
  title: string;
  presenter?: string;
  durationMinutes?: number;
  purpose: Purpose | string;
  decisionId?: string | null;
  backlogItemId?: string | null;
  internalNote?: string | null;
}

export type OutcomeType = 'INFORMATION_NOTED' | 'DECISION_MADE' | 'ACTION_ITEM';

export interface Outcome {
  id: string;
  agendaItemId: string;
  type: OutcomeType | string;
  notes?: string | null;
  decisionId?: string | null;
  chosenOption?: string | null;
  rationale?: string | null;
  actionItemId?: string | null;
  actionTitle?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  recordedAt?: string;
  recordedBy?: string;
}

export interface OutcomeInput {
  agendaItemId: string;
  type: OutcomeType;
  notes?: string;
  chosenOption?: string;
  rationale?: string;
  actionTitle?: string;
  owner?: string;
  dueDate?: string;
}

export interface Meeting {
  id: string;
  allianceId: string;
  bodyId?: string;
  bodyType?: string;
  bodyName?: string;
  title: string;
  startsAt: string;
  timeZone?: string;
  durationMinutes?: number;
  location?: string | null;
  callLink?: string | null;
  attendees?: { name: string; organisation: string; side: string; rsvp?: string }[];
  agenda?: AgendaItem[];
  attendance?: { name: string; organisation: string; side: string; present: boolean }[] | null;
  outcomes?: Outcome[];
  status?: string;
  minutesApprovedAt?: string | null;
  minutesApprovedBy?: string | null;
  version?: number;
}

export interface PacketVersion {
  version: number;
  generatedAt: string;
  trigger?: string;
  generatedBy?: string;
  sections?: Record<string, number>;
}

export interface PacketDiff {
  from: number;
  to: number;
  edition: string;
  sections: { section: string; added: string[]; removed: string[]; changed: { key: string; fields: string[] }[] }[];
}
