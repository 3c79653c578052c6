import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api/bff';
import type { Workload } from '../api/workload';
import { SessionProvider } from '../session';
import { WorkloadPage } from './WorkloadPage';

const session = (roles: string[]): Session => ({ user: 'admin', roles, alliances: [], csrfToken: 'tok' });

const workload = (tier: number): Workload => ({
  months: 3,
  managers: [{
    id: 'alex', capacityHours: 360, demandHours: tier === 1 ? 480 : 420, loadPercent: tier === 1 ? 133 : 117,
    alliances: [{ key: 'CDX-QUANTIA', name: 'Quantia companion diagnostic', partner: 'Quantia Diagnostics', tier, phase: 'EXECUTION', complexity: 3, demandHours: 48 }],
    headroom: [{ tier: 3, phase: 'EXECUTION', more: 0 }],
    warnings: [{ kind: 'OVER_CAPACITY', subject: 'alex', message: 'alex is at 133 % of capacity' }],
  }, {
    id: 'tara', capacityHours: 180, demandHours: 60, loadPercent: 33, alliances: [],
    headroom: [{ tier: 2, phase: 'EXECUTION', more: 2 }], warnings: [],
  }],
  teams: [{ id: 't1', name: 'Governance Operations', capacityHours: 300, demandHours: 150, loadPercent: 50, partnerShares: [{ partner: 'Helix Biotherapeutics', demandHours: 60, percent: 40 }], warnings: [] }],
  unmanaged: [{ key: 'LIC-KESTREL', name: 'Kestrel antibody platform licence', partner: 'Kestrel Bio', tier: 3, phase: 'EXECUTION', noManager: false, uncovered: ['COMPLIANCE by CONTRACTS'], uncoveredHours: 6 }],
  warnings: [
    { kind: 'OVER_CAPACITY', subject: 'alex', message: 'alex is at 133 % of capacity' },
    { kind: 'UNMANAGED', subject: 'LIC-KESTREL', message: 'LIC-KESTREL: no team delivers COMPLIANCE' },
    { kind: 'CONCENTRATION', subject: 't1', message: 'Helix Biotherapeutics takes 40 % of Governance Operations' },
  ],
});

const quantia = {
  key: 'CDX-QUANTIA', name: 'Quantia companion diagnostic', partner: 'Quantia Diagnostics', type: 'CO_DEVELOPMENT', tier: 1,
  phase: 'EXECUTION', valueScore: 4, complexityScore: 3, allianceManager: 'alex', riskThreshold: 12, version: 7,
};

function json(content: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(content), { status, headers: { 'Content-Type': 'application/json' } }));
}

/** The services as the page meets them; the workload shows the re-tier once it has been saved. */
function stubServices() {
  let saved = false;
  const calls: { method: string; path: string; body: string; ifMatch: string | null }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    calls.push({ method: request.method, path, body: request.method === 'GET' ? '' : await request.text(), ifMatch: request.headers.get('If-Match') });
    if (path === '/api/sprint/workload') return json(workload(saved ? 2 : 1));
    if (path === '/api/sprint/workload/what-if') return json({ before: workload(1), after: workload(2), changedLoads: [] });
    if (path === '/api/backlog/alliances') return json({ items: [quantia] });
    if (path === '/api/backlog/alliances/CDX-QUANTIA' && request.method === 'GET') return json(quantia);
    if (path === '/api/backlog/alliances/CDX-QUANTIA' && request.method === 'PUT') { saved = true; return json({ ...quantia, tier: 2, version: 8 }); }
    if (path === '/api/sprint/service-catalogue') return json({ version: 3, entries: [{ service: 'HEALTH_CHECK', tier: 3, phase: 'EXECUTION', timesPerYear: 1, hoursEach: 6, performedBy: 'ALLIANCE_HEALTH', hoursPerMonth: 0.5 }] });
    return json({ title: 'Not found', status: 404 }, 404);
  }));
  return calls;
}

function renderPage(roles: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider session={session(roles)}>
        <MemoryRouter><WorkloadPage /></MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('<WorkloadPage>', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells other roles the page is not for them', () => {
    renderPage(['team-member']);
    expect(screen.getByRole('alert')).toHaveTextContent('for alliance managers and admins');
  });

  it('shows load against capacity in figures, warnings named by rule, headroom and the unmanaged alliance', async () => {
    stubServices();
    renderPage(['admin']);
    expect(await screen.findByRole('meter', { name: 'alex capacity' })).toHaveAttribute('aria-valuetext', '480 of 360 hours, over capacity');
    const warnings = within(screen.getByRole('region', { name: 'Warnings' }));
    expect(warnings.getByText('Over capacity:')).toBeInTheDocument();
    expect(warnings.getByText('Unmanaged:')).toBeInTheDocument();
    expect(warnings.getByText('Partner concentration:')).toBeInTheDocument();
    const headroom = screen.getByRole('table', { name: /How many more alliances tara could take/ });
    expect(within(headroom).getByRole('columnheader', { name: 'Execution' })).toBeInTheDocument();
    expect(within(headroom).getByRole('row', { name: 'Tier 2 2' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: /no team covers/ })).getByText('Kestrel antibody platform licence')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: /Services per tier and phase/ })).toBeInTheDocument();
    // The browser journeys check contrast; here the structure: names, roles, captions, labels.
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  }, 30_000); // axe over the whole page takes seconds on a busy two-core machine

  it('tries a re-tier without saving, then applies it through the alliance update with its version', async () => {
    const calls = stubServices();
    const user = userEvent.setup();
    renderPage(['admin']);
    await screen.findByRole('form', { name: 'Add a what-if change' });
    await user.selectOptions(screen.getByLabelText('New tier'), '2');
    await user.click(screen.getByRole('button', { name: 'Add change' }));
    await user.click(screen.getByRole('button', { name: 'Show the effect' }));
    const result = await screen.findByRole('table', { name: /before → after/ });
    expect(within(result).getByTestId('what-if-row-alex')).toHaveTextContent('alex (manager)133 % (480 of 360 h)117 % (420 of 360 h)−60 h over capacity');
    expect(JSON.parse(calls.find((c) => c.path.endsWith('/what-if'))!.body)).toEqual({ months: 3, changes: [{ kind: 'RETIER', allianceKey: 'CDX-QUANTIA', tier: 2 }] });

    await user.click(screen.getByRole('button', { name: 'Apply for real: CDX-QUANTIA to tier 2' }));
    await waitFor(() => expect(screen.getByTestId('workload-status')).toHaveTextContent('now shows the saved change to CDX-QUANTIA'), { timeout: 10_000 });
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"7"');
    expect(JSON.parse(put.body)).toMatchObject({ tier: 2, allianceManager: 'alex', name: 'Quantia companion diagnostic' });
  }, 30_000);
});
