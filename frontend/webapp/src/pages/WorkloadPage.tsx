import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { alliances as fetchAlliances } from '../api/api';
import { ALLIANCE_PHASES } from '../api/schemas';
import { managerCapacity, setManagerCapacity, workload, type Headroom, type ManagerLoad, type PartnerShare, type TeamLoad, type Workload, type WorkloadWarning } from '../api/workload';
import { PhaseBadge, TierBadge } from '../components/Badges';
import { CapacityBar } from '../components/CapacityBar';
import { CatalogueEditor } from '../components/CatalogueEditor';
import { Dialog } from '../components/Dialog';
import { Field, FormProblem, useSubmit } from '../components/Forms';
import { ErrorState, QueryState } from '../components/States';
import { WhatIfPanel, type AppliedChange } from '../components/WhatIfPanel';
import { humanize } from '../components/format';
import { hours, percent, ruleOf } from '../components/workloadText';
import { canManageAlliances, useSession } from '../session';

const MONTHS = 3;
const HOURS = { short: 'h', long: 'hours' };

/** Whether the workload already shows a saved change (the change reaches the sprint service as an event). */
function shows(data: Workload, applied: AppliedChange): boolean {
  const holder = data.managers?.find((m) => m.alliances?.some((a) => a.key === applied.key));
  const a = holder?.alliances?.find((x) => x.key === applied.key);
  const unmanaged = data.unmanaged?.find((u) => u.key === applied.key);
  const tier = a?.tier ?? unmanaged?.tier;
  const phase = a?.phase ?? unmanaged?.phase;
  return (applied.tier == null || tier === applied.tier)
    && (applied.phase == null || phase === applied.phase)
    && (applied.manager == null || holder?.id === applied.manager);
}

export function WorkloadPage() {
  const session = useSession();
  if (!canManageAlliances(session)) {
    return (
      <div className="page page-workload">
        <h1>Workload</h1>
        <ErrorState title="Not available to your role" error={new Error('The workload page is for alliance managers and admins.')} />
      </div>
    );
  }
  return <Workloads admin={session.roles.includes('admin')} />;
}

