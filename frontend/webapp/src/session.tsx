import { createContext, useContext, type ReactNode } from 'react';
import type { Session } from './api/bff';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Stakeholders read; everyone else may change what their alliances hold. */
export function canEdit(session: Session): boolean {
  return session.roles.some((r) => ['admin', 'alliance-manager', 'team-member', 'governance-ops'].includes(r));
}

/** The partner company's people: they read the joint governance of their alliances, never our internal data. */
export function isPartner(session: Session): boolean {
  return session.roles.includes('partner');
}

export function isGovernanceOps(session: Session): boolean {
  return session.roles.some((r) => ['admin', 'governance-ops'].includes(r));
}

/** Registering, editing and moving alliances through their lifecycle: the service allows admins and alliance managers. */
export function canManageAlliances(session: Session): boolean {
  return session.roles.some((r) => ['admin', 'alliance-manager'].includes(r));
}

/** Setting up committees, scheduling meetings and keeping their minutes: governance ops, alliance managers, admins. */
export function canRunGovernance(session: Session): boolean {
  return session.roles.some((r) => ['admin', 'alliance-manager', 'governance-ops'].includes(r));
}
