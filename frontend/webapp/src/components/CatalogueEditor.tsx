import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ALLIANCE_PHASES, DISCIPLINES } from '../api/schemas';
import { catalogue, saveCatalogue, type CatalogueEntry } from '../api/workload';
import { Dialog } from './Dialog';
import { Field, FormProblem, useSubmit } from './Forms';
import { QueryState } from './States';
import { humanize } from './format';

const keyOf = (e: CatalogueEntry) => `${e.service}-${e.tier}-${e.phase}`;
const label = (e: CatalogueEntry) => `${humanize(e.service)}, tier ${e.tier}, ${humanize(e.phase)}`;

/** The service catalogue (admins): which services each tier and phase gets, how often, and the effort each time. */
export function CatalogueEditor({ onSaved }: { onSaved: () => void }) {
  const query = useQuery({ queryKey: ['service-catalogue'], queryFn: ({ signal }) => catalogue(signal) });
  const client = useQueryClient();
  const [editing, setEditing] = useState<CatalogueEntry | null>(null);
  // The catalogue has an entry per service, tier and phase (dozens): one tier and phase at a time stays readable.
  const [tier, setTier] = useState('1');
  const [phase, setPhase] = useState('EXECUTION');
  const shown = (e: CatalogueEntry) => (tier === '' || String(e.tier) === tier) && (phase === '' || e.phase === phase);
  return (
    <section className="panel" aria-labelledby="h-catalogue">
      <h2 id="h-catalogue">Service catalogue</h2>
      <QueryState query={query} label="Loading the service catalogue…">
        {(data) => (
          <>
            <div className="field-row">
              <div className="field inline">
                <label htmlFor="cat-tier-filter">Show tier</label>
                <select id="cat-tier-filter" value={tier} onChange={(e) => setTier(e.target.value)}>
                  <option value="">All tiers</option>
                  {['1', '2', '3'].map((t) => <option key={t} value={t}>Tier {t}</option>)}
                </select>
              </div>
              <div className="field inline">
                <label htmlFor="cat-phase-filter">Show phase</label>
                <select id="cat-phase-filter" value={phase} onChange={(e) => setPhase(e.target.value)}>
                  <option value="">All phases</option>
                  {ALLIANCE_PHASES.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
                </select>
              </div>
            </div>
            <div className="table-wrap">
              <table className="table compact" data-testid="catalogue">
                <caption>Services per tier and phase: how often and how much effort</caption>
                <thead>
                  <tr><th scope="col">Service</th><th scope="col">Tier</th><th scope="col">Phase</th><th scope="col" className="num">Times a year</th><th scope="col" className="num">Hours each</th><th scope="col">Done by</th><th scope="col" className="num">Hours a month</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
                </thead>
                <tbody>
                  {(data.entries ?? []).filter(shown).map((e) => (
                    <tr key={keyOf(e)}>
                      <th scope="row">{humanize(e.service)}</th>
                      <td>Tier {e.tier}</td>
                      <td>{humanize(e.phase)}</td>
                      <td className="num">{e.timesPerYear}</td>
                      <td className="num">{e.hoursEach}</td>
                      <td>{e.performedBy === 'MANAGER' ? 'Alliance manager' : `${humanize(e.performedBy)} team`}</td>
                      <td className="num">{e.hoursPerMonth ?? '—'}</td>
                      <td className="actions-cell">
                        <button type="button" className="button secondary small" onClick={() => setEditing(e)}>Edit<span className="visually-hidden"> {label(e)}</span></button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Dialog title="Edit catalogue entry" open={editing !== null} onClose={() => setEditing(null)}>
              {editing && (
                <EntryForm
                  entry={editing}
                  onCancel={() => setEditing(null)}
                  onReload={() => { setEditing(null); void query.refetch(); }}
                  onSubmit={async (changed) => {
                    await saveCatalogue((data.entries ?? []).map((e) => (keyOf(e) === keyOf(editing) ? changed : e)), data.version);
                    setEditing(null);
                    await client.invalidateQueries({ queryKey: ['service-catalogue'] });
                    onSaved();
                  }}
                />
              )}
            </Dialog>
          </>
        )}
      </QueryState>
    </section>
  );
}

function EntryForm({ entry, onSubmit, onCancel, onReload }: {
  entry: CatalogueEntry;
  onSubmit: (entry: CatalogueEntry) => Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [times, setTimes] = useState(String(entry.timesPerYear));
  const [each, setEach] = useState(String(entry.hoursEach));
  const [by, setBy] = useState(entry.performedBy);
  const { error, busy, run } = useSubmit();
  return (
    <form className="form" aria-label={`Catalogue entry: ${label(entry)}`} noValidate onSubmit={(e) => {
      e.preventDefault();
      void run(() => onSubmit({ ...entry, timesPerYear: Number(times), hoursEach: Number(each), performedBy: by }));
    }}>
      <FormProblem error={error} onReload={onReload} />
      <p>{label(entry)}</p>
      <div className="field-row">
        <Field id="cat-times" label="Times a year" field="timesPerYear" error={error}>
          {(p) => <input {...p} type="number" min={0} step="any" value={times} onChange={(e) => setTimes(e.target.value)} />}
        </Field>
        <Field id="cat-hours" label="Hours each time" field="hoursEach" error={error}>
          {(p) => <input {...p} type="number" min={0} step="any" value={each} onChange={(e) => setEach(e.target.value)} />}
        </Field>
        <Field id="cat-by" label="Done by" field="performedBy" error={error}>
          {(p) => (
            <select {...p} value={by} onChange={(e) => setBy(e.target.value)}>
              <option value="MANAGER">Alliance manager</option>
              {DISCIPLINES.map((d) => <option key={d} value={d}>{humanize(d)} team</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save entry'}</button>
      </div>
    </form>
  );
}
