import { useState, type FormEvent } from 'react';
import {
  BODY_TYPES, CADENCES, MEMBER_ROLES, SIDES, type BodyRequest, type BodyType, type Cadence, type MemberRequest,
  type MemberRole, type Side,
} from '../api/governance';
import type { Alliance, GovernanceBody } from '../api/schemas';
import { Field, FormProblem, numberOrUndefined, useSubmit } from './Forms';
import type { ApiError } from '../api/http';
import { humanize } from './format';

const SIDE_LABEL: Record<Side, string> = { US: 'Our company', PARTNER: 'Partner' };

const blankMember = (side: Side, role: MemberRole): MemberRequest => ({ name: '', organisation: '', side, role, email: '' });

/**
 * Sets up a committee (no {@code existing}) or changes one: its alliance and type are fixed once it exists. A joint
 * committee has a co-chair from each company; the service checks the composition and says what is wrong.
 */
export function BodyForm({ existing, alliances, onSubmit, onCancel, onReload }: {
  existing?: GovernanceBody;
  alliances: Alliance[];
  onSubmit: (request: BodyRequest) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const [allianceId, setAllianceId] = useState(existing?.allianceId ?? alliances[0]?.key ?? '');
  const [type, setType] = useState<BodyType>((existing?.type as BodyType) ?? 'JSC');
  const [name, setName] = useState(existing?.name ?? '');
  const [quorum, setQuorum] = useState(String(existing?.quorum ?? 2));
  const [cadence, setCadence] = useState<Cadence | ''>((existing?.cadence as Cadence) ?? '');
  const [decisionRights, setDecisionRights] = useState(existing?.decisionRights ?? '');
  const [members, setMembers] = useState<MemberRequest[]>(existing?.members?.map((m) => ({
    name: m.name ?? '', organisation: m.organisation ?? '', side: (m.side ?? 'US') as Side, role: (m.role ?? 'MEMBER') as MemberRole, email: m.email ?? '',
  })) ?? [blankMember('US', 'CO_CHAIR'), blankMember('PARTNER', 'CO_CHAIR')]);
  const { error, busy, run } = useSubmit();
  const change = (index: number, patch: Partial<MemberRequest>) => setMembers((all) => all.map((m, i) => (i === index ? { ...m, ...patch } : m)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSubmit({
      allianceId,
      type,
      name: name.trim() || undefined,
      quorum: numberOrUndefined(quorum) as number,
      cadence: cadence || undefined,
      decisionRights: decisionRights.trim() || undefined,
      members,
    }));
  }

  const label = existing ? 'Save committee' : 'Set up committee';
  const membersError = error?.fieldError('members');
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      <FormProblem error={error?.problem.errors?.length ? null : error} onReload={onReload} />
      {!existing && (
        <div className="field-row">
          <Field id="b-alliance" label="Alliance" field="allianceId" error={error}>
            {(p) => (
              <select {...p} value={allianceId} onChange={(e) => setAllianceId(e.target.value)}>
                {alliances.map((a) => <option key={a.key} value={a.key}>{a.key} — {a.name}</option>)}
              </select>
            )}
          </Field>
          <Field id="b-type" label="Type" field="type" error={error}>
            {(p) => <select {...p} value={type} onChange={(e) => setType(e.target.value as BodyType)}>{BODY_TYPES.map((t) => <option key={t} value={t}>{t === 'EXECUTIVE_SPONSORS' ? 'Executive sponsors' : t === 'FINANCE' ? 'Finance' : t}</option>)}</select>}
          </Field>
        </div>
      )}
      <Field id="b-name" label="Name" field="name" error={error} hint={existing ? undefined : 'Leave empty for the committee\'s full name.'}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field id="b-quorum" label="Quorum (voting members present)" field="quorum" error={error}>
          {(p) => <input {...p} type="number" min={1} max={50} value={quorum} onChange={(e) => setQuorum(e.target.value)} />}
        </Field>
        <Field id="b-cadence" label="Cadence" field="cadence" error={error}>
          {(p) => (
            <select {...p} value={cadence} onChange={(e) => setCadence(e.target.value as Cadence | '')}>
              {!existing && <option value="">Default for the alliance's tier</option>}
              {CADENCES.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field id="b-rights" label="Decision rights" field="decisionRights" error={error}>
        {(p) => <textarea {...p} rows={2} value={decisionRights} onChange={(e) => setDecisionRights(e.target.value)} />}
      </Field>
      <fieldset className="members" aria-describedby={membersError ? 'b-members-error' : undefined}>
        <legend>Members, from both companies</legend>
        {membersError && <p className="field-error" id="b-members-error">{membersError}</p>}
        <div className="table-wrap">
        <table className="table" aria-label="Members">
          <thead><tr><th>Name</th><th>Organisation</th><th>Company</th><th>Role</th><th>E-mail</th><th><span className="visually-hidden">Remove</span></th></tr></thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={i} data-testid="member-row">
                <td><input aria-label={`Name of member ${i + 1}`} value={m.name} onChange={(e) => change(i, { name: e.target.value })} /></td>
                <td><input aria-label={`Organisation of member ${i + 1}`} value={m.organisation} onChange={(e) => change(i, { organisation: e.target.value })} /></td>
                <td>
                  <select aria-label={`Company of member ${i + 1}`} value={m.side} onChange={(e) => change(i, { side: e.target.value as Side })}>
                    {SIDES.map((s) => <option key={s} value={s}>{SIDE_LABEL[s]}</option>)}
                  </select>
                </td>
                <td>
                  <select aria-label={`Role of member ${i + 1}`} value={m.role} onChange={(e) => change(i, { role: e.target.value as MemberRole })}>
                    {MEMBER_ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
                  </select>
                </td>
                <td><input aria-label={`E-mail of member ${i + 1}`} type="email" value={m.email ?? ''} onChange={(e) => change(i, { email: e.target.value })} /></td>
                <td><button type="button" className="icon-button" aria-label={`Remove member ${i + 1}`} onClick={() => setMembers((all) => all.filter((_, j) => j !== i))}>×</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <button type="button" className="button secondary small" onClick={() => setMembers((all) => [...all, blankMember('US', 'MEMBER')])}>Add member</button>
      </fieldset>
      <RowFieldErrors error={error} />
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : label}</button>
      </div>
    </form>
  );
}

/** "create.request.members[1].name" → "Member 2, name"; other fields by their own name. */
export function memberFieldLabel(field: string): string {
  const match = /(members|attendees|attendance)\[(\d+)\]\.(\w+)/.exec(field);
  if (match) return `${match[1] === 'members' ? 'Member' : 'Attendee'} ${Number(match[2]) + 1}, ${match[3]}`;
  return humanize(field.slice(field.lastIndexOf('.') + 1).replace(/([a-z])([A-Z])/g, '$1_$2'));
}

/** The problem's field errors as a list under the form: row fields (members.2.email) have no single field to sit by. */
export function RowFieldErrors({ error }: { error: ApiError | null }) {
  if (!error?.problem.errors?.length) return null;
  return (
    <div className="form-error" role="alert">
      <strong>{error.problem.title}</strong>
      <ul>{error.problem.errors.map((e) => <li key={e.field}>{memberFieldLabel(e.field ?? '')}: {e.message}</li>)}</ul>
    </div>
  );
}
