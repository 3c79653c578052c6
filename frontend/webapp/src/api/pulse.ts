/**
 * The partner-experience pulse: an alliance's results (our side only), the signed-in attendee's own survey link for a
 * meeting, and withdrawing a meeting's open links. The survey itself is a server-rendered page at /pulse/<token>.
 */
import { governance } from './api';
import { body } from './http';
import type { components } from './generated/governance';

type Schemas = components['schemas'];

export type PulseResults = Schemas['PulseResultsView'];
export type PulseQuarter = NonNullable<PulseResults['quarters']>[number];
export type PulseQuestionResult = NonNullable<PulseQuarter['questions']>[number];
export type MyPulseInvitation = Schemas['MyPulseInvitationView'];

export const pulseResults = (allianceId: string, signal?: AbortSignal) =>
  body(governance.GET('/pulse-results/{allianceId}', { params: { path: { allianceId } }, signal }));

export const myPulseInvitation = (meetingId: string, signal?: AbortSignal) =>
  body(governance.GET('/meetings/{id}/my-pulse-invitation', { params: { path: { id: meetingId } }, signal }));

export const revokePulseInvitations = (meetingId: string) =>
  body(governance.POST('/meetings/{id}/pulse-invitations/revocation', { params: { path: { id: meetingId } } }));
