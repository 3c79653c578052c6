import { useState, type FormEvent } from 'react';
import { alliance as fetchAlliance, changePhase, updateAlliance } from '../api/api';
import { ALLIANCE_PHASES, type Alliance, type AllianceType } from '../api/schemas';
import { whatIf, type AlliancePhase, type ChangeKind, type WhatIf, type WhatIfChange, type Workload } from '../api/workload';
import { FormProblem, useSubmit } from './Forms';
import { humanize } from './format';
import { delta, hours, percent, ruleOf } from './workloadText';

const KINDS: { kind: ChangeKind; label: string }[] = [
  { kind: 'RETIER', label: 'Re-tier an alliance' },
  { kind: 'MOVE', label: 'Move an alliance to another manager' },
  { kind: 'PHASE', label: 'Change an alliance’s phase' },
  { kind: 'ADD', label: 'Add a hypothetical alliance' },
];

/** What the alliance will look like once saved, so the page can wait until the workload shows it. */
export interface AppliedChange {
  key: string;
  tier?: number;
  manager?: string;
  phase?: string;
}

export function describe(change: WhatIfChange): string {
  switch (change.kind) {
    case 'RETIER': return `${change.allianceKey} to tier ${change.tier}`;
    case 'MOVE': return `${change.allianceKey} to ${change.manager}`;
    case 'PHASE': return `${change.allianceKey} to ${humanize(change.phase)}`;
    default: return `New tier ${change.tier} alliance in ${humanize(change.phase)} for ${change.manager}`
      + (change.partner ? ` (${change.partner})` : '') + ` (hypothetical, complexity ${change.complexity ?? 3})`;
  }
}

/** Only changes to real alliances can be saved; a hypothetical alliance exists only in the what-if. */
const saveable = (change: WhatIfChange) => change.kind !== 'ADD';

/**
 * Builds a list of changes, shows every manager's and team's load before and after them (nothing is saved), and
 * applies a change to a real alliance through the backlog service's own commands, so it is audited and evented.
 */
