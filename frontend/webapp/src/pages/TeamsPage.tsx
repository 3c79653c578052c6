import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { alliances, teams } from '../api/api';
import { COLUMNS, DISCIPLINES, type Team } from '../api/schemas';
import { createTeam, team as fetchTeam, teamHistory, updateTeam, type TeamRequest, type TeamRole } from '../api/sprints';
import { Field, FormProblem, useSubmit } from '../components/Forms';
import { History } from '../components/History';
import { Empty, ErrorState, Loading } from '../components/States';
import { humanize } from '../components/format';
import { useSession } from '../session';

const ROLES: TeamRole[] = ['LEAD', 'MEMBER', 'PRODUCT_OWNER'];

/** The service lets admins, alliance managers and governance ops set teams up. */
function canManageTeams(roles: string[]): boolean {
  return roles.some((r) => ['admin', 'alliance-manager', 'governance-ops'].includes(r));
}

export function TeamsPage() {
  const session = useSession();
  const manage = canManageTeams(session.roles);
  const [params, setParams] = useSearchParams();
  const selected = params.get('team');
  const creating = params.get('new') === '1';
  const list = useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => teams(signal) });
  const choose = (next: Record<string, string>) => setParams(next, { replace: true });

  return (
    <div className="page">
      <header className="page-header">
        <h1>Teams</h1>
        <p className="lede">Specialist teams: who is in them, what work they pull, which alliances they cover and their WIP limits.</p>
      </header>
      <div className="grid-2 teams">
        <section className="panel" aria-labelledby="h-team-list">
          <div className="toolbar">
            <h2 id="h-team-list">All teams</h2>
            {manage && <button type="button" className="button small" onClick={() => choose({ new: '1' })}>New team</button>}
          </div>
          {list.isPending ? <Loading label="Loading teams…" /> : list.isError ? <ErrorState error={list.error} retry={() => void list.refetch()} />
            : list.data.length === 0 ? <Empty title="No teams yet">{manage ? 'Create the first team.' : 'An alliance manager or governance ops sets teams up.'}</Empty>
              : (
                <ul className="list" aria-label="Teams">
                  {list.data.map((t) => (
                    <li key={t.id} data-testid="team-row">
                      <button type="button" className="link-button" aria-current={t.id === selected ? 'true' : undefined} onClick={() => choose({ team: t.id ?? '' })}>{t.name}</button>
                      <span className="list-meta">{(t.members ?? []).length} members · {(t.disciplines ?? []).map(humanize).join(', ')}</span>
                    </li>
                  ))}
                </ul>
              )}
        </section>
        {creating && manage && (
          <section className="panel" aria-labelledby="h-team-form">
            <h2 id="h-team-form">New team</h2>
            <TeamForm onDone={(id) => choose({ team: id })} onCancel={() => choose({})} />
          </section>
        )}
        {!creating && selected && <TeamDetail id={selected} manage={manage} />}
      </div>
    </div>
  );
}

function TeamDetail({ id, manage }: { id: string; manage: boolean }) {
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: ['team', id], queryFn: ({ signal }) => fetchTeam(id, signal) });
  const history = useQuery({ queryKey: ['team-history', id], queryFn: ({ signal }) => teamHistory(id, signal) });
  if (query.isPending) return <section className="panel"><Loading label="Loading team…" /></section>;
  if (query.isError) return <section className="panel"><ErrorState error={query.error} retry={() => void query.refetch()} /></section>;
  const t = query.data.data;
  return (
    <section className="panel" aria-labelledby="h-team">
      <div className="toolbar">
        <h2 id="h-team">{t.name}</h2>
        {manage && !editing && <button type="button" className="button small secondary" onClick={() => setEditing(true)}>Edit team</button>}
      </div>
      {editing ? (
        <TeamForm existing={t} etag={query.data.etag} onDone={() => { setEditing(false); void history.refetch(); }} onCancel={() => setEditing(false)} onReload={() => void query.refetch()} />
      ) : (
        <>
          {t.description && <p>{t.description}</p>}
          <dl className="facts">
            <dt>Disciplines</dt><dd>{(t.disciplines ?? []).map(humanize).join(', ')}</dd>
            <dt>Alliances</dt><dd>{(t.alliances ?? []).join(', ')}{(t.restrictedAlliances ?? 0) > 0 && ` and ${t.restrictedAlliances} you cannot see`}</dd>
            <dt>WIP limits</dt><dd>{COLUMNS.filter((c) => t.wipLimits?.[c] != null).map((c) => `${humanize(c)} ${t.wipLimits?.[c]}`).join(', ') || 'None'}</dd>
          </dl>
          <table className="table" aria-label="Members">
            <thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col">Points per day</th></tr></thead>
            <tbody>
              {(t.members ?? []).map((m) => <tr key={m.userId}><td>{m.displayName} <span className="muted">({m.userId})</span></td><td>{humanize(m.role)}</td><td>{m.pointsPerDay}</td></tr>)}
            </tbody>
          </table>
        </>
      )}
      <h3>History</h3>
      {history.isPending ? <Loading label="Loading history…" /> : history.isError ? <ErrorState error={history.error} />
        : history.data.length === 0 ? <Empty title="No changes recorded" /> : <History changes={history.data} label={`Changes to ${t.name}`} />}
    </section>
  );
}

interface MemberRow { userId: string; displayName: string; role: TeamRole; pointsPerDay: string }

