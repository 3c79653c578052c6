/**
 * Governance health: each of the four services measures its own figures per quarter (decision, governance, backlog,
 * sprint) and answers GET /api/governance-health. The page asks all four at once and shows each answer on its own, so
 * one service that is down costs only its own charts.
 */
import { body, serviceClient } from './http';
import type { components as BacklogSchemas, paths as BacklogPaths } from './generated/backlog';
import type { paths as DecisionPaths } from './generated/decision';
import type { paths as GovernancePaths } from './generated/governance';
import type { paths as SprintPaths } from './generated/sprint';

export type FigureUnit = 'days' | 'percent' | 'count' | 'ratio';

/** One figure for one quarter, for one alliance, committee or team where the service measures per one of those. */
export interface QuarterFigure {
  figure: string;
  label: string;
  unit: FigureUnit;
  /** e.g. 2026-Q3 */
  quarter: string;
  allianceKey: string | null;
  committeeId: string | null;
  teamId: string | null;
  /** null when the quarter had nothing to measure (no decision decided, no sprint closed). */
  value: number | null;
  sampleSize: number;
  target: number | null;
}

export interface HealthFilter {
  alliance?: string;
  committee?: string;
  from?: string;
  to?: string;
}

export const HEALTH_SERVICES = ['decision', 'governance', 'backlog', 'sprint'] as const;
export type HealthService = (typeof HEALTH_SERVICES)[number];

/** The query the four services share; the committee is a body code (JSC) for decisions, a body id elsewhere. */
export function healthParams(filter: HealthFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.alliance) query.alliance = filter.alliance;
  if (filter.committee) query.committee = filter.committee;
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  return query;
}

const clients = {
  decision: serviceClient<DecisionPaths>('decision'),
  governance: serviceClient<GovernancePaths>('governance'),
  backlog: serviceClient<BacklogPaths>('backlog'),
  sprint: serviceClient<SprintPaths>('sprint'),
};

type FigureList = BacklogSchemas['schemas']['FigureList'];

/** One service's figures; a failure is thrown as an ApiError for that service alone. */
export async function governanceHealth(service: HealthService, filter: HealthFilter, signal?: AbortSignal): Promise<QuarterFigure[]> {
  // The four documents describe the same query and answer; the cast only spares a switch over four identical calls.
  const query = healthParams(filter) as never;
  const client = clients[service] as unknown as typeof clients.backlog;
  const page: FigureList = await body(client.GET('/governance-health', { params: { query }, signal }));
  return (page.items ?? []).map((f) => ({
    figure: f.figure ?? '',
    label: f.label ?? f.figure ?? '',
    unit: (f.unit ?? 'count') as FigureUnit,
    quarter: f.quarter ?? '',
    allianceKey: f.allianceKey ?? null,
    committeeId: f.committeeId ?? null,
    teamId: f.teamId ?? null,
    value: f.value ?? null,
    sampleSize: f.sampleSize ?? 0,
    target: f.target ?? null,
  }));
}
