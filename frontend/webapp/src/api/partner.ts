/**
 * What the partner's people read and do: their alliances' joint governance as the services filter it for the
 * `partner` role (meetings, decisions on the joint committees, the action items they own, the partner edition of
 * packets), their own RSVP and closing their own action items. Kept apart from api.ts so the partner screens grow here.
 */
import { governance } from './api';
import { body } from './http';
import type { components } from './generated/governance';

type Schemas = components['schemas'];
export type ActionItem = Schemas['ActionItemView'];
export type Rsvp = Schemas['Rsvp'];

const itemsOf = <T>(page: { items?: T[] }) => page.items ?? [];

/** The open action items the user owns (owner = their username), soonest due first. */
export const myOpenActionItems = async (user: string, signal?: AbortSignal) =>
  itemsOf(await body(governance.GET('/action-items', {
    params: { query: { owner: user, status: 'OPEN', sort: 'dueDate', limit: 50 } },
    signal,
  })));

/** Meetings from today on, soonest first. */
export const upcomingMeetings = async (from: string, signal?: AbortSignal) =>
  itemsOf(await body(governance.GET('/meetings', { params: { query: { from, limit: 50 } }, signal })))
    .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));

/** The newest packet version of a meeting, or null when none was generated yet. */
export async function latestPacket(meetingId: string, signal?: AbortSignal) {
  const versions = itemsOf(await body(governance.GET('/meetings/{meetingId}/packets', {
    params: { path: { meetingId }, query: { limit: 200 } },
    signal,
  })));
  return versions.reduce<(typeof versions)[number] | null>((best, v) => (best == null || (v.version ?? 0) > (best.version ?? 0) ? v : best), null);
}

/** The signed-in user's own answer to a meeting invitation (they must be an invitee linked to their login). */
export const answerInvitation = (meetingId: string, rsvp: Rsvp, etag: string) =>
  body(governance.PUT('/meetings/{id}/rsvp', { params: { path: { id: meetingId }, header: { 'If-Match': etag } }, body: { rsvp } }));

/** The owner reports their own open action item done; the team closes the backlog item that carries it. */
export const reportActionItemDone = (id: string) =>
  body(governance.POST('/action-items/{id}/done', { params: { path: { id } } }));