export function WhatIfPanel({ current, alliances, months, onApplied }: {
  current: Workload;
  alliances: Alliance[];
  months: number;
  onApplied: (applied: AppliedChange) => void;
}) {
  const managerIds = [...new Set([...(current.managers ?? []).map((m) => m.id ?? ''), ...alliances.map((a) => a.allianceManager ?? '')])]
    .filter(Boolean).sort();
  const [kind, setKind] = useState<ChangeKind>('RETIER');
  const [allianceKey, setAllianceKey] = useState(alliances[0]?.key ?? '');
  const [tier, setTier] = useState('1');
  const [manager, setManager] = useState(managerIds[0] ?? '');
  const [phase, setPhase] = useState<AlliancePhase>('EXECUTION');
  const [complexity, setComplexity] = useState('3');
  const [partner, setPartner] = useState('');
  const [changes, setChanges] = useState<WhatIfChange[]>([]);
  const [result, setResult] = useState<WhatIf | null>(null);
  const [message, setMessage] = useState('');
  const preview = useSubmit();
  const apply = useSubmit();

  function add(e: FormEvent) {
    e.preventDefault();
    const change: WhatIfChange = kind === 'ADD'
      ? { kind, tier: Number(tier), phase, manager, complexity: Number(complexity), partner: partner.trim() || undefined }
      : kind === 'RETIER' ? { kind, allianceKey, tier: Number(tier) }
        : kind === 'MOVE' ? { kind, allianceKey, manager }
          : { kind, allianceKey, phase };
    setChanges((list) => [...list, change]);
    setResult(null);
    setMessage(`Added: ${describe(change)}.`);
  }

  function remove(index: number) {
    setChanges((list) => list.filter((_, i) => i !== index));
    setResult(null);
  }

  async function show() {
    await preview.run(async () => setResult(await whatIf(changes, months)));
  }

  async function applyChange(index: number) {
    const change = changes[index];
    const ok = await apply.run(async () => {
      // The alliance as it is now (its version for the If-Match), not as it was when the page loaded.
      const a = await fetchAlliance(change.allianceKey!);
      if (change.kind === 'PHASE') {
        await changePhase(a.key!, change.phase!, 'What-if on the workload page', a.version);
      } else {
        await updateAlliance(a.key!, {
          name: a.name!, partner: a.partner!, type: a.type as AllianceType, tier: change.tier ?? a.tier!,
          valueScore: a.valueScore!, complexityScore: a.complexityScore!, startDate: a.startDate,
          allianceManager: change.manager ?? a.allianceManager!, riskThreshold: a.riskThreshold!,
        }, a.version);
      }
    });
    if (!ok) return;
    setChanges((list) => list.filter((_, i) => i !== index));
    setResult(null);
    setMessage(`Saved: ${describe(change)}. The workload updates once the change has reached the sprint service.`);
    onApplied({ key: change.allianceKey!, tier: change.tier, manager: change.manager, phase: change.phase });
  }

  const needsAlliance = kind !== 'ADD';
  return (
    <section className="panel" aria-labelledby="h-what-if">
      <h2 id="h-what-if">What if…</h2>
      <p className="muted small">Try changes without saving anything: every manager’s and team’s load is recalculated at once.
        Changes to real alliances can then be applied for real; a hypothetical alliance is never saved.</p>
      <form className="form" aria-label="Add a what-if change" onSubmit={add} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="wi-kind">Change</label>
            <select id="wi-kind" value={kind} onChange={(e) => setKind(e.target.value as ChangeKind)}>
              {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
            </select>
          </div>
          {needsAlliance && (
            <div className="field">
              <label htmlFor="wi-alliance">Alliance</label>
              <select id="wi-alliance" value={allianceKey} onChange={(e) => setAllianceKey(e.target.value)}>
                {alliances.map((a) => <option key={a.key} value={a.key}>{a.key} — {a.name} (tier {a.tier}, {humanize(a.phase)}, {a.allianceManager})</option>)}
              </select>
            </div>
          )}
          {(kind === 'RETIER' || kind === 'ADD') && (
            <div className="field inline">
              <label htmlFor="wi-tier">{kind === 'ADD' ? 'Tier' : 'New tier'}</label>
              <select id="wi-tier" value={tier} onChange={(e) => setTier(e.target.value)}>
                {['1', '2', '3'].map((t) => <option key={t} value={t}>Tier {t}</option>)}
              </select>
            </div>
          )}
          {(kind === 'MOVE' || kind === 'ADD') && (
            <div className="field inline">
              <label htmlFor="wi-manager">{kind === 'ADD' ? 'Manager' : 'New manager'}</label>
              <select id="wi-manager" value={manager} onChange={(e) => setManager(e.target.value)}>
                {managerIds.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </div>
          )}
          {(kind === 'PHASE' || kind === 'ADD') && (
            <div className="field inline">
              <label htmlFor="wi-phase">{kind === 'ADD' ? 'Phase' : 'New phase'}</label>
              <select id="wi-phase" value={phase} onChange={(e) => setPhase(e.target.value as AlliancePhase)}>
                {ALLIANCE_PHASES.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
              </select>
            </div>
          )}
          {kind === 'ADD' && (
            <>
              <div className="field inline">
                <label htmlFor="wi-complexity">Complexity (1–5)</label>
                <select id="wi-complexity" value={complexity} onChange={(e) => setComplexity(e.target.value)}>
                  {['1', '2', '3', '4', '5'].map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="wi-partner">Partner (optional)</label>
                <input id="wi-partner" value={partner} onChange={(e) => setPartner(e.target.value)} />
              </div>
            </>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="button secondary" disabled={needsAlliance && !allianceKey}>Add change</button>
        </div>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">{message}</p>

      {changes.length > 0 && (
        <>
          <h3 id="h-what-if-changes">Changes to try</h3>
          <ol className="list" aria-labelledby="h-what-if-changes">
            {changes.map((c, i) => (
              <li key={`${i}-${describe(c)}`} className="row" data-testid="what-if-change">
                <span>{describe(c)}</span>
                <span className="actions">
                  {saveable(c) && result && (
                    <button type="button" className="button small" disabled={apply.busy} onClick={() => void applyChange(i)}>
                      Apply for real: {describe(c)}
                    </button>
                  )}
                  <button type="button" className="button secondary small" onClick={() => remove(i)}>Remove: {describe(c)}</button>
                </span>
              </li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" className="button" disabled={preview.busy} onClick={() => void show()}>
              {preview.busy ? 'Calculating…' : 'Show the effect'}
            </button>
          </div>
        </>
      )}
      <FormProblem error={preview.error} />
      <FormProblem error={apply.error} />
      {result && <BeforeAfter result={result} />}
    </section>
  );
}

interface Load {
  id?: string;
  demandHours?: number;
  capacityHours?: number;
  loadPercent?: number;
}

function BeforeAfter({ result }: { result: WhatIf }) {
  const before = { managers: result.before?.managers ?? [], teams: result.before?.teams ?? [], warnings: result.before?.warnings ?? [] };
  const after = { managers: result.after?.managers ?? [], teams: result.after?.teams ?? [], warnings: result.after?.warnings ?? [] };
  const managerIds = [...new Set([...before.managers, ...after.managers].map((m) => m.id ?? ''))].sort();
  const teamIds = [...new Set([...before.teams, ...after.teams].map((t) => t.id ?? ''))];
  const teamName = (id: string) => [...after.teams, ...before.teams].find((t) => t.id === id)?.name ?? id;
  const figures = (load: Load | undefined) =>
    load ? `${percent(load.loadPercent)} (${hours(load.demandHours)} of ${hours(load.capacityHours)} h)` : '—';
  const row = (label: string, kind: string, was: Load | undefined, will: Load | undefined) => (
    <tr key={`${kind}-${label}`} data-testid={`what-if-row-${label}`}>
      <th scope="row">{label} <span className="muted small">({kind})</span></th>
      <td className="num">{figures(was)}</td>
      <td className="num">{figures(will)}</td>
      <td className="num">{delta(was?.demandHours ?? 0, will?.demandHours ?? 0, 'h')}{(will?.loadPercent ?? 0) > 100 && <strong className="capacity-flag"> over capacity</strong>}</td>
    </tr>
  );
  const newWarnings = after.warnings.filter((w) => !before.warnings.some((b) => b.message === w.message));
  return (
    <>
      <div className="table-wrap">
        <table className="table compact" data-testid="what-if-result">
          <caption>Load before → after the changes (nothing saved)</caption>
          <thead>
            <tr><th scope="col">Who</th><th scope="col" className="num">Before</th><th scope="col" className="num">After</th><th scope="col" className="num">Change</th></tr>
          </thead>
          <tbody>
            {managerIds.map((id) => row(id, 'manager', before.managers.find((m) => m.id === id), after.managers.find((m) => m.id === id)))}
            {teamIds.map((id) => row(teamName(id), 'team', before.teams.find((t) => t.id === id), after.teams.find((t) => t.id === id)))}
          </tbody>
        </table>
      </div>
      {newWarnings.length > 0 && (
        <>
          <h3>New warnings after the changes</h3>
          <ul className="warnings">{newWarnings.map((w, i) => <li key={i} className="warning"><strong>{ruleOf(w)}:</strong> {w.message}</li>)}</ul>
        </>
      )}
    </>
  );
}
