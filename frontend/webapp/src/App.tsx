import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { BrowserRouter, NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { Suspense, useState } from 'react';
import { ApiError, setCsrfToken } from './api/http';
import { session as fetchSession } from './api/bff';
import { isPartner, SessionProvider, useSession } from './session';
import { ErrorState, Loading } from './components/States';
import { lazyPage, PageLoadBoundary } from './lazyPage';
import { NotificationBell } from './components/NotificationBell';

const PortfolioPage = lazyPage(() => import('./pages/PortfolioPage'), 'PortfolioPage');
const AlliancePage = lazyPage(() => import('./pages/AlliancePage'), 'AlliancePage');
const BacklogPage = lazyPage(() => import('./pages/BacklogPage'), 'BacklogPage');
const ItemPage = lazyPage(() => import('./pages/ItemPage'), 'ItemPage');
const PlanningPage = lazyPage(() => import('./pages/PlanningPage'), 'PlanningPage');
const BoardPage = lazyPage(() => import('./pages/BoardPage'), 'BoardPage');
const TeamsPage = lazyPage(() => import('./pages/TeamsPage'), 'TeamsPage');
const DecisionsPage = lazyPage(() => import('./pages/DecisionsPage'), 'DecisionsPage');
const DecisionPage = lazyPage(() => import('./pages/DecisionPage'), 'DecisionPage');
const MeetingsPage = lazyPage(() => import('./pages/MeetingsPage'), 'MeetingsPage');
const MeetingPage = lazyPage(() => import('./pages/MeetingPage'), 'MeetingPage');
const CommitteesPage = lazyPage(() => import('./pages/CommitteesPage'), 'CommitteesPage');
const WorkloadPage = lazyPage(() => import('./pages/WorkloadPage'), 'WorkloadPage');
const PartnerHomePage = lazyPage(() => import('./pages/PartnerHomePage'), 'PartnerHomePage');
const PartnerNoAccess = lazyPage(() => import('./pages/PartnerHomePage'), 'PartnerNoAccess');
const GovernanceHealthPage = lazyPage(() => import('./pages/GovernanceHealthPage'), 'GovernanceHealthPage');
const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage'), 'NotificationsPage');
const ApiDocsPage = lazyPage(() => import('./pages/ApiDocsPage'), 'ApiDocsPage');

function makeClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx (or a service that is down) only delays the message the user needs.
        retry: (count, error) => !(error instanceof ApiError && error.status > 0) && count < 2,
      },
    },
  });
}

export function App() {
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <SessionGate />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function SessionGate() {
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const s = await fetchSession();
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: Infinity,
  });
  if (query.isPending) return <Loading label="Signing you in…" />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  return (
    <SessionProvider session={query.data}>
      <Shell />
    </SessionProvider>
  );
}

const NAV: { to: string; label: string; roles?: string[] }[] = [
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/backlog', label: 'Backlog' },
  { to: '/planning', label: 'Sprint planning' },
  { to: '/board', label: 'Board' },
  { to: '/teams', label: 'Teams' },
  { to: '/decisions', label: 'Decisions' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/committees', label: 'Committees' },
  { to: '/workload', label: 'Workload', roles: ['admin', 'alliance-manager'] },
  { to: '/governance-health', label: 'Governance health', roles: ['admin', 'alliance-manager', 'governance-ops', 'stakeholder'] },
  { to: '/api-docs', label: 'API', roles: ['admin'] },
];

/** What the partner's people may open; every other page is our internal working data. */
const PARTNER_NAV = [
  { to: '/home', label: 'Home' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/decisions', label: 'Decisions' },
];

function PartnerRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/home" replace />} />
      <Route path="/home" element={<PartnerHomePage />} />
      <Route path="/meetings" element={<MeetingsPage />} />
      <Route path="/meetings/:id" element={<MeetingPage />} />
      <Route path="/decisions" element={<DecisionsPage />} />
      <Route path="/decisions/:id" element={<DecisionPage />} />
      <Route path="/api-docs/:service?" element={<ApiDocsPage />} />
      <Route path="*" element={<PartnerNoAccess />} />
    </Routes>
  );
}

function Shell() {
  const session = useSession();
  const partner = isPartner(session);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Entente</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {(partner ? PARTNER_NAV : NAV.filter((item) => !item.roles || item.roles.some((r) => session.roles.includes(r)))).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {!partner && <NotificationBell />}
        <div className="user" data-testid="current-user">
          <span title={session.roles.join(', ')}>
            {session.name ?? session.user}
            <small>{session.roles.filter((r) => !r.startsWith('default-') && !r.includes('offline') && !r.includes('uma')).join(', ')}</small>
          </span>
          <a className="button secondary small" href="/logout">Sign out</a>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <PageLoadBoundary>
        <Suspense fallback={<Loading label="Loading page…" />}>
        {partner ? <PartnerRoutes /> : (
        <Routes>
          <Route path="/" element={<Navigate to={session.roles.includes('stakeholder') ? '/decisions' : '/portfolio'} replace />} />
          <Route path="/portfolio" element={<PortfolioPage />} />
          <Route path="/alliances/:key" element={<AlliancePage />} />
          <Route path="/backlog" element={<BacklogPage />} />
          <Route path="/items/:id" element={<ItemPage />} />
          <Route path="/planning" element={<PlanningPage />} />
          <Route path="/board" element={<BoardPage />} />
          <Route path="/teams" element={<TeamsPage />} />
          <Route path="/decisions" element={<DecisionsPage />} />
          <Route path="/decisions/:id" element={<DecisionPage />} />
          <Route path="/meetings" element={<MeetingsPage />} />
          <Route path="/meetings/:id" element={<MeetingPage />} />
          <Route path="/committees" element={<CommitteesPage />} />
          <Route path="/workload" element={<WorkloadPage />} />
          <Route path="/governance-health" element={<GovernanceHealthPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/api-docs/:service?" element={<ApiDocsPage />} />
          <Route path="*" element={<ErrorState error={new ApiError({ title: 'Not found', status: 404 })} />} />
        </Routes>
        )}
        </Suspense>
        </PageLoadBoundary>
      </main>
    </div>
  );
}
