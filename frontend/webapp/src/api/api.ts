/**
 * Every call the app makes, by service. The BFF forwards /api/<service>/<path> to <service>/api/<path>.
 * Responses are normalised here so the screens see one shape even where services name ids differently.
 */
import { getJson, getVersioned, pageOf, query, send, sendJson, type Page, type Versioned } from './http';
import type {
  Alliance, BacklogItem, BacklogItemInput, Board, BoardCard, BurndownPoint, Column, Decision, GovernanceBody,
  Meeting, AgendaItem, Obligation, OutcomeInput, PacketDiff, PacketVersion, PlanningSummary, Playbook, Risk, Session,
  Sprint, SprintCandidate, SprintDetail, Team, VelocityPoint,
} from './types';

const backlog = '/api/backlog';
const sprint = '/api/sprint';
const decision = '/api/decision';
const governance = '/api/governance';

type Raw = Record<string, unknown>;

function withId<T extends { id: string }>(raw: Raw, ...alternatives: string[]): T {
  const id = raw.id ?? alternatives.map((name) => raw[name]).find((v) => v !== undefined);
  return { ...raw, id: String(id) } as unknown as T;
}

export const session = (): Promise<Session> => getJson<Session>('/bff/session');

// ---- backlog service -------------------------------------------------------------------------------------------

export async function alliances(signal?: AbortSignal): Promise<Alliance[]> {
  const page = pageOf<Raw>(await getJson(`${backlog}/alliances`, signal));
  return page.items.map((a) => ({ ...a, key: String(a.key ?? a.allianceId ?? a.id) }) as unknown as Alliance);
}

export async function alliance(key: string, signal?: AbortSignal): Promise<Alliance> {
  const raw = await getJson<Raw>(`${backlog}/alliances/${encodeURIComponent(key)}`, signal);
  return { ...raw, key: String(raw.key ?? raw.allianceId ?? key) } as unknown as Alliance;
}

export interface BacklogFilter {
  allianceId?: string;
  discipline?: string;
  status?: string;
  type?: string;
  q?: string;
  dueBefore?: string;
  after?: string;
  limit?: number;
}

export async function backlogItems(filter: BacklogFilter, signal?: AbortSignal): Promise<Page<BacklogItem>> {
  const page = pageOf<Raw>(await getJson(`${backlog}/backlog-items${query({ limit: 100, ...filter })}`, signal));
  return { items: page.items.map((raw) => withId<BacklogItem>(raw, 'itemId')), next: page.next };
}

export const backlogItem = (id: string, signal?: AbortSignal): Promise<Versioned<BacklogItem>> =>
  getVersioned<BacklogItem>(`${backlog}/backlog-items/${id}`, signal);

export const createBacklogItem = (input: BacklogItemInput): Promise<Versioned<BacklogItem>> =>
  sendJson<BacklogItem>(`${backlog}/backlog-items`, { method: 'POST', body: input });

/** The alliance of an item never changes: the update carries every other field (status kept as it is). */
export const updateBacklogItem = (id: string, input: BacklogItemInput, etag: string): Promise<Versioned<BacklogItem>> => {
  const { allianceId: _alliance, ...fields } = input;
  void _alliance;
  return sendJson<BacklogItem>(`${backlog}/backlog-items/${id}`, { method: 'PUT', body: fields, ifMatch: etag });
};

/** Moves an item directly above (or below) another one; the service rewrites that one item's rank only. */
export const rankBacklogItem = (id: string, target: { above?: string; below?: string }, version: number) =>
  sendJson<BacklogItem>(`${backlog}/backlog-items/${id}/rank`, {
    method: 'POST',
    body: target.above ? { above: target.above } : { below: target.below },
    ifMatch: `"${version}"`,
  });

export async function playbooks(signal?: AbortSignal): Promise<Playbook[]> {
  return pageOf<Raw>(await getJson(`${backlog}/playbooks`, signal)).items.map((raw) => withId<Playbook>(raw, 'key'));
}

export const applyPlaybook = (playbookKey: string, allianceId: string, anchorDate: string) =>
  sendJson<{ items?: BacklogItem[] }>(`${backlog}/alliances/${encodeURIComponent(allianceId)}/playbook-applications`, {
    method: 'POST',
    body: { playbook: playbookKey, anchorDate },
  });

export async function risks(allianceKey: string, signal?: AbortSignal): Promise<Risk[]> {
  return pageOf<Raw>(await getJson(`${backlog}/risks${query({ allianceId: allianceKey, limit: 200 })}`, signal)).items.map((raw) =>
    withId<Risk>(raw, 'riskId'));
}

export async function obligations(allianceKey: string, signal?: AbortSignal): Promise<Obligation[]> {
  return pageOf<Raw>(await getJson(`${backlog}/obligations${query({ allianceId: allianceKey, limit: 200 })}`, signal)).items.map(
    (raw) => withId<Obligation>(raw, 'obligationId'));
}

