/**
 * Governance health: each of the four services measures its own figures per quarter (decision, governance, backlog,
 * sprint) and answers GET /api/governance-health. The page asks all four at once and shows each answer on its own, so
 * one service that is down costs only its own charts.
 */
import { send } from './http';

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

export function healthQuery(filter: HealthFilter): string {
  const query = new URLSearchParams();
  if (filter.alliance) query.set('alliance', filter.alliance);
  if (filter.committee) query.set('committee', filter.committee);
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** One service's figures; a failure is thrown as an ApiError for that service alone. */
export async function governanceHealth(service: HealthService, filter: HealthFilter, signal?: AbortSignal): Promise<QuarterFigure[]> {
  const response = await send(`/api/${service}/governance-health${healthQuery(filter)}`, { accept: 'application/json', signal });
  const page = (await response.json()) as { items?: QuarterFigure[] };
  return page.items ?? [];
}