function TeamForm({ existing, etag, onDone, onCancel, onReload }: {
  existing?: Team;
  etag?: string;
  onDone: (id: string) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const client = useQueryClient();
  const allianceList = useQuery({ queryKey: ['alliances'], queryFn: ({ signal }) => alliances(signal) });
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [disciplines, setDisciplines] = useState<string[]>(existing?.disciplines ?? []);
  const [covered, setCovered] = useState<string[]>(existing?.alliances ?? []);
  const [members, setMembers] = useState<MemberRow[]>((existing?.members ?? []).map((m) => ({
    userId: m.userId ?? '', displayName: m.displayName ?? '', role: (m.role as TeamRole) ?? 'MEMBER', pointsPerDay: String(m.pointsPerDay ?? 1),
  })));
  const [wip, setWip] = useState<Record<string, string>>(Object.fromEntries(COLUMNS.map((c) => [c, existing?.wipLimits?.[c] != null ? String(existing.wipLimits[c]) : ''])));
  const { error, busy, run } = useSubmit();
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  const setMember = (i: number, change: Partial<MemberRow>) => setMembers((all) => all.map((m, j) => (j === i ? { ...m, ...change } : m)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request: TeamRequest = {
      name,
      description: description || undefined,
      disciplines: disciplines as TeamRequest['disciplines'],
      alliances: covered,
      members: members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, pointsPerDay: Number(m.pointsPerDay) })),
      wipLimits: Object.fromEntries(Object.entries(wip).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, Number(v)])),
    };
    await run(async () => {
      const saved = existing ? await updateTeam(existing.id ?? '', request, etag) : await createTeam(request);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['teams'] }),
        client.invalidateQueries({ queryKey: ['team', saved.id] }),
      ]);
      onDone(saved.id ?? '');
    });
  }

  const label = existing ? 'Save team' : 'Create team';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      <FormProblem error={error} onReload={onReload} />
      <Field id="t-name" label="Name" field="name" error={error}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="t-description" label="Description" field="description" error={error}>
        {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <fieldset className="fieldset" aria-describedby={error?.fieldError('disciplines') ? 't-disciplines-error' : undefined}>
        <legend>Disciplines</legend>
        <div className="checks">
          {DISCIPLINES.map((d) => (
            <label key={d} className="checkbox"><input type="checkbox" checked={disciplines.includes(d)} onChange={() => setDisciplines((l) => toggle(l, d))} />{humanize(d)}</label>
          ))}
        </div>
        {error?.fieldError('disciplines') && <span className="field-error" id="t-disciplines-error">{error.fieldError('disciplines')}</span>}
      </fieldset>
      <fieldset className="fieldset" aria-describedby={error?.fieldError('alliances') ? 't-alliances-error' : undefined}>
        <legend>Alliances covered</legend>
        {allianceList.isPending ? <Loading label="Loading alliances…" /> : allianceList.isError ? <ErrorState error={allianceList.error} /> : (
          <div className="checks">
            {allianceList.data.map((a) => (
              <label key={a.key} className="checkbox"><input type="checkbox" checked={covered.includes(a.key ?? '')} onChange={() => setCovered((l) => toggle(l, a.key ?? ''))} />{a.key} <span className="muted">{a.name}</span></label>
            ))}
          </div>
        )}
        {error?.fieldError('alliances') && <span className="field-error" id="t-alliances-error">{error.fieldError('alliances')}</span>}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Members</legend>
        {members.length === 0 && <p className="muted">No members yet.</p>}
        {error?.fieldError('members') && <span className="field-error">{error.fieldError('members')}</span>}
        {members.map((m, i) => (
          <div key={i} className="field-row member-row" role="group" aria-label={`Member ${i + 1}`}>
            <Field id={`t-m${i}-user`} label="User id" field={`members[${i}].userId`} error={error}>
              {(p) => <input {...p} value={m.userId} autoComplete="off" onChange={(e) => setMember(i, { userId: e.target.value })} />}
            </Field>
            <Field id={`t-m${i}-name`} label="Display name" field={`members[${i}].displayName`} error={error}>
              {(p) => <input {...p} value={m.displayName} onChange={(e) => setMember(i, { displayName: e.target.value })} />}
            </Field>
            <Field id={`t-m${i}-role`} label="Role" field={`members[${i}].role`} error={error}>
              {(p) => <select {...p} value={m.role} onChange={(e) => setMember(i, { role: e.target.value as TeamRole })}>{ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}</select>}
            </Field>
            <Field id={`t-m${i}-ppd`} label="Points per day" field={`members[${i}].pointsPerDay`} error={error}>
              {(p) => <input {...p} type="number" min={0} max={5} step={0.1} value={m.pointsPerDay} onChange={(e) => setMember(i, { pointsPerDay: e.target.value })} />}
            </Field>
            <button type="button" className="link-button" aria-label={`Remove member ${m.displayName || m.userId || i + 1}`} onClick={() => setMembers((all) => all.filter((_, j) => j !== i))}>Remove</button>
          </div>
        ))}
        <button type="button" className="button small secondary" onClick={() => setMembers((all) => [...all, { userId: '', displayName: '', role: 'MEMBER', pointsPerDay: '1' }])}>Add member</button>
      </fieldset>
      <fieldset className="fieldset">
        <legend>WIP limits (empty: no limit)</legend>
        <div className="field-row">
          {COLUMNS.map((c) => (
            <Field key={c} id={`t-wip-${c}`} label={humanize(c)} field={`wipLimits.${c}`} error={error}>
              {(p) => <input {...p} type="number" min={1} max={200} value={wip[c] ?? ''} onChange={(e) => setWip((w) => ({ ...w, [c]: e.target.value }))} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : label}</button>
      </div>
    </form>
  );
}
