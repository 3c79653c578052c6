/**
 * The decision lifecycle, history, escalation ladders and calendar feed as the decision pages call them. Kept apart
 * from api.ts so that the decision screens grow here.
 */
import { decision } from './api';
import { body, etagOf, versioned } from './http';
import type { components } from './generated/decision';

type Schemas = components['schemas'];
export type DecisionRequest = Schemas['DecisionRequest'];
export type DecisionView = Schemas['DecisionView'];
export type DecisionChange = Schemas['ChangeView'];
export type Ladder = Schemas['LadderView'];
export type LadderRequest = Schemas['LadderRequest'];

/** The decision with its ETag, for the If-Match of the next status action. */
export const decisionVersioned = (id: string, signal?: AbortSignal) =>
  versioned(decision.GET('/decisions/{id}', { params: { path: { id } }, signal }));

export const createDecision = (request: DecisionRequest) => body(decision.POST('/decisions', { body: request }));

export const updateDraft = (id: string, request: DecisionRequest, version?: number) =>
  body(decision.PUT('/decisions/{id}', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: request }));

const ifMatch = (id: string, version?: number) => ({ path: { id }, header: { 'If-Match': etagOf(version) } });

export const openDecision = (id: string, version?: number) =>
  body(decision.POST('/decisions/{id}/open', { params: ifMatch(id, version) }));

export const proposeOption = (id: string, version: number | undefined, proposedOption: string, summary?: string) =>
  body(decision.POST('/decisions/{id}/propose', { params: ifMatch(id, version), body: { proposedOption, summary } }));

export const decideDecision = (id: string, version: number | undefined, chosenOption: string, rationale: string) =>
  body(decision.POST('/decisions/{id}/decide', { params: ifMatch(id, version), body: { chosenOption, rationale } }));

export const deferDecision = (id: string, version: number | undefined, newDueDate: string, reason: string) =>
  body(decision.POST('/decisions/{id}/defer', { params: ifMatch(id, version), body: { newDueDate, reason } }));

export const withdrawDecision = (id: string, version: number | undefined, reason: string) =>
  body(decision.POST('/decisions/{id}/withdraw', { params: ifMatch(id, version), body: { reason } }));

/** A new decision replacing a decided one; both then link to each other. */
export const supersedeDecision = (id: string, version: number | undefined, request: DecisionRequest) =>
  body(decision.POST('/decisions/{id}/supersede', { params: ifMatch(id, version), body: request }));

export const decisionHistory = async (id: string, signal?: AbortSignal) =>
  (await body(decision.GET('/decisions/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal }))).items ?? [];

/** Decisions naming the signed-in user as driver, approver, contributor or informed. */
export const decisionsInvolvingMe = async (signal?: AbortSignal) =>
  (await body(decision.GET('/decisions', { params: { query: { involving: 'me', limit: 200 } }, signal }))).items ?? [];

export const escalationLadder = (allianceId: string, signal?: AbortSignal) =>
  body(decision.GET('/escalation-ladders/{allianceId}', { params: { path: { allianceId } }, signal }));

export const saveLadder = (allianceId: string, request: LadderRequest, version?: number) =>
  body(decision.PUT('/escalation-ladders/{allianceId}', { params: { path: { allianceId }, header: { 'If-Match': etagOf(version) } }, body: request }));

export const revokeCalendarFeed = () => body(decision.DELETE('/calendar-feeds/mine'));
