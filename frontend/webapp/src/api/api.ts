/**
 * Every call the app makes, by service, through each service's typed client. Paths, parameters, request bodies and
 * views come from the services' committed OpenAPI documents; lists answer {items, next} in every service.
 */
import { body, etagOf, send, serviceClient, versioned } from './http';
import type { paths as BacklogPaths } from './generated/backlog';
import type { paths as DecisionPaths } from './generated/decision';
import type { paths as GovernancePaths } from './generated/governance';
import type { paths as SprintPaths } from './generated/sprint';
import type {
  AgendaItem, AlliancePhase, AllianceRequest, AllianceUpdateRequest, BacklogItemRequest, BacklogItemUpdateRequest,
  BoardCard, BoardView, Column, CommitteeKind, Edition, ObligationRequest, OutcomeRequest, RiskAssessmentRequest, RiskUpdateRequest,
  RiskRequest, RiskState,
} from './schemas';

export const backlog = serviceClient<BacklogPaths>('backlog');
export const sprint = serviceClient<SprintPaths>('sprint');
export const decision = serviceClient<DecisionPaths>('decision');
export const governance = serviceClient<GovernancePaths>('governance');

/** One page of a list: the items and the cursor of the next page (absent on the last). */
export interface Page<T> {
  items: T[];
  next?: string;
}

const pageOf = <T>(page: { items?: T[]; next?: string }): Page<T> => ({ items: page.items ?? [], next: page.next ?? undefined });

/** A filter value as a list parameter: absent when empty. */
const listOf = <T extends string>(value: T | undefined): T[] | undefined => (value ? [value] : undefined);

// ---- backlog service -------------------------------------------------------------------------------------------

export const alliances = async (signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/alliances', { params: { query: { limit: 200 } }, signal }))).items;

export const alliance = (key: string, signal?: AbortSignal) =>
  body(backlog.GET('/alliances/{key}', { params: { path: { key } }, signal }));

export interface BacklogFilter {
  allianceId?: string;
  discipline?: string;
  status?: string;
  type?: string;
  q?: string;
  after?: string;
  limit?: number;
}

export const backlogItems = async (filter: BacklogFilter, signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/backlog-items', {
    params: {
      query: {
        allianceId: listOf(filter.allianceId),
        discipline: listOf(filter.discipline),
        status: listOf(filter.status),
        type: listOf(filter.type),
        q: filter.q || undefined,
        after: filter.after,
        limit: filter.limit ?? 100,
      },
    },
    signal,
  })));

export const backlogItem = (id: string, signal?: AbortSignal) =>
  versioned(backlog.GET('/backlog-items/{id}', { params: { path: { id } }, signal }));

export const createBacklogItem = (request: BacklogItemRequest) => body(backlog.POST('/backlog-items', { body: request }));

/** The item's new state; the service keeps its alliance, and its status and dependencies when they are left out. */
export const updateBacklogItem = (id: string, request: BacklogItemUpdateRequest, etag: string) =>
  body(backlog.PUT('/backlog-items/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: request }));

export const dropBacklogItem = (id: string, reason: string, version: number | undefined) =>
  body(backlog.POST('/backlog-items/{id}/drop', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { reason } }));

/** Who changed the item, what and when, newest first. */
export const itemHistory = async (id: string, signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/backlog-items/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal }))).items;

/** Moves an item directly above (or below) another one; the service rewrites that one item's rank only. */
export const rankBacklogItem = (id: string, target: { above?: string; below?: string }, version: number | undefined) =>
  body(backlog.POST('/backlog-items/{id}/rank', {
    params: { path: { id }, header: { 'If-Match': etagOf(version) } },
    body: target.above ? { above: target.above } : { below: target.below },
  }));

export const playbooks = async (signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/playbooks', { params: { query: { limit: 200 } }, signal }))).items;

export const applyPlaybook = (playbook: string, allianceId: string, anchorDate: string) =>
  body(backlog.POST('/alliances/{key}/playbook-applications', { params: { path: { key: allianceId } }, body: { playbook, anchorDate } }));

export const registerAlliance = (request: AllianceRequest) => body(backlog.POST('/alliances', { body: request }));

/** The alliance's descriptive fields; the If-Match is the version the user started editing from. */
export const updateAlliance = (key: string, request: AllianceUpdateRequest, version: number | undefined) =>
  body(backlog.PUT('/alliances/{key}', { params: { path: { key }, header: { 'If-Match': etagOf(version) } }, body: request }));

export const changePhase = (key: string, phase: AlliancePhase, reason: string | undefined, version: number | undefined) =>
  body(backlog.POST('/alliances/{key}/phase', {
    params: { path: { key }, header: { 'If-Match': etagOf(version) } },
    body: { phase, reason: reason || undefined },
  }));

/** Who changed the alliance, newest first; field narrows it to one field's changes (e.g. the phase). */
export const allianceHistory = async (key: string, field?: string, signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/alliances/{key}/history', { params: { path: { key }, query: { field, limit: 200 } }, signal }))).items;

export const risks = async (allianceKey: string, signal?: AbortSignal, status?: string[]) =>
  pageOf(await body(backlog.GET('/risks', { params: { query: { allianceId: [allianceKey], status, limit: 200 } }, signal }))).items;

/** Who changed the risk, newest first: raised, edited, re-assessed, closed. */
export const riskHistory = async (id: string, signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/risks/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal }))).items;

