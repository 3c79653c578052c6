import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { alliances } from '../api/api';
import { allBodies, bodyHistory, createBody, missingMeetings, scheduleMeeting, updateBody, type Cadence } from '../api/governance';
import type { GovernanceBody } from '../api/schemas';
import { AllianceTag } from '../components/Badges';
import { BodyForm } from '../components/BodyForm';
import { Dialog } from '../components/Dialog';
import { History } from '../components/History';
import { MeetingForm } from '../components/MeetingForm';
import { Empty, QueryState } from '../components/States';
import { formatDay, humanize } from '../components/format';
import { canRunGovernance, useSession } from '../session';

/** The committees of the user's alliances: composition, cadence, and the meetings that cadence says are missing. */
export function CommitteesPage() {
  const session = useSession();
  const manage = canRunGovernance(session);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [allianceId, setAllianceId] = useState('');
  const allianceList = useQuery({ queryKey: ['alliances'], queryFn: ({ signal }) => alliances(signal) });
  const list = useQuery({ queryKey: ['bodies', 'all', allianceId], queryFn: ({ signal }) => allBodies(allianceId, signal) });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GovernanceBody | null>(null);
  const [scheduling, setScheduling] = useState<{ body: GovernanceBody; day?: string } | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: ['bodies'] });

  return (
    <div className="page">
      <header className="page-header">
        <h1>Committees</h1>
        <p className="lede">Governance bodies of your alliances: who sits on them, the quorum, how often they must meet, and the meetings that are missing.</p>
      </header>
      <div className="toolbar">
        <label className="field inline"><span>Alliance</span>
          <select value={allianceId} onChange={(e) => setAllianceId(e.target.value)}>
            <option value="">All my alliances</option>
            {(allianceList.data ?? []).map((a) => <option key={a.key} value={a.key}>{a.key}</option>)}
          </select>
        </label>
        {manage && <button type="button" className="button" onClick={() => setCreating(true)} disabled={!allianceList.data?.length}>New committee</button>}
      </div>
      <QueryState query={list} label="Loading committees…" isEmpty={(l) => l.length === 0}
        empty={<Empty title="No committees set up">{manage ? 'Set up the first one with “New committee”.' : 'Governance operations has not set any up yet.'}</Empty>}>
        {(bodies) => (
          <ul className="committees">
            {bodies.map((b) => (
              <li key={b.id}>
                <Committee body={b} manage={manage} onEdit={() => setEditing(b)} onSchedule={(day) => setScheduling({ body: b, day })} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>

      <Dialog title="New committee" open={creating} onClose={() => setCreating(false)}>
        {creating && (
          <BodyForm alliances={allianceList.data ?? []} onCancel={() => setCreating(false)}
            onSubmit={async (request) => { await createBody(request); await reload(); setCreating(false); }} />
        )}
      </Dialog>
      <Dialog title={`Edit ${editing?.name ?? 'committee'}`} open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <BodyForm existing={editing} alliances={allianceList.data ?? []} onCancel={() => setEditing(null)} onReload={() => { setEditing(null); void reload(); }}
            onSubmit={async (r) => {
              await updateBody(editing.id!, { name: r.name ?? editing.name ?? '', quorum: r.quorum, cadence: (r.cadence ?? editing.cadence) as Cadence, decisionRights: r.decisionRights, members: r.members }, editing.version);
              await reload();
              await client.invalidateQueries({ queryKey: ['body-history', editing.id] });
              setEditing(null);
            }} />
        )}
      </Dialog>
      <Dialog title={`Schedule a ${scheduling?.body.type ?? ''} meeting`} open={scheduling !== null} onClose={() => setScheduling(null)}>
        {scheduling && (
          <MeetingForm bodies={[scheduling.body]} initialBodyId={scheduling.body.id} initialDay={scheduling.day} onCancel={() => setScheduling(null)}
            onSubmit={async ({ bodyId, ...rest }) => {
              const created = await scheduleMeeting({ ...rest, bodyId });
              await client.invalidateQueries({ queryKey: ['meetings'] });
              await client.invalidateQueries({ queryKey: ['missing-meetings', bodyId] });
              navigate(`/meetings/${created.id}`);
            }} />
        )}
      </Dialog>
    </div>
  );
}

function Committee({ body: b, manage, onEdit, onSchedule }: { body: GovernanceBody; manage: boolean; onEdit: () => void; onSchedule: (day?: string) => void }) {
  const [showHistory, setShowHistory] = useState(false);
  const missing = useQuery({ queryKey: ['missing-meetings', b.id], queryFn: ({ signal }) => missingMeetings(b.id!, signal) });
  const history = useQuery({ queryKey: ['body-history', b.id], queryFn: ({ signal }) => bodyHistory(b.id!, signal), enabled: showHistory });
  const headingId = `body-${b.id}`;
  const coChairs = (b.members ?? []).filter((m) => m.role === 'CO_CHAIR');
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="committee">
      <div className="row">
        <h2 id={headingId}>{b.name} <span className="badge body">{b.type}</span> <AllianceTag id={b.allianceId} /></h2>
        <div className="actions">
          {manage && <button type="button" className="button secondary" onClick={onEdit}>Edit<span className="visually-hidden"> {b.name} ({b.allianceId})</span></button>}
          {manage && <button type="button" className="button secondary" onClick={() => onSchedule()}>Schedule meeting<span className="visually-hidden"> of {b.name} ({b.allianceId})</span></button>}
        </div>
      </div>
      <dl className="facts">
        <div><dt>Cadence</dt><dd>{humanize(b.cadence)}</dd></div>
        <div><dt>Quorum</dt><dd>{b.quorum} voting members</dd></div>
        <div><dt>Co-chairs</dt><dd>{coChairs.map((m) => `${m.name} (${m.organisation})`).join(' and ') || '—'}</dd></div>
        <div><dt>Members</dt><dd>{(b.members ?? []).length}</dd></div>
      </dl>
      {b.decisionRights && <p className="prewrap">{b.decisionRights}</p>}
      <h3>Missing meetings</h3>
      <QueryState query={missing} label="Checking the cadence…" isEmpty={(l) => l.length === 0} empty={<p className="muted">None: the next meeting is on the calendar.</p>}>
        {(gaps) => (
          <ul className="list" aria-label={`Missing meetings of ${b.name} (${b.allianceId})`}>
            {gaps.map((g) => (
              <li key={g.dueBy} data-testid="missing-meeting">
                <span>{g.overdue ? <strong className="overdue-text">Overdue since {formatDay(g.dueBy)}</strong> : <>Due by {formatDay(g.dueBy)}</>}
                  <span className="muted"> · {humanize(g.cadence)} cadence, no meeting since {formatDay(g.from)}</span></span>
                {manage && <button type="button" className="link-button small" onClick={() => onSchedule(g.overdue ? undefined : g.dueBy)}>Schedule<span className="visually-hidden"> the meeting due by {formatDay(g.dueBy)}</span></button>}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <button type="button" className="link-button" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
        {showHistory ? 'Hide history' : 'Show history'}<span className="visually-hidden"> of {b.name} ({b.allianceId})</span>
      </button>
      {showHistory && (
        <QueryState query={history} label="Loading history…" isEmpty={(l) => l.length === 0} empty={<Empty title="No changes recorded" />}>
          {(changes) => <History changes={changes} label={`Changes to ${b.name}, newest first`} />}
        </QueryState>
      )}
    </section>
  );
}
