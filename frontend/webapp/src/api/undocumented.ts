/**
 * Answers the sprint service sends without describing them in its OpenAPI document (the resource returns a bare
 * Response, so the document has no schema for it). Written from the service's records (SprintView, BoardView,
 * CardView, PlanningSummary); delete each one as soon as the document describes it and use the generated schema.
 */
import type { Column, SprintState } from './schemas';

export interface PlanningSummary {
  capacityPoints: number;
  committedPoints: number;
  completedPoints: number;
  remainingPoints: number;
  itemCount: number;
  unestimatedItems: number;
  overCapacity: boolean;
  loadByAlliance: { allianceId?: string | null; allianceName?: string | null; restricted: boolean; points: number; items: number; shareOfCapacity: number; concentrated: boolean }[];
  warnings: { code: string; message: string }[];
}

/** GET /api/sprints/{id}. */
export interface SprintDetail {
  id: string;
  teamId: string;
  name: string;
  state: SprintState;
  startDate: string;
  endDate: string;
  capacity: { userId: string; displayName?: string | null; capacityPoints: number }[];
  planning: PlanningSummary;
  version: number;
}

/** One card of GET /api/sprints/{id}/board; an item of another alliance is restricted and carries its points only. */
export interface BoardCard {
  id: string;
  restricted: boolean;
  title?: string | null;
  allianceId?: string | null;
  allianceName?: string | null;
  discipline?: string | null;
  estimate?: number | null;
  dueDate?: string | null;
  column: Column;
  assignee?: string | null;
  assigneeName?: string | null;
  version?: number | null;
}

/** GET /api/sprints/{id}/board. */
export interface BoardView {
  columns: { column: Column; wipLimit?: number | null }[];
  lanes: { key: string; columns: Partial<Record<Column, BoardCard[]>> }[];
  planning: PlanningSummary;
}
