import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { alliances as fetchAlliances } from '../api/api';
import { allBodies } from '../api/governance';
import { governanceHealth, HEALTH_SERVICES, type HealthFilter, type HealthService, type QuarterFigure } from '../api/health';
import { Empty, ErrorState, Loading } from '../components/States';
import { TrendChart } from '../components/TrendChart';
import { healthCsv, recentQuarters, SECTIONS, seriesOf, shiftQuarter, quarterOf } from '../components/healthData';
import { useSession } from '../session';

/** Our own people who steer the alliances; the partner's people and plain team members have no use for these figures. */
export const HEALTH_ROLES = ['admin', 'alliance-manager', 'governance-ops', 'stakeholder'];

/** Which service measures each section's figures. */
const SECTION_SERVICE: Record<string, HealthService> = {
  Decisions: 'decision', Packets: 'governance', 'Action items': 'governance', Obligations: 'backlog', Sprints: 'sprint',
};

const QUARTER_CHOICES = 8;

export function GovernanceHealthPage() {
  const session = useSession();
  if (!session.roles.some((r) => HEALTH_ROLES.includes(r))) {
    return (
      <div className="page page-health">
        <h1>Governance health</h1>
        <ErrorState title="Not available to your role"
          error={new Error('Governance health is for alliance managers, governance operations, stakeholders and admins.')} />
      </div>
    );
  }
  return <Health />;
}

function Health() {
  const [params, setParams] = useSearchParams();
  const [exported, setExported] = useState('');
  const quarters = useMemo(() => recentQuarters(new Date(), QUARTER_CHOICES), []);
  const current = quarterOf(new Date());
  const filter: HealthFilter = {
    alliance: params.get('alliance') || undefined,
    committee: params.get('committee') || undefined,
    from: params.get('from') || shiftQuarter(current, -3),
    to: params.get('to') || current,
  };
  const badRange = filter.from! > filter.to!;

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    // A committee belongs to one alliance: another alliance's committee would filter everything away.
    if (name === 'alliance') next.delete('committee');
    setParams(next, { replace: true });
  };

  const portfolio = useQuery({ queryKey: ['alliances'], queryFn: ({ signal }) => fetchAlliances(signal) });
  const bodies = useQuery({
    queryKey: ['governance-bodies', filter.alliance ?? ''],
    queryFn: ({ signal }) => allBodies(filter.alliance, signal),
  });
  // Decisions name the body that holds the decision right by its type (JSC), not by the committee's id.
  const committee = (bodies.data ?? []).find((b) => b.id === filter.committee);
  const filterFor = (service: HealthService): HealthFilter =>
    service === 'decision' && filter.committee ? { ...filter, committee: committee?.type } : filter;
  const results = useQueries({
    queries: HEALTH_SERVICES.map((service) => ({
      queryKey: ['governance-health', service, filterFor(service)],
      queryFn: ({ signal }: { signal: AbortSignal }) => governanceHealth(service, filterFor(service), signal),
      enabled: !badRange && !(service === 'decision' && filter.committee && !committee),
    })),
  });
  const byService = Object.fromEntries(HEALTH_SERVICES.map((s, i) => [s, results[i]])) as Record<HealthService, (typeof results)[number]>;
  const committeeNames = Object.fromEntries((bodies.data ?? []).map((b) => [b.id ?? '', b.name ?? b.id ?? '']));
  const loaded: QuarterFigure[] = results.flatMap((r) => r.data ?? []);

  const exportCsv = () => {
    const blob = new Blob([healthCsv(loaded, committeeNames)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `governance-health-${filter.from}-${filter.to}${filter.alliance ? '-' + filter.alliance : ''}.csv`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setExported(`Exported ${loaded.length} rows as CSV.`);
  };

  return (
    <div className="page page-health">
      <header className="page-header">
        <h1>Governance health</h1>
        <p className="lede">How well the alliances are governed, quarter by quarter: how fast decisions are made and whether
          ahead of their deadline, how early packets go out, whether action items and obligations are done on time, and how
          predictable the sprints are. Each chart shows one figure; the dashed line is its target.</p>
      </header>

      <form className="filters" role="search" aria-label="Filter governance health" onSubmit={(e) => e.preventDefault()}>
        <label className="field inline"><span>Alliance</span>
          <select value={filter.alliance ?? ''} onChange={(e) => set('alliance', e.target.value)} data-testid="health-alliance">
            <option value="">All alliances</option>
            {(portfolio.data ?? []).map((a) => <option key={a.key} value={a.key}>{a.key} – {a.name}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Committee</span>
          <select value={filter.committee ?? ''} onChange={(e) => set('committee', e.target.value)} data-testid="health-committee">
            <option value="">All committees</option>
            {(bodies.data ?? []).map((b) => <option key={b.id} value={b.id}>{b.type} – {b.name}{filter.alliance ? '' : ` (${b.allianceId})`}</option>)}
          </select>
        </label>
        <label className="field inline"><span>From quarter</span>
          <select value={filter.from} onChange={(e) => set('from', e.target.value)} data-testid="health-from">
            {quarters.map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
        </label>
        <label className="field inline"><span>To quarter</span>
          <select value={filter.to} onChange={(e) => set('to', e.target.value)} data-testid="health-to">
            {quarters.map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
        </label>
        <button type="button" className="button secondary" onClick={exportCsv} disabled={loaded.length === 0}>
          Export CSV
        </button>
      </form>
      <p role="status" aria-live="polite" className={exported ? 'notice success' : 'visually-hidden'}>{exported}</p>
      {(portfolio.isError || bodies.isError) && (
        <ErrorState title="The filters could not be filled" error={portfolio.error ?? bodies.error} />
      )}

      {badRange
        ? <ErrorState title="Quarters the wrong way round" error={new Error(`${filter.from} is after ${filter.to}: choose a “from” quarter before the “to” quarter.`)} />
        : SECTIONS.map((section) => {
          const result = byService[SECTION_SERVICE[section.title]];
          const headingId = `h-health-${section.prefix.replace('.', '')}`;
          return (
            <section key={section.title} className="panel health-section" aria-labelledby={headingId}>
              <h2 id={headingId}>{section.title}</h2>
              {result.isPending ? <Loading label={`Loading ${section.title.toLowerCase()} figures…`} />
                : result.isError ? <ErrorState error={result.error} retry={() => void result.refetch()}
                  title={`${section.title}: figures not available`} />
                  : <SectionCharts figures={(result.data ?? []).filter((f) => f.figure.startsWith(section.prefix))} />}
            </section>
          );
        })}
    </div>
  );
}

function SectionCharts({ figures }: { figures: QuarterFigure[] }) {
  const series = seriesOf(figures);
  if (series.length === 0) return <Empty title="No figures for this choice">Choose other quarters, another alliance or committee.</Empty>;
  return (
    <div className="trend-grid">
      {series.map((s) => <TrendChart key={s.figure} series={s} />)}
    </div>
  );
}
