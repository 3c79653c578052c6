import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api/bff';
import { SessionProvider } from '../session';
import { ApiDocsPage } from './ApiDocsPage';

const session = (roles: string[]): Session => ({ user: 'u', roles, alliances: [], csrfToken: 'tok' });

const DOCUMENT = {
  info: { title: 'decision-service', version: '1.0' },
  tags: [{ name: 'Decisions' }],
  paths: {
    '/api/decisions': {
      get: { summary: 'List decisions', tags: ['Decisions'], parameters: [{ name: 'limit', in: 'query' }] },
      post: { summary: 'Open a decision', tags: ['Decisions'], security: [{ SecurityScheme: ['admin', 'governance-ops'] }] },
    },
    '/calendar/{file}': { get: { summary: 'The iCalendar feed', tags: ['Calendar feeds'] } },
  },
};

function renderAt(path: string, roles: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider session={session(roles)}>
        <MemoryRouter initialEntries={[path]}>
          <Routes><Route path="/api-docs/:service?" element={<ApiDocsPage />} /></Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('ApiDocsPage', () => {
  it('shows a non-admin that the page is for admins only, without asking the server', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderAt('/api-docs/decision', ['team-member']);
    expect(screen.getByRole('alert')).toHaveTextContent('Admins only');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('lists the services, groups the chosen one by tag, filters, links the JSON and passes axe', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(DOCUMENT), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    renderAt('/api-docs/decision', ['admin']);
    const services = screen.getByRole('navigation', { name: 'Services' });
    expect(within(services).getAllByRole('link').map((a) => a.textContent)).toEqual(
      ['backlog-service', 'sprint-service', 'decision-service', 'governance-service', 'notification-service']);
    expect(await screen.findByRole('heading', { name: 'Decisions' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Calendar feeds' })).toBeInTheDocument();
    expect(urls).toEqual(['/bff/api-docs/decision']);
    expect(screen.getByRole('link', { name: 'Download OpenAPI JSON' })).toHaveAttribute('href', '/bff/api-docs/decision');
    expect(screen.getByRole('rowheader', { name: '/calendar/{file}' })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Filter operations'), 'post decisions');
    const rows = screen.getAllByTestId('api-operation');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('POST/api/decisionsOpen a decisionadmin, governance-ops');
    expect(screen.queryByRole('heading', { name: 'Calendar feeds' })).not.toBeInTheDocument();
    expect(screen.getByText('1 of 3 operations')).toBeInTheDocument();

    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 30_000);

  it('says what went wrong when the document cannot be read', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ title: 'Service unavailable', status: 503,
      detail: 'The decision service is not reachable right now.' }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } })));
    renderAt('/api-docs/decision', ['admin']);
    expect(await screen.findByRole('alert')).toHaveTextContent('not reachable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('asks an admin to choose a service first', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderAt('/api-docs', ['admin']);
    expect(screen.getByText('Choose a service')).toBeInTheDocument();
  });
});