function Workloads({ admin }: { admin: boolean }) {
  const client = useQueryClient();
  const [awaiting, setAwaiting] = useState<AppliedChange | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['workload', MONTHS],
    queryFn: ({ signal }) => workload(MONTHS, signal),
    // After an apply, poll until the sprint service's read model shows it.
    refetchInterval: awaiting ? 1000 : false,
  });
  const portfolio = useQuery({ queryKey: ['alliances'], queryFn: ({ signal }) => fetchAlliances(signal) });

  useEffect(() => {
    if (awaiting && query.data && shows(query.data, awaiting)) {
      setAwaiting(null);
      setStatus(`The workload now shows the saved change to ${awaiting.key}.`);
    }
  }, [awaiting, query.data]);

  return (
    <div className="page page-workload">
      <header className="page-header">
        <h1>Workload</h1>
        <p className="lede">How many alliances can one person manage? Each manager’s and team’s load against capacity over the
          next {MONTHS} months, from the service catalogue: which services each tier and phase needs, how often, and the effort.</p>
      </header>
      <p role="status" aria-live="polite" className={status || awaiting ? 'notice success' : 'visually-hidden'} data-testid="workload-status">
        {awaiting ? `Saved. Waiting for the workload to show the change to ${awaiting.key}…` : status}
      </p>
      <QueryState query={query} label="Calculating the workload…">
        {(data) => (
          <>
            <Warnings warnings={data.warnings ?? []} />
            <section className="panel" aria-labelledby="h-managers">
              <h2 id="h-managers">Alliance managers</h2>
              {(data.managers ?? []).map((m) => <Manager key={m.id} manager={m} onEdit={() => setEditing(m.id ?? null)} />)}
            </section>
            <Teams teams={data.teams ?? []} />
            <Unmanaged data={data} />
            {portfolio.data && (
              <WhatIfPanel
                current={data}
                alliances={portfolio.data}
                months={MONTHS}
                onApplied={(applied) => {
                  setStatus('');
                  setAwaiting(applied);
                  void client.invalidateQueries({ queryKey: ['alliances'] });
                }}
              />
            )}
          </>
        )}
      </QueryState>
      {admin && <CatalogueEditor onSaved={() => void client.invalidateQueries({ queryKey: ['workload'] })} />}
      <Dialog title="Edit capacity" open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <CapacityForm
            managerId={editing}
            onDone={async () => {
              setEditing(null);
              await client.invalidateQueries({ queryKey: ['workload'] });
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </div>
  );
}

function Warnings({ warnings }: { warnings: WorkloadWarning[] }) {
  return (
    <section className="panel" aria-labelledby="h-warnings">
      <h2 id="h-warnings">Warnings</h2>
      {warnings.length === 0 ? <p>No warnings: everyone is within capacity and every alliance gets its services.</p> : (
        <ul className="warnings" aria-labelledby="h-warnings">
          {warnings.map((w, i) => (
            <li key={`${w.kind}-${i}`} className={`warning warning-${(w.kind ?? '').toLowerCase()}`} data-testid="workload-warning">
              <strong>{ruleOf(w)}:</strong> {w.kind === 'UNMANAGED' && w.subject && !w.message?.includes(w.subject) && <>{w.subject} — </>}{w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Manager({ manager: m, onEdit }: { manager: ManagerLoad; onEdit: () => void }) {
  const { id = '', loadPercent = 0, warnings = [], alliances = [], headroom = [] } = m;
  const over = loadPercent > 100;
  return (
    <article className="workload-person" aria-labelledby={`h-manager-${id}`} data-testid={`manager-${id}`}>
      <div className="row">
        <h3 id={`h-manager-${id}`}>{id} <span className="muted small">— {percent(loadPercent)} of capacity{over ? ', over capacity' : ''}</span></h3>
        <button type="button" className="button secondary small" onClick={onEdit}>Edit capacity of {id}</button>
      </div>
      <CapacityBar label={id} committed={hours(m.demandHours)} capacity={hours(m.capacityHours)} unit={HOURS} />
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.map((w, i) => <li key={i} className="warning"><strong>{ruleOf(w)}:</strong> {w.message}</li>)}
        </ul>
      )}
      <div className="table-wrap">
        <table className="table compact">
          <caption>{id}’s alliances by tier and phase</caption>
          <thead>
            <tr><th scope="col">Alliance</th><th scope="col">Partner</th><th scope="col">Tier</th><th scope="col">Phase</th><th scope="col" className="num">Demand (h)</th></tr>
          </thead>
          <tbody>
            {[...alliances].sort((a, b) => (a.tier ?? 9) - (b.tier ?? 9) || (a.key ?? '~').localeCompare(b.key ?? '~')).map((a, i) => (
              <tr key={a.key ?? `restricted-${i}`}>
                <th scope="row">{a.key ? <><Link to={`/alliances/${a.key}`}>{a.name ?? a.key}</Link> <span className="muted mono small">{a.key}</span></> : <span className="muted">An alliance you are not a member of</span>}</th>
                <td>{a.partner ?? '—'}</td>
                <td><TierBadge tier={a.tier} /></td>
                <td><PhaseBadge phase={a.phase} /></td>
                <td className="num">{hours(a.demandHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {headroom.length > 0 && <HeadroomTable id={id} headroom={headroom} />}
    </article>
  );
}

/**
 * Tiers down, phases across: a number per cell is how many more (of average complexity) fit under 100 %; a dash is a
 * tier and phase that takes none of the manager's time, and is left out of the columns when no tier needs any.
 */
function HeadroomTable({ id, headroom }: { id: string; headroom: Headroom[] }) {
  const phases = ALLIANCE_PHASES.filter((p) => headroom.some((h) => h.phase === p && h.more != null));
  const tiers = [...new Set(headroom.map((h) => h.tier ?? 0))].sort();
  const cell = (tier: number, phase: string) => headroom.find((h) => h.tier === tier && h.phase === phase)?.more;
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid={`headroom-${id}`}>
        <caption>How many more alliances {id} could take before going over 100 %</caption>
        <thead>
          <tr><th scope="col">Tier</th>{phases.map((p) => <th key={p} scope="col" className="num">{humanize(p)}</th>)}</tr>
        </thead>
        <tbody>
          {tiers.map((t) => (
            <tr key={t}>
              <th scope="row">Tier {t}</th>
              {phases.map((p) => {
                const more = cell(t, p);
                return <td key={p} className="num">{more == null ? <><span aria-hidden="true">—</span><span className="visually-hidden">needs no manager time</span></> : more}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The partners taking most of a team's effort; the rest summed in one row, so that the table stays short. */
function topShares(shares: PartnerShare[], shown = 4): PartnerShare[] {
  const sorted = [...shares].sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0));
  if (sorted.length <= shown + 1) return sorted;
  const rest = sorted.slice(shown);
  return [...sorted.slice(0, shown), {
    partner: `${rest.length} other partners`,
    demandHours: rest.reduce((sum, p) => sum + (p.demandHours ?? 0), 0),
    percent: rest.reduce((sum, p) => sum + (p.percent ?? 0), 0),
    others: true,
  } as PartnerShare & { others: boolean }];
}

function Teams({ teams }: { teams: TeamLoad[] }) {
  return (
    <section className="panel" aria-labelledby="h-teams">
      <h2 id="h-teams">Specialist teams</h2>
      {teams.map(({ id = '', name = '', loadPercent = 0, demandHours, capacityHours, partnerShares = [], warnings = [] }) => (
        <article key={id} className="workload-person" aria-labelledby={`h-team-${id}`} data-testid={`team-${name}`}>
          <h3 id={`h-team-${id}`}>{name} <span className="muted small">— {percent(loadPercent)} of capacity</span></h3>
          <CapacityBar label={name} committed={hours(demandHours)} capacity={hours(capacityHours)} unit={HOURS} />
          {partnerShares.length > 0 && (
            <div className="table-wrap">
              <table className="table compact">
                <caption>{name}: share of the team’s effort by partner</caption>
                <thead><tr><th scope="col">Partner</th><th scope="col" className="num">Share of demand</th></tr></thead>
                <tbody>
                  {topShares(partnerShares).map((p) => (
                    <tr key={p.partner ?? 'restricted'}>
                      <th scope="row">{p.partner ?? <span className="muted">Partners of alliances you are not a member of</span>}</th>
                      <td className="num">{p.percent} % ({hours(p.demandHours)} h){p.partner && !('others' in p) && (p.percent ?? 0) > 100 / 3 && <strong className="capacity-flag"> more than a third</strong>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {warnings.length > 0 && (
            <ul className="warnings">
              {warnings.map((w, i) => <li key={i} className="warning"><strong>{ruleOf(w)}:</strong> {w.message}</li>)}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}

function Unmanaged({ data }: { data: Workload }) {
  const unmanaged = data.unmanaged ?? [];
  return (
    <section className="panel" aria-labelledby="h-unmanaged">
      <h2 id="h-unmanaged">Unmanaged alliances</h2>
      {unmanaged.length === 0 ? <p>Every alliance has its required services covered.</p> : (
        <div className="table-wrap">
          <table className="table compact" data-testid="unmanaged">
            <caption>Alliances whose required services no team covers (the risk of tiering)</caption>
            <thead><tr><th scope="col">Alliance</th><th scope="col">Tier</th><th scope="col">Phase</th><th scope="col">Manager</th><th scope="col">Services nobody delivers (hours over the horizon)</th></tr></thead>
            <tbody>
              {unmanaged.map((u, i) => (
                <tr key={u.key ?? `restricted-${i}`}>
                  <th scope="row">{u.key ? <><Link to={`/alliances/${u.key}`}>{u.name ?? u.key}</Link> <span className="muted mono small">{u.key}</span></> : <span className="muted">An alliance you are not a member of</span>}</th>
                  <td><TierBadge tier={u.tier} /></td>
                  <td><PhaseBadge phase={u.phase} /></td>
                  <td>{u.noManager ? <strong>No manager</strong> : 'Has a manager'}</td>
                  <td>{(u.uncovered ?? []).map(humanize).join('; ') || '—'}{u.uncoveredHours ? ` (${hours(u.uncoveredHours)} h)` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CapacityForm({ managerId, onDone, onCancel }: { managerId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const current = useQuery({ queryKey: ['manager-capacity', managerId], queryFn: ({ signal }) => managerCapacity(managerId, signal) });
  const [value, setValue] = useState<string | null>(null);
  const { error, busy, run } = useSubmit();
  return (
    <QueryState query={current} label="Loading capacity…">
      {(c) => (
        <form className="form" aria-label={`Capacity of ${managerId}`} noValidate onSubmit={async (e) => {
          e.preventDefault();
          if (await run(() => setManagerCapacity(managerId, Number(value ?? c.hoursPerMonth), c.version))) await onDone();
        }}>
          <FormProblem error={error} onReload={() => void current.refetch()} />
          <Field id="cap-hours" label={`Hours a month ${managerId} has for alliance work`} field="hoursPerMonth" error={error}
            hint="A full-time alliance manager has roughly 120 hours a month after everything else.">
            {(p) => <input {...p} type="number" min={0} step={1} value={value ?? String(c.hoursPerMonth)} onChange={(e) => setValue(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
            <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save capacity'}</button>
          </div>
        </form>
      )}
    </QueryState>
  );
}