// ---- sprint service --------------------------------------------------------------------------------------------

export async function teams(signal?: AbortSignal): Promise<Team[]> {
  return pageOf<Raw>(await getJson(`${sprint}/teams${query({ limit: 200 })}`, signal)).items.map((raw) => withId<Team>(raw, 'teamId'));
}

export async function sprints(filter: { teamId?: string; state?: string }, signal?: AbortSignal): Promise<Sprint[]> {
  return pageOf<Raw>(await getJson(`${sprint}/sprints${query({ ...filter, limit: 200 })}`, signal)).items.map((raw) =>
    withId<Sprint>(raw, 'sprintId'));
}

export async function sprintCandidates(teamId: string, signal?: AbortSignal): Promise<SprintCandidate[]> {
  return pageOf<Raw>(await getJson(`${sprint}/sprint-candidates${query({ teamId, limit: 200 })}`, signal)).items.map(
    (raw) => withId<SprintCandidate>(raw, 'itemId'));
}

export const sprintDetail = (sprintId: string, signal?: AbortSignal): Promise<Versioned<SprintDetail>> =>
  getVersioned<SprintDetail>(`${sprint}/sprints/${sprintId}`, signal);

export const commitToSprint = (sprintId: string, itemId: string, overrideCapacity: boolean, reason?: string) =>
  sendJson<unknown>(`${sprint}/sprints/${sprintId}/items`, {
    method: 'POST',
    body: { itemId, overrideCapacity, reason: overrideCapacity ? reason ?? 'Committed over capacity from sprint planning' : undefined },
  });

export const removeFromSprint = (sprintId: string, itemId: string, version: number) =>
  send(`${sprint}/sprints/${sprintId}/items/${itemId}`, { method: 'DELETE', ifMatch: `"${version}"` });

/** The board, flattened to cards (the app draws its own swimlanes) with the columns' WIP limits and the plan. */
export async function board(sprintId: string, signal?: AbortSignal): Promise<Board> {
  const raw = await getJson<Raw>(`${sprint}/sprints/${sprintId}/board`, signal);
  const cards: BoardCard[] = [];
  for (const lane of (raw.lanes as Raw[] | undefined) ?? []) {
    const columns = (lane.columns as Record<string, Raw[]> | undefined) ?? {};
    for (const [column, list] of Object.entries(columns)) {
      for (const c of list) {
        cards.push({ ...c, itemId: String(c.id ?? c.itemId), column: String(c.column ?? column) as Column } as unknown as BoardCard);
      }
    }
  }
  return {
    sprintId,
    columns: ((raw.columns as Raw[] | undefined) ?? []).map((c) => ({ column: c.column as Column, wipLimit: (c.wipLimit as number | null) ?? null })),
    cards,
    planning: raw.planning as PlanningSummary | undefined,
  };
}

export const moveCard = (sprintId: string, card: BoardCard, toColumn: Column) =>
  sendJson<unknown>(`${sprint}/sprints/${sprintId}/items/${card.itemId}`, {
    method: 'PUT',
    body: { column: toColumn, assignee: card.assignee ?? null },
    ifMatch: card.version != null ? `"${card.version}"` : '*',
  });

export async function burndown(sprintId: string, signal?: AbortSignal): Promise<BurndownPoint[]> {
  const raw = await getJson<Raw>(`${sprint}/sprints/${sprintId}/burndown`, signal);
  return ((raw.days as Raw[] | undefined) ?? []).map((d) => ({
    date: String(d.date),
    remaining: (d.remainingPoints as number | null) ?? null,
    ideal: Math.round(Number(d.idealPoints ?? 0) * 10) / 10,
  }));
}

export async function velocity(teamId: string, signal?: AbortSignal): Promise<VelocityPoint[]> {
  const raw = await getJson<Raw>(`${sprint}/teams/${teamId}/velocity`, signal);
  return ((raw.sprints as Raw[] | undefined) ?? []).map((v) => ({
    sprintId: String(v.sprintId),
    sprintName: String(v.name),
    committed: Number(v.committedPoints ?? 0),
    completed: Number(v.completedPoints ?? 0),
  }));
}

// ---- decision service ------------------------------------------------------------------------------------------

export interface DecisionFilter {
  alliance?: string;
  body?: string;
  riskState?: string;
}

export async function upcomingDecisions(filter: DecisionFilter, signal?: AbortSignal): Promise<Decision[]> {
  const raw = await getJson<Raw>(`${decision}/decisions/upcoming${query({ alliance: filter.alliance, body: filter.body, risk: filter.riskState, weeks: 8 })}`, signal);
  // The service groups by ISO week; the app regroups relative to the user's today, so it keeps the flat list.
  const groups = (raw.groups as Raw[] | undefined) ?? [];
  return groups.flatMap((g) => (g.decisions as Raw[] | undefined) ?? []).map((d) => withId<Decision>(d, 'decisionId'));
}

