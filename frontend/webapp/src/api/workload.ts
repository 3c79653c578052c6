/**
 * Workload, what-if, managers' capacities and the service catalogue (sprint service). Kept apart from api.ts so that
 * the workload screen grows here; applying a what-if for real goes through the backlog service's own alliance
 * commands (api.ts), so that it is audited and evented like any other alliance change.
 */
import { sprint } from './api';
import { body, etagOf } from './http';

// Hand-written until the sprint service's OpenAPI document has the workload endpoints.
export type WarningKind = 'OVER_CAPACITY' | 'UNMANAGED' | 'CONCENTRATION';

/** @property subject a manager's user id, a team id or an alliance key (absent when restricted) */
export interface WorkloadWarning {
  kind: WarningKind;
  subject?: string | null;
  message: string;
}

/** An alliance the reader may not see counts in the load but shows as restricted (no key, name or partner). */
export interface ManagedAlliance {
  key?: string | null;
  name?: string | null;
  partner?: string | null;
  tier: number;
  phase: string;
  complexity?: number;
  demandHours: number;
  restricted?: boolean;
}

/** more: alliances of this tier and phase that still fit; absent when they need no manager time. */
export interface Headroom {
  tier: number;
  phase: string;
  more?: number | null;
}

export interface ManagerLoad {
  id: string;
  capacityHours: number;
  demandHours: number;
  loadPercent: number;
  alliances: ManagedAlliance[];
  headroom: Headroom[];
  warnings: WorkloadWarning[];
}

export interface PartnerShare {
  partner?: string | null;
  demandHours: number;
  percent: number;
}

export interface TeamLoad {
  id: string;
  name: string;
  disciplines?: string[];
  capacityHours: number;
  demandHours: number;
  loadPercent: number;
  partnerShares: PartnerShare[];
  warnings: WorkloadWarning[];
}

export interface UnmanagedAlliance {
  key?: string | null;
  name?: string | null;
  partner?: string | null;
  tier: number;
  phase: string;
  noManager?: boolean;
  uncovered: string[];
  uncoveredHours?: number;
  restricted?: boolean;
}

/** Hours are over the whole horizon (from → to). */
export interface Workload {
  months: number;
  from?: string;
  to?: string;
  catalogueVersion?: number;
  managers: ManagerLoad[];
  teams: TeamLoad[];
  unmanaged: UnmanagedAlliance[];
  warnings: WorkloadWarning[];
}

export type ChangeKind = 'RETIER' | 'MOVE' | 'PHASE' | 'ADD';

export interface WhatIfChange {
  kind: ChangeKind;
  allianceKey?: string;
  tier?: number;
  phase?: string;
  manager?: string;
  complexity?: number;
  name?: string;
  partner?: string;
  teamIds?: string[];
}

export interface LoadChange {
  subject: 'MANAGER' | 'TEAM' | string;
  id: string;
  name?: string | null;
  demandHoursBefore: number;
  demandHoursAfter: number;
  loadPercentBefore: number;
  loadPercentAfter: number;
}

export interface WhatIf {
  before: Workload;
  after: Workload;
  changedLoads: LoadChange[];
}

/** hoursPerMonth is the default (120) while defaulted; version is the ETag a change names. */
export interface AllianceManager {
  id: string;
  hoursPerMonth: number;
  defaulted?: boolean;
  alliances?: number;
  version: number;
}

/** performedBy: MANAGER or a team discipline (e.g. ALLIANCE_HEALTH). */
export interface CatalogueEntry {
  service: string;
  tier: number;
  phase: string;
  timesPerYear: number;
  hoursEach: number;
  performedBy: string;
  hoursPerMonth?: number;
}

export interface Catalogue {
  version: number;
  entries: CatalogueEntry[];
  updatedAt?: string;
  updatedBy?: string;
}

// The generated client knows only the paths of the committed document; until it has these, the calls go untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = sprint as any;

export const workload = (months: number, signal?: AbortSignal): Promise<Workload> =>
  body(untyped.GET('/workload', { params: { query: { months } }, signal }));

export const whatIf = (changes: WhatIfChange[], months: number): Promise<WhatIf> =>
  body(untyped.POST('/workload/what-if', { body: { months, changes } }));

export const allianceManagers = async (signal?: AbortSignal): Promise<AllianceManager[]> => {
  const answer = (await body(untyped.GET('/alliance-managers', { params: { query: { limit: 200 } }, signal }))) as { items?: AllianceManager[] } | AllianceManager[];
  return Array.isArray(answer) ? answer : answer.items ?? [];
};

export const managerCapacity = (id: string, signal?: AbortSignal) =>
  body<AllianceManager>(untyped.GET('/alliance-managers/{id}', { params: { path: { id } }, signal }));

export const setManagerCapacity = (id: string, hoursPerMonth: number, version: number | undefined) =>
  body(untyped.PUT('/alliance-managers/{id}/capacity', {
    params: { path: { id }, header: { 'If-Match': etagOf(version) } },
    body: { hoursPerMonth },
  }));

export const catalogue = (signal?: AbortSignal) => body<Catalogue>(untyped.GET('/service-catalogue', { signal }));

/** The whole catalogue goes back: what is left out is no longer delivered. */
export const saveCatalogue = (entries: CatalogueEntry[], version: number | undefined) =>
  body(untyped.PUT('/service-catalogue', {
    params: { header: { 'If-Match': etagOf(version) } },
    body: { entries: entries.map(({ service, tier, phase, timesPerYear, hoursEach, performedBy }) => ({ service, tier, phase, timesPerYear, hoursEach, performedBy })) },
  }));
