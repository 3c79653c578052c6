import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { alliances, registerAlliance, upcomingDecisions } from '../api/api';
import { AllianceForm } from '../components/AllianceForm';
import { CsvImport } from '../components/CsvImport';
import { Dialog } from '../components/Dialog';
import { canManageAlliances, useSession } from '../session';
import { PhaseBadge, TierBadge } from '../components/Badges';
import { Empty, QueryState } from '../components/States';
import { humanize } from '../components/format';

export function PortfolioPage() {
  const portfolio = useQuery({ queryKey: ['alliances'], queryFn: ({ signal }) => alliances(signal) });
  const decisions = useQuery({ queryKey: ['decisions', 'upcoming', {}], queryFn: ({ signal }) => upcomingDecisions({}, signal) });
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);

  const counts = (key?: string) => {
    if (!decisions.data) return undefined;
    const open = decisions.data.filter((d) => d.allianceId === key);
    return { open: open.length, atRisk: open.filter((d) => d.riskState === 'AT_RISK' || d.riskState === 'OVERDUE').length };
  };

  return (
    <div className="page">
      <header className="page-header row">
        <div>
          <h1>Portfolio</h1>
          <p className="lede">Your alliances, by tier. Tier 1 gets full management; tier 3 light touch.</p>
        </div>
        {canManageAlliances(session) && (
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => setImporting(true)}>Import CSV</button>
            <button type="button" className="button" onClick={() => setRegistering(true)}>Register alliance</button>
          </div>
        )}
      </header>
      <Dialog title="Register an alliance" open={registering} onClose={() => setRegistering(false)}>
        <AllianceForm
          defaultManager={session.user}
          onCancel={() => setRegistering(false)}
          onSubmit={async (request) => {
            await registerAlliance(request);
            setRegistering(false);
            await client.invalidateQueries({ queryKey: ['alliances'] });
            // The key is the alliance's address: the service keeps it as sent.
            navigate(`/alliances/${request.key}`);
          }}
        />
      </Dialog>
      <Dialog title="Import alliances from a spreadsheet" open={importing} onClose={() => setImporting(false)}>
        <CsvImport
          target="alliances"
          noun="alliances"
          onCancel={() => setImporting(false)}
          onImported={() => void client.invalidateQueries({ queryKey: ['alliances'] })}
        />
      </Dialog>
      {decisions.isError && (
        <p className="notice" role="status">
          Decision counts are not available right now ({(decisions.error as Error).message}).
        </p>
      )}
      <QueryState
        query={portfolio}
        label="Loading your alliances…"
        isEmpty={(list) => list.length === 0}
        empty={<Empty title="No alliances yet">You are not a member of any alliance. Ask an alliance manager to add you.</Empty>}
      >
        {(list) => (
          <div className="table-wrap">
            <table className="table" aria-label="Alliances">
              <thead>
                <tr>
                  <th scope="col">Alliance</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Type</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Phase</th>
                  <th scope="col" className="num">Open decisions <span className="muted small">(due in 8 weeks or overdue)</span></th>
                  <th scope="col" className="num">At risk <span className="muted small">(same window)</span></th>
                </tr>
              </thead>
              <tbody>
                {[...list].sort((a, b) => (a.tier ?? 0) - (b.tier ?? 0) || (a.key ?? '').localeCompare(b.key ?? '')).map((a) => {
                  const c = counts(a.key);
                  return (
                    <tr key={a.key} data-testid={`alliance-row-${a.key}`}>
                      <th scope="row">
                        <Link to={`/alliances/${a.key}`}>{a.name}</Link>
                        <div className="muted mono">{a.key}</div>
                      </th>
                      <td>{a.partner}</td>
                      <td>{humanize(a.type)}</td>
                      <td><TierBadge tier={a.tier} /></td>
                      <td><PhaseBadge phase={a.phase} /></td>
                      <td className="num">{c ? c.open : '—'}</td>
                      <td className="num">
                        {c ? <span className={c.atRisk > 0 ? 'count-risk' : undefined}>{c.atRisk}</span> : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </div>
  );
}
