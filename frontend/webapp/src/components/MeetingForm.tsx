import { useMemo, useState, type FormEvent } from 'react';
import { RSVPS, SIDES, timeZones, zonedStart, type AttendeeRequest, type MeetingUpdateRequest, type Rsvp, type Side } from '../api/governance';
import { ApiError } from '../api/http';
import type { GovernanceBody, Meeting } from '../api/schemas';
import { RowFieldErrors } from './BodyForm';
import { Field, FormProblem, numberOrUndefined, useSubmit } from './Forms';
import { humanize } from './format';

export interface MeetingFormValues extends MeetingUpdateRequest {
  bodyId: string;
}

const inviteesOf = (body?: GovernanceBody): AttendeeRequest[] => (body?.members ?? []).map((m) => ({
  name: m.name ?? '', organisation: m.organisation ?? '', side: (m.side ?? 'US') as Side, email: m.email ?? '', rsvp: 'PENDING',
}));

/**
 * Schedules a meeting of a body (no {@code existing}) or changes one's logistics, invitees and their RSVPs. The day and
 * time are those on the clock where the meeting is held; the service stores the instant and shows it in that zone.
 */
export function MeetingForm({ existing, bodies, initialBodyId, initialDay, onSubmit, onCancel, onReload }: {
  existing?: Meeting;
  bodies: GovernanceBody[];
  initialBodyId?: string;
  initialDay?: string;
  onSubmit: (values: MeetingFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const zones = useMemo(timeZones, []);
  const [bodyId, setBodyId] = useState(existing?.bodyId ?? initialBodyId ?? bodies[0]?.id ?? '');
  const body = bodies.find((b) => b.id === bodyId);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [day, setDay] = useState(existing?.startsAt?.slice(0, 10) ?? initialDay ?? '');
  const [time, setTime] = useState(existing?.startsAt?.slice(11, 16) ?? '10:00');
  const [zone, setZone] = useState(existing?.timeZone ?? 'Europe/Zurich');
  const [duration, setDuration] = useState(String(existing?.durationMinutes ?? 120));
  const [location, setLocation] = useState(existing?.location ?? '');
  const [callLink, setCallLink] = useState(existing?.callLink ?? '');
  const [briefing, setBriefing] = useState(existing?.internalBriefing ?? '');
  const [attendees, setAttendees] = useState<AttendeeRequest[]>(existing
    ? (existing.attendees ?? []).map((a) => ({ name: a.name ?? '', organisation: a.organisation ?? '', side: (a.side ?? 'US') as Side, email: a.email ?? '', rsvp: (a.rsvp ?? 'PENDING') as Rsvp }))
    : inviteesOf(body));
  const { error, busy, run, setError } = useSubmit();
  const change = (index: number, patch: Partial<AttendeeRequest>) => setAttendees((all) => all.map((a, i) => (i === index ? { ...a, ...patch } : a)));

  function chooseBody(id: string) {
    setBodyId(id);
    setAttendees(inviteesOf(bodies.find((b) => b.id === id)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!day || !time) {
      setError(new ApiError({ title: 'The meeting needs a day and a time', status: 400, errors: [{ field: day ? 'time' : 'startsAt', message: 'is required' }] }));
      return;
    }
    await run(() => onSubmit({
      bodyId,
      title: title.trim() || (existing ? existing.title ?? '' : ''),
      startsAt: zonedStart(day, time, zone),
      timeZone: zone,
      durationMinutes: numberOrUndefined(duration) as number,
      location: location.trim() || undefined,
      callLink: callLink.trim() || undefined,
      internalBriefing: briefing.trim() || undefined,
      attendees,
    }));
  }

  const label = existing ? 'Save meeting' : 'Schedule meeting';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      <FormProblem error={error?.problem.errors?.length ? null : error} onReload={onReload} />
      {!existing && (
        <Field id="m-body" label="Committee" field="bodyId" error={error}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => chooseBody(e.target.value)}>
              {bodies.map((b) => <option key={b.id} value={b.id}>{b.allianceId} · {b.type} — {b.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field id="m-title" label="Title" field="title" error={error} hint={existing ? undefined : 'Leave empty for the committee and the day, e.g. "JSC 2026-12-10".'}>
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field id="m-day" label="Day" field="startsAt" error={error}>
          {(p) => <input {...p} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <Field id="m-time" label="Time" field="time" error={error}>
          {(p) => <input {...p} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
        <Field id="m-zone" label="Time zone" field="timeZone" error={error}>
          {(p) => <select {...p} value={zone} onChange={(e) => setZone(e.target.value)}>{(zones.includes(zone) ? zones : [zone, ...zones]).map((z) => <option key={z} value={z}>{z}</option>)}</select>}
        </Field>
        <Field id="m-duration" label="Duration (minutes)" field="durationMinutes" error={error}>
          {(p) => <input {...p} type="number" min={15} max={600} step={15} value={duration} onChange={(e) => setDuration(e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field id="m-location" label="Location" field="location" error={error}>
          {(p) => <input {...p} value={location} onChange={(e) => setLocation(e.target.value)} />}
        </Field>
        <Field id="m-call" label="Call link" field="callLink" error={error} hint="An https:// link">
          {(p) => <input {...p} type="url" value={callLink} onChange={(e) => setCallLink(e.target.value)} />}
        </Field>
      </div>
      <Field id="m-briefing" label="Internal briefing (never shown to the partner)" field="internalBriefing" error={error}>
        {(p) => <textarea {...p} rows={2} value={briefing} onChange={(e) => setBriefing(e.target.value)} />}
      </Field>
      <fieldset className="members">
        <legend>Attendees and RSVPs</legend>
        <div className="table-wrap">
        <table className="table" aria-label="Attendees">
          <thead><tr><th>Name</th><th>Organisation</th><th>Company</th><th>E-mail</th><th>RSVP</th><th><span className="visually-hidden">Remove</span></th></tr></thead>
          <tbody>
            {attendees.map((a, i) => (
              <tr key={i} data-testid="attendee-row">
                <td><input aria-label={`Name of attendee ${i + 1}`} value={a.name} onChange={(e) => change(i, { name: e.target.value })} /></td>
                <td><input aria-label={`Organisation of attendee ${i + 1}`} value={a.organisation} onChange={(e) => change(i, { organisation: e.target.value })} /></td>
                <td>
                  <select aria-label={`Company of attendee ${i + 1}`} value={a.side} onChange={(e) => change(i, { side: e.target.value as Side })}>
                    {SIDES.map((s) => <option key={s} value={s}>{s === 'US' ? 'Our company' : 'Partner'}</option>)}
                  </select>
                </td>
                <td><input aria-label={`E-mail of attendee ${i + 1}`} type="email" value={a.email ?? ''} onChange={(e) => change(i, { email: e.target.value })} /></td>
                <td>
                  <select aria-label={`RSVP of ${a.name || `attendee ${i + 1}`}`} value={a.rsvp ?? 'PENDING'} onChange={(e) => change(i, { rsvp: e.target.value as Rsvp })}>
                    {RSVPS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
                  </select>
                </td>
                <td><button type="button" className="icon-button" aria-label={`Remove attendee ${i + 1}`} onClick={() => setAttendees((all) => all.filter((_, j) => j !== i))}>×</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <button type="button" className="button secondary small" onClick={() => setAttendees((all) => [...all, { name: '', organisation: '', side: 'US', email: '', rsvp: 'PENDING' }])}>Add attendee</button>
      </fieldset>
      <RowFieldErrors error={error} />
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy || !bodyId}>{busy ? 'Saving…' : label}</button>
      </div>
    </form>
  );
}
