/**
 * Governance bodies and the meetings they hold, as the committees and meeting screens change them: set-up, the cadence
 * check, scheduling, RSVPs, attendance and history. Reads shared with other screens stay in ./api.
 */
import { governance } from './api';
import { body, etagOf, versioned } from './http';
import type { components } from './generated/governance';

type Schemas = components['schemas'];

export type BodyRequest = Schemas['BodyRequest'];
export type BodyUpdateRequest = Schemas['BodyUpdateRequest'];
export type MemberRequest = Schemas['MemberRequest'];
export type MissingMeeting = Schemas['MissingMeetingView'];
export type MeetingRequest = Schemas['MeetingRequest'];
export type MeetingUpdateRequest = Schemas['MeetingUpdateRequest'];
export type AttendeeRequest = Schemas['AttendeeRequest'];
export type AttendanceEntry = Schemas['Entry'];
export type BodyType = Schemas['BodyType'];
export type Cadence = Schemas['Cadence'];
export type MemberRole = Schemas['MemberRole'];
export type Side = Schemas['Side'];
export type Rsvp = Schemas['Rsvp'];

export {
  bodyTypeValues as BODY_TYPES, cadenceValues as CADENCES, memberRoleValues as MEMBER_ROLES, rsvpValues as RSVPS,
  sideValues as SIDES,
} from './generated/governance';

const pageOf = <T>(page: { items?: T[]; next?: string }) => ({ items: page.items ?? [], next: page.next ?? undefined });

/** Empty text fields are left out: "" is "not given", not a value (an e-mail "" is no e-mail). */
function withoutBlanks<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v != null)) as T;
}

const cleanPeople = <T extends object>(people: T[] | undefined) => people?.map(withoutBlanks);

/** Every body the user may see, or one alliance's. */
export const allBodies = async (allianceId?: string, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/governance-bodies', { params: { query: { allianceId: allianceId || undefined, limit: 200 } }, signal }))).items;

export const governanceBody = (id: string, signal?: AbortSignal) =>
  versioned(governance.GET('/governance-bodies/{id}', { params: { path: { id } }, signal }));

export const createBody = (request: BodyRequest) => {
  const clean = withoutBlanks(request);
  return body(governance.POST('/governance-bodies', { body: { ...clean, members: cleanPeople(request.members) ?? [] } }));
};

export const updateBody = (id: string, request: BodyUpdateRequest, version: number | undefined) => {
  const clean = withoutBlanks(request);
  return body(governance.PUT('/governance-bodies/{id}', {
    params: { path: { id }, header: { 'If-Match': etagOf(version) } },
    body: { ...clean, members: cleanPeople(request.members) ?? [] },
  }));
};

/** The meetings the body's cadence calls for that nobody has scheduled yet, oldest first. */
export const missingMeetings = async (id: string, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/governance-bodies/{id}/missing-meetings', { params: { path: { id }, query: { limit: 50 } }, signal }))).items;

/** Who changed the body, newest first. */
export const bodyHistory = async (id: string, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/governance-bodies/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal }))).items;

/** Who changed the meeting, newest first; a stakeholder's list leaves out changes to internal material. */
export const meetingHistory = async (id: string, signal?: AbortSignal) =>
  pageOf(await body(governance.GET('/meetings/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal }))).items;

export const scheduleMeeting = (request: MeetingRequest) => {
  const clean = withoutBlanks(request);
  return body(governance.POST('/meetings', { body: { ...clean, attendees: cleanPeople(request.attendees) } }));
};

/** Reschedule, move, or change the invitees and their RSVPs. */
export const updateMeeting = (id: string, request: MeetingUpdateRequest, etag: string) => {
  const clean = withoutBlanks(request);
  return body(governance.PUT('/meetings/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: { ...clean, attendees: cleanPeople(request.attendees) ?? [] },
  }));
};

export const recordAttendance = (id: string, attendance: AttendanceEntry[], etag: string) =>
  body(governance.PUT('/meetings/{id}/attendance', { params: { path: { id }, header: { 'If-Match': etag } }, body: { attendance } }));

/** The offset a zone has at a wall-clock time, e.g. "+01:00" for Europe/Zurich in winter. */
function offsetAt(zone: string, utcMillis: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - utcMillis) / 60_000);
}

/**
 * The instant a meeting starts, from the day and time on the clock in the zone it is held in, with that zone's offset
 * (2026-12-10 + 09:00 in Europe/Zurich → 2026-12-10T09:00:00+01:00).
 */
export function zonedStart(day: string, time: string, zone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let offset = offsetAt(zone, wall);
  offset = offsetAt(zone, wall - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The zones a meeting may be held in (IANA names), the user's own first. */
export function timeZones(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Zurich', 'Europe/London', 'America/New_York', 'UTC'];
  return [own, ...all.filter((z) => z !== own)];
}
