import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api/bff';
import type { QuarterFigure } from '../api/health';
import { SessionProvider } from '../session';
import { GovernanceHealthPage } from './GovernanceHealthPage';

const session = (roles: string[]): Session => ({ user: 'gwen', roles, alliances: [], csrfToken: 'tok' });

const row = (figure: string, label: string, quarter: string, value: number, over: Partial<QuarterFigure> = {}): QuarterFigure => ({
  figure, label, unit: 'days', quarter, allianceKey: null, committeeId: null, teamId: null, value, sampleSize: 3, target: null, ...over,
});

function json(content: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(content), { status, headers: { 'Content-Type': 'application/json' } }));
}

/** Decision and governance answer, sprint is down, backlog has nothing in the quarters. */
function stubServices() {
  const urls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (request: Request | string) => {
    const url = new URL(typeof request === 'string' ? request : request.url, 'http://localhost');
    urls.push(url.pathname + url.search);
    switch (url.pathname) {
      case '/api/decision/governance-health':
        return json({ items: [row('decision.cycle-time', 'Decision cycle time', '2026-Q3', 20), row('decision.cycle-time', 'Decision cycle time', '2026-Q4', 12)], next: null });
      case '/api/governance/governance-health':
        return json({ items: [row('packet.lead-time', 'Packet lead time', '2026-Q4', 6, { committeeId: 'jsc', allianceKey: 'ONC-HELIX' })], next: null });
      case '/api/backlog/governance-health':
        return json({ items: [], next: null });
      case '/api/sprint/governance-health':
        return json({ title: 'Service unavailable', status: 503, detail: 'The sprint service is not answering.' }, 503);
      case '/api/backlog/alliances':
        return json({ items: [{ key: 'ONC-HELIX', name: 'Helix oncology' }] });
      case '/api/governance/governance-bodies':
        return json({ items: [{ id: 'jsc', type: 'JSC', name: 'Helix JSC', allianceId: 'ONC-HELIX' }] });
      default:
        return json({ title: 'Not found', status: 404 }, 404);
    }
  }));
  return urls;
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

function renderPage(roles: string[], url = '/governance-health') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider session={session(roles)}>
        <MemoryRouter initialEntries={[url]}><GovernanceHealthPage /><Where /></MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('<GovernanceHealthPage>', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells a team member the page is not for their role', () => {
    renderPage(['team-member']);
    expect(screen.getByRole('alert')).toHaveTextContent('Governance health is for alliance managers');
  });

  it('shows each service on its own: charts, an empty section, and an error only where the service failed', async () => {
    stubServices();
    renderPage(['governance-ops'], '/governance-health?from=2026-Q3&to=2026-Q4');
    const decisions = screen.getByRole('region', { name: 'Decisions' });
    expect(await within(decisions).findByRole('img', { name: /Decision cycle time, 2 quarters: falling, from 20 days/ })).toBeInTheDocument();
    const packets = screen.getByRole('region', { name: 'Packets' });
    expect(await within(packets).findByRole('img', { name: 'Packet lead time: 6 days in 2026-Q4' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Action items' })).getByText('No figures for this choice')).toBeInTheDocument();
    expect(await within(screen.getByRole('region', { name: 'Sprints' })).findByRole('alert')).toHaveTextContent('Sprints: figures not available');
    expect(within(decisions).queryByRole('alert')).toBeNull();
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 30_000);

  it('keeps the filters in the address and sends them to every service', async () => {
    const urls = stubServices();
    const user = userEvent.setup();
    renderPage(['alliance-manager'], '/governance-health?from=2026-Q3&to=2026-Q4');
    await screen.findByRole('option', { name: 'ONC-HELIX – Helix oncology' });
    await user.selectOptions(screen.getByLabelText('Alliance'), 'ONC-HELIX');
    await screen.findByRole('option', { name: 'JSC – Helix JSC' });
    await user.selectOptions(screen.getByLabelText('Committee'), 'jsc');
    expect(screen.getByTestId('where')).toHaveTextContent('?from=2026-Q3&to=2026-Q4&alliance=ONC-HELIX&committee=jsc');
    await within(screen.getByRole('region', { name: 'Decisions' })).findByRole('img');
    for (const service of ['governance', 'backlog', 'sprint']) {
      expect(urls).toContain(`/api/${service}/governance-health?alliance=ONC-HELIX&committee=jsc&from=2026-Q3&to=2026-Q4`);
    }
    // Decisions know the committee by its type.
    expect(urls).toContain('/api/decision/governance-health?alliance=ONC-HELIX&committee=JSC&from=2026-Q3&to=2026-Q4');
  }, 30_000);

  it('refuses a range whose start is after its end, without asking the services', async () => {
    const urls = stubServices();
    renderPage(['stakeholder'], '/governance-health?from=2026-Q4&to=2026-Q2');
    expect(await screen.findByText('Quarters the wrong way round')).toBeInTheDocument();
    expect(urls.filter((u) => u.includes('governance-health'))).toEqual([]);
  });
});
