/**
 * Spreadsheet imports (backlog service): a dry run answers the preview and every row's errors; the real import is all
 * or nothing, and a refused one answers 422 problem+json carrying the same preview in `result`.
 */
import { backlog } from './api';
import { ApiError, body } from './http';
import type { components } from './generated/backlog';

export type ImportResult = components['schemas']['ImportResult'];
export type ImportError = components['schemas']['ImportError'];
export type ImportTarget = 'alliances' | 'backlog-items';

const csv = {
  bodySerializer: (text: unknown) => text as string,
  headers: { 'Content-Type': 'text/csv' },
};

/** Sends the file's text; dryRun only checks it. */
export async function importCsv(target: ImportTarget, text: string, dryRun: boolean): Promise<ImportResult> {
  const options = { ...csv, params: { query: { dryRun } }, body: text as unknown as string };
  return target === 'alliances'
    ? body(backlog.POST('/alliances/import', options))
    : body(backlog.POST('/backlog-items/import', options));
}

/** The rows and errors of a refused import (422), when the answer carried them. */
export function refusedResult(error: unknown): ImportResult | undefined {
  if (error instanceof ApiError && error.status === 422) {
    const result = (error.problem as unknown as { result?: ImportResult }).result;
    return result ?? undefined;
  }
  return undefined;
}

/** The columns each import reads, for the hint beside the file input. */
export const IMPORT_COLUMNS: Record<ImportTarget, { required: string[]; optional: string[] }> = {
  alliances: {
    required: ['key', 'name', 'partner', 'type', 'tier', 'phase', 'valueScore', 'complexityScore', 'allianceManager'],
    optional: ['startDate', 'riskThreshold'],
  },
  'backlog-items': {
    required: ['allianceId', 'title', 'discipline', 'type'],
    optional: ['description', 'estimate', 'beneficiary', 'stakeholderValue', 'owner', 'dueDate'],
  },
};
