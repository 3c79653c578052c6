/**
 * Workload, what-if, managers' capacities and the service catalogue (sprint service). Kept apart from api.ts so that
 * the workload screen grows here; applying a what-if for real goes through the backlog service's own alliance
 * commands (api.ts), so that it is audited and evented like any other alliance change.
 */
import { sprint } from './api';
import { body, versioned } from './http';

// Hand-written until the sprint service's OpenAPI document has the workload endpoints.
export interface WorkloadWarning {
  code: string;
  message: string;
}

export interface ManagedAlliance {
  key: string;
  name?: string;
  partner?: string;
  tier?: number;
  phase?: string;
  demandHours: number;
}

export interface Headroom {
  tier: number;
  phase: string;
  more: number;
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
  partner: string;
  demandHours?: number;
  share: number;
}

export interface TeamLoad {
  id: string;
  name: string;
  capacityHours: number;
  demandHours: number;
  loadPercent: number;
  partnerShares: PartnerShare[];
  warnings: WorkloadWarning[];
}

export interface UnmanagedAlliance {
  key: string;
  name?: string;
  tier?: number;
  phase?: string;
  manager?: string;
  uncoveredServices?: string[];
}

export interface Workload {
  months?: number;
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
  partner?: string;
  name?: string;
}

export interface WhatIf {
  before: Workload;
  after: Workload;
}

export interface ManagerCapacity {
  id: string;
  displayName?: string;
  capacityHours: number;
  version?: number;
}

export interface CatalogueEntry {
  service: string;
  tier: number;
  phase: string;
  timesPerMonth?: number;
  hoursEach?: number;
  hoursPerMonth?: number;
}

export interface Catalogue {
  entries: CatalogueEntry[];
  version?: number;
}

// The generated client knows only the paths of the committed document; until it has these, the calls go untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = sprint as any;

export const workload = (months: number, signal?: AbortSignal): Promise<Workload> =>
  body(untyped.GET('/workload', { params: { query: { months } }, signal }));

export const whatIf = (changes: WhatIfChange[], months: number): Promise<WhatIf> =>
  body(untyped.POST('/workload/what-if', { params: { query: { months } }, body: { changes } }));

export const managers = async (signal?: AbortSignal): Promise<ManagerCapacity[]> =>
  ((await body(untyped.GET('/alliance-managers', { params: { query: { limit: 200 } }, signal }))) as { items?: ManagerCapacity[] }).items ?? [];

export const managerCapacity = (id: string, signal?: AbortSignal) =>
  versioned<ManagerCapacity>(untyped.GET('/alliance-managers/{id}/capacity', { params: { path: { id } }, signal }));

export const setManagerCapacity = (id: string, capacityHours: number, etag: string | undefined) =>
  body(untyped.PUT('/alliance-managers/{id}/capacity', {
    params: { path: { id }, header: { 'If-Match': etag ?? '*' } },
    body: { capacityHours },
  }));

export const catalogue = (signal?: AbortSignal) => versioned<Catalogue>(untyped.GET('/service-catalogue', { signal }));

export const saveCatalogue = (entries: CatalogueEntry[], etag: string | undefined) =>
  body(untyped.PUT('/service-catalogue', { params: { header: { 'If-Match': etag ?? '*' } }, body: { entries } }));
