/**
 * Teams, sprint life cycle and card changes (sprint service). Kept apart from api.ts so that screens of other areas
 * can grow there without conflicts; views and requests are the service's, from its committed OpenAPI document.
 */
import { sprint } from './api';
import { body, etagOf, versioned } from './http';
import type { components } from './generated/sprint';

type Schemas = components['schemas'];
export type TeamRequest = Schemas['TeamRequest'];
export type TeamMemberRequest = Schemas['Member'];
export type TeamRole = Schemas['TeamRole'];
export type SprintRequest = Schemas['SprintRequest'];
export type CapacityRequest = Schemas['CapacityRequest'];
export type StateChangeRequest = Schemas['StateChangeRequest'];
export type StateChangeResult = Schemas['StateChangeResult'];
export type Disposition = Schemas['Disposition'];
export type PlanningSummary = Schemas['PlanningSummary'];
export type CommitResult = Schemas['CommitResult'];
export type Card = Schemas['CardView'];
export type BoardColumn = Schemas['BoardColumn'];

export const team = (id: string, signal?: AbortSignal) =>
  versioned(sprint.GET('/teams/{id}', { params: { path: { id } }, signal }));

export const createTeam = (request: TeamRequest) => body(sprint.POST('/teams', { body: request }));

export const updateTeam = (id: string, request: TeamRequest, etag: string | undefined) =>
  body(sprint.PUT('/teams/{id}', { params: { path: { id }, header: { 'If-Match': etag ?? '*' } }, body: request }));

export const planSprint = (request: SprintRequest) => body(sprint.POST('/sprints', { body: request }));

export const sprintVersioned = (id: string, signal?: AbortSignal) =>
  versioned(sprint.GET('/sprints/{id}', { params: { path: { id } }, signal }));

export const updateCapacity = (id: string, request: CapacityRequest, version: number | undefined) =>
  body(sprint.PUT('/sprints/{id}/capacity', {
    params: { path: { id }, header: { 'If-Match': etagOf(version) } },
    body: request,
  }));

export const changeSprintState = (id: string, request: StateChangeRequest, version: number | undefined) =>
  body(sprint.PUT('/sprints/{id}/state', {
    params: { path: { id }, header: { 'If-Match': etagOf(version) } },
    body: request,
  }));

/** The reason is sent only with an override: it is what the audit log records about committing over capacity. */
export const commitItem = (sprintId: string, itemId: string, options: { override?: boolean; assignee?: string }) =>
  body(sprint.POST('/sprints/{sprintId}/items', {
    params: { path: { sprintId } },
    body: {
      itemId,
      assignee: options.assignee || undefined,
      ...(options.override ? { overrideCapacity: true, reason: 'Committed over capacity from sprint planning' } : {}),
    },
  }));

/** Moves and/or (un)assigns a card; the card's version is its ETag. */
export const placeCard = (sprintId: string, card: Card, change: { column?: BoardColumn; assignee?: string | null }) =>
  body(sprint.PUT('/sprints/{sprintId}/items/{itemId}', {
    params: { path: { sprintId, itemId: card.id ?? '' }, header: { 'If-Match': etagOf(card.version ?? undefined) } },
    body: {
      column: change.column ?? card.column ?? 'TODO',
      assignee: (change.assignee === undefined ? card.assignee : change.assignee) ?? undefined,
    },
  }));

export const removeCard = (sprintId: string, card: Card, reason?: string) =>
  body(sprint.DELETE('/sprints/{sprintId}/items/{itemId}', {
    params: {
      path: { sprintId, itemId: card.id ?? '' },
      header: { 'If-Match': etagOf(card.version ?? undefined) },
      query: { reason: reason || undefined },
    },
  }));

/** Newest first; the first page is what the screens show (History renders it). */
export const teamHistory = async (id: string, signal?: AbortSignal) =>
  (await body(sprint.GET('/teams/{id}/history', { params: { path: { id }, query: { limit: 50 } }, signal }))).items ?? [];

export const sprintHistory = async (id: string, signal?: AbortSignal) =>
  (await body(sprint.GET('/sprints/{id}/history', { params: { path: { id }, query: { limit: 50 } }, signal }))).items ?? [];
