/**
 * Workload, what-if, managers' capacities and the service catalogue (sprint service). Kept apart from api.ts so that
 * the workload screen grows here; applying a what-if for real goes through the backlog service's own alliance
 * commands (api.ts), so that it is audited and evented like any other alliance change.
 */
import { sprint } from './api';
import { body, etagOf } from './http';
import type { components } from './generated/sprint';

type Schemas = components['schemas'];
/** Hours are over the whole horizon (from → to); an alliance the reader may not see shows as restricted. */
export type Workload = Schemas['WorkloadView'];
export type ManagerLoad = Schemas['ManagerLoad'];
export type ManagedAlliance = Schemas['AllianceLoad1'];
export type Headroom = Schemas['HeadroomView'];
export type TeamLoad = Schemas['TeamLoad'];
export type PartnerShare = Schemas['PartnerShareView'];
export type UnmanagedAlliance = Schemas['UnmanagedAlliance'];
export type WorkloadWarning = Schemas['WarningView'];
export type WhatIfChange = Schemas['Change'];
export type ChangeKind = Schemas['Kind'];
export type WhatIf = Schemas['WhatIfView'];
export type AllianceManager = Schemas['AllianceManagerView'];
export type Catalogue = Schemas['ServiceCatalogueView'];
export type CatalogueEntry = Schemas['EntryView'];
export type AlliancePhase = Schemas['AlliancePhase'];

export const workload = (months: number, signal?: AbortSignal) =>
  body(sprint.GET('/workload', { params: { query: { months } }, signal }));

export const whatIf = (changes: WhatIfChange[], months: number) =>
  body(sprint.POST('/workload/what-if', { body: { months, changes } }));

export const managerCapacity = (id: string, signal?: AbortSignal) =>
  body(sprint.GET('/alliance-managers/{id}', { params: { path: { id } }, signal }));

export const setManagerCapacity = (id: string, hoursPerMonth: number, version: number | undefined) =>
  body(sprint.PUT('/alliance-managers/{id}/capacity', {
    params: { path: { id }, header: { 'If-Match': etagOf(version) } },
    body: { hoursPerMonth },
  }));

export const catalogue = (signal?: AbortSignal) => body(sprint.GET('/service-catalogue', { signal }));

/** The whole catalogue goes back: what is left out is no longer delivered. */
export const saveCatalogue = (entries: CatalogueEntry[], version: number | undefined) =>
  body(sprint.PUT('/service-catalogue', {
    params: { header: { 'If-Match': etagOf(version) } },
    body: {
      entries: entries.map((e) => ({
        service: e.service!, tier: e.tier!, phase: e.phase!, timesPerYear: e.timesPerYear!, hoursEach: e.hoursEach!,
        performedBy: e.performedBy!,
      })),
    },
  }));