export const raiseRisk = (request: RiskRequest) => body(backlog.POST('/risks', { body: request }));

export const updateRisk = (id: string, request: RiskUpdateRequest, version: number | undefined) =>
  body(backlog.PUT('/risks/{id}', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: request }));

export const assessRisk = (id: string, request: RiskAssessmentRequest, version: number | undefined) =>
  body(backlog.POST('/risks/{id}/assessment', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: request }));

export const closeRisk = (id: string, reason: string, version: number | undefined) =>
  body(backlog.POST('/risks/{id}/close', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { reason } }));

export const obligations = async (allianceKey: string, signal?: AbortSignal, status?: string[]) =>
  pageOf(await body(backlog.GET('/obligations', { params: { query: { allianceId: [allianceKey], status, limit: 200 } }, signal }))).items;

export const obligationHistory = async (id: string, signal?: AbortSignal) =>
  pageOf(await body(backlog.GET('/obligations/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal }))).items;

export const registerObligation = (request: ObligationRequest) => body(backlog.POST('/obligations', { body: request }));

export const meetObligation = (id: string, metOn: string | undefined, version: number | undefined) =>
  body(backlog.POST('/obligations/{id}/met', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { metOn: metOn || undefined } }));

/** The CSV downloads: a plain link through the BFF, filtered (and need-to-know narrowed) like the list. */
export function exportUrl(list: 'backlog-items' | 'risks' | 'obligations', filter: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  const suffix = query.toString();
  return `/api/backlog/${list}/export${suffix ? `?${suffix}` : ''}`;
}

// ---- sprint service --------------------------------------------------------------------------------------------

export const teams = async (signal?: AbortSignal) =>
  pageOf(await body(sprint.GET('/teams', { params: { query: { limit: 200 } }, signal }))).items;

export const sprints = async (teamId: string, signal?: AbortSignal) =>
  pageOf(await body(sprint.GET('/sprints', { params: { query: { teamId, limit: 200 } }, signal }))).items;

export const sprintCandidates = async (teamId: string, signal?: AbortSignal) =>
  pageOf(await body(sprint.GET('/sprint-candidates', { params: { query: { teamId, limit: 200 } }, signal }))).items;

export const sprintDetail = (sprintId: string, signal?: AbortSignal) =>
  body(sprint.GET('/sprints/{id}', { params: { path: { id: sprintId } }, signal }));

/** The reason is sent only with an override: it is what the audit log records about committing over capacity. */
export const commitToSprint = (sprintId: string, itemId: string, overrideCapacity: boolean) =>
  body(sprint.POST('/sprints/{sprintId}/items', {
    params: { path: { sprintId } },
    body: overrideCapacity ? { itemId, overrideCapacity, reason: 'Committed over capacity from sprint planning' } : { itemId },
  }));

/** The board, flattened to cards (the app draws its own swimlanes) with the columns' WIP limits and the plan. */
export interface Board {
  columns: NonNullable<BoardView['columns']>;
  cards: BoardCard[];
  planning: BoardView['planning'];
}

export async function board(sprintId: string, signal?: AbortSignal): Promise<Board> {
  const view = await body(sprint.GET('/sprints/{id}/board', { params: { path: { id: sprintId }, query: {} }, signal }));
  const cards = (view.lanes ?? []).flatMap((lane) => Object.values(lane.columns ?? {}).flatMap((list) => list ?? []));
  return { columns: view.columns ?? [], cards, planning: view.planning };
}

export const moveCard = (sprintId: string, card: BoardCard, column: Column) =>
  body(sprint.PUT('/sprints/{sprintId}/items/{itemId}', {
    params: { path: { sprintId, itemId: card.id ?? '' }, header: { 'If-Match': etagOf(card.version ?? undefined) } },
    body: { column, assignee: card.assignee ?? undefined },
  }));

export const burndown = (sprintId: string, signal?: AbortSignal) =>
  body(sprint.GET('/sprints/{id}/burndown', { params: { path: { id: sprintId } }, signal }));

export const velocity = (teamId: string, signal?: AbortSignal) =>
  body(sprint.GET('/teams/{id}/velocity', { params: { path: { id: teamId }, query: {} }, signal }));

// ---- decision service ------------------------------------------------------------------------------------------

export interface DecisionFilter {
  allianceId?: string;
  body?: CommitteeKind;
  risk?: RiskState;
}

/** The service groups by ISO week; the app regroups relative to the user's today, so it keeps the flat list. */
export async function upcomingDecisions(filter: DecisionFilter, signal?: AbortSignal) {
  const upcoming = await body(decision.GET('/decisions/upcoming', {
    params: { query: { allianceId: filter.allianceId, body: filter.body, risk: filter.risk, weeks: 8 } },
    signal,
  }));
  return (upcoming.groups ?? []).flatMap((week) => week.decisions ?? []);
}

export const decisionsOf = async (allianceKey: string, signal?: AbortSignal) =>
  pageOf(await body(decision.GET('/decisions', { params: { query: { allianceId: allianceKey, limit: 200 } }, signal }))).items;

export const decisionDetail = (id: string, signal?: AbortSignal) =>
  body(decision.GET('/decisions/{id}', { params: { path: { id } }, signal }));

/** Whether the user has a feed; its URL (a revocable per-user secret, never a token) is shown only on creation. */
export const calendarFeed = (signal?: AbortSignal) => body(decision.GET('/calendar-feeds/mine', { signal }));

export const createCalendarFeed = () => body(decision.POST('/calendar-feeds'));

/** Calendar clients fetch the feed through the BFF's public /calendar/<secret>.ics. */
export function subscriptionUrl(feedUrl: string, origin: string = window.location.origin): string {
  const path = new URL(feedUrl, origin).pathname;
  return origin + path.slice(path.indexOf('/calendar/'));
}

// ---- governance service ----------------------------------------------------------------------------------------

export const bodies = async (allianceKey: string, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/governance-bodies', { params: { query: { allianceId: allianceKey, limit: 200 } }, signal }))).items;

export const meetings = async (filter: { allianceId?: string }, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/meetings', { params: { query: { allianceId: filter.allianceId, limit: 200 } }, signal }))).items;

export const meeting = (id: string, signal?: AbortSignal) =>
  versioned(governance.GET('/meetings/{id}', { params: { path: { id } }, signal }));

/** The agenda as the service takes it back: the fields of each item the request defines, and nothing else. */
export const saveAgenda = (meetingId: string, agenda: AgendaItem[], etag: string) =>
  body(governance.PUT('/meetings/{id}/agenda', {
    params: { path: { id: meetingId }, header: { 'If-Match': etag } },
    body: {
      items: agenda.map((item) => ({
        id: item.id,
        section: item.section ?? '',
        title: item.title ?? '',
        presenter: item.presenter,
        durationMinutes: item.durationMinutes ?? 0,
        purpose: item.purpose ?? 'INFORMATION',
        decisionId: item.decisionId,
        backlogItemId: item.backlogItemId,
        internalNote: item.internalNote,
      })),
    },
  }));

/** Drafts the agenda from what is due (decisions, risks, obligations, actions). */
export const draftAgenda = (meetingId: string, etag: string) =>
  body(governance.POST('/meetings/{id}/agenda/draft', { params: { path: { id: meetingId }, header: { 'If-Match': etag } } }));

export const packetVersions = async (meetingId: string, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/meetings/{meetingId}/packets', { params: { path: { meetingId }, query: { limit: 200 } }, signal }))).items;

export const generatePacket = (meetingId: string) =>
  body(governance.POST('/meetings/{meetingId}/packets', { params: { path: { meetingId } } }));

export const packetUrl = (meetingId: string, version: number, edition: Edition, format: 'html' | 'pdf') =>
  `/api/governance/meetings/${meetingId}/packets/${version}?${new URLSearchParams({ edition, format })}`;

export type PacketContent = { kind: 'html'; html: string } | { kind: 'json'; data: Record<string, unknown> };

/** The packet as HTML (shown in a sandboxed frame) or, where the service answers JSON, as its sections. */
export async function packetContent(meetingId: string, version: number, edition: Edition, signal?: AbortSignal): Promise<PacketContent> {
  const response = await send(packetUrl(meetingId, version, edition, 'html'), { accept: 'text/html', signal });
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return { kind: 'json', data: (await response.json()) as Record<string, unknown> };
  return { kind: 'html', html: await response.text() };
}

export const comparePackets = (meetingId: string, from: number, to: number, edition: Edition, signal?: AbortSignal) =>
  body(governance.GET('/meetings/{meetingId}/packets/compare', { params: { path: { meetingId }, query: { from, to, edition } }, signal }));

/** Empty form fields are left out: a date "" is not "no date". */
export const recordOutcome = (meetingId: string, outcome: OutcomeRequest, etag: string) =>
  body(governance.POST('/meetings/{id}/outcomes', {
    params: { path: { id: meetingId }, header: { 'If-Match': etag } },
    body: Object.fromEntries(Object.entries(outcome).filter(([, value]) => value !== '' && value != null)) as OutcomeRequest,
  }));

export const approveMinutes = (meetingId: string, etag: string) =>
  body(governance.POST('/meetings/{id}/minutes/approval', { params: { path: { id: meetingId }, header: { 'If-Match': etag } } }));