export async function decisionsOf(allianceKey: string, signal?: AbortSignal): Promise<Decision[]> {
  return pageOf<Raw>(await getJson(`${decision}/decisions${query({ alliance: allianceKey, limit: 200 })}`, signal)).items.map(
    (d) => withId<Decision>(d, 'decisionId'));
}

export async function decisionDetail(id: string, signal?: AbortSignal): Promise<Decision> {
  return withId<Decision>(await getJson<Raw>(`${decision}/decisions/${id}`, signal), 'decisionId');
}

export interface CalendarFeed {
  url?: string | null;
  alliances?: string[];
  createdAt?: string;
  rotatedAt?: string | null;
}

/** Whether the user has a feed; its URL (a revocable per-user secret, never a token) is shown only on creation. */
export const calendarFeed = (signal?: AbortSignal): Promise<CalendarFeed> =>
  getJson<CalendarFeed>(`${decision}/calendar-feeds/mine`, signal);

export const createCalendarFeed = (): Promise<Versioned<CalendarFeed>> =>
  sendJson<CalendarFeed>(`${decision}/calendar-feeds`, { method: 'POST' });

/** Calendar clients fetch the feed through the BFF's public /calendar/<secret>.ics. */
export function subscriptionUrl(feedUrl: string, origin: string = window.location.origin): string {
  const path = new URL(feedUrl, origin).pathname;
  return origin + path.slice(path.indexOf('/calendar/'));
}

// ---- governance service ----------------------------------------------------------------------------------------

export async function bodies(allianceKey: string, signal?: AbortSignal): Promise<GovernanceBody[]> {
  return pageOf<Raw>(await getJson(`${governance}/governance-bodies${query({ allianceId: allianceKey, limit: 200 })}`, signal)).items.map(
    (b) => withId<GovernanceBody>(b, 'bodyId'));
}

export async function meetings(filter: { allianceId?: string; from?: string }, signal?: AbortSignal): Promise<Meeting[]> {
  return pageOf<Raw>(await getJson(`${governance}/meetings${query({ ...filter, limit: 200 })}`, signal)).items.map((m) =>
    withId<Meeting>(m, 'meetingId'));
}

export async function meeting(id: string, signal?: AbortSignal): Promise<Versioned<Meeting>> {
  const answer = await getVersioned<Raw>(`${governance}/meetings/${id}`, signal);
  return { data: withId<Meeting>(answer.data, 'meetingId'), etag: answer.etag };
}

export const saveAgenda = (meetingId: string, agenda: AgendaItem[], etag: string) =>
  sendJson<Meeting>(`${governance}/meetings/${meetingId}/agenda`, { method: 'PUT', body: { items: agenda }, ifMatch: etag });

/** Drafts the agenda from what is due (decisions, risks, obligations, actions). */
export const draftAgenda = (meetingId: string, etag: string) =>
  sendJson<Meeting>(`${governance}/meetings/${meetingId}/agenda/draft`, { method: 'POST', ifMatch: etag });

export async function packetVersions(meetingId: string, signal?: AbortSignal): Promise<PacketVersion[]> {
  return pageOf<PacketVersion>(await getJson(`${governance}/meetings/${meetingId}/packets`, signal)).items;
}

export const generatePacket = (meetingId: string) =>
  sendJson<PacketVersion>(`${governance}/meetings/${meetingId}/packets`, { method: 'POST' });

export const packetUrl = (meetingId: string, version: number, edition: string, format: 'html' | 'pdf') =>
  `${governance}/meetings/${meetingId}/packets/${version}${query({ edition, format })}`;

export type PacketContent = { kind: 'html'; html: string } | { kind: 'json'; data: Record<string, unknown> };

/** The packet as HTML (shown in a sandboxed frame) or, where the service answers JSON, as its sections. */
export async function packetContent(meetingId: string, version: number, edition: string, signal?: AbortSignal): Promise<PacketContent> {
  const response = await send(packetUrl(meetingId, version, edition, 'html'), { accept: 'text/html', signal });
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return { kind: 'json', data: (await response.json()) as Record<string, unknown> };
  return { kind: 'html', html: await response.text() };
}

export const comparePackets = (meetingId: string, from: number, to: number, edition: string, signal?: AbortSignal) =>
  getJson<PacketDiff>(`${governance}/meetings/${meetingId}/packets/compare${query({ from, to, edition })}`, signal);

/** Empty form fields are left out: the service reads "" as a wrong value (a date "" is not "no date"). */
export const recordOutcome = (meetingId: string, outcome: OutcomeInput, etag: string) =>
  sendJson<Meeting>(`${governance}/meetings/${meetingId}/outcomes`, {
    method: 'POST',
    body: Object.fromEntries(Object.entries(outcome).filter(([, value]) => value !== '' && value != null)),
    ifMatch: etag,
  });

export const approveMinutes = (meetingId: string, etag: string) =>
  sendJson<Meeting>(`${governance}/meetings/${meetingId}/minutes/approval`, { method: 'POST', ifMatch: etag });
