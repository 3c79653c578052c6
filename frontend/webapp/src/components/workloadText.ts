import type { WorkloadWarning } from '../api/workload';
import { humanize } from './format';

const RULES: Record<string, string> = {
  OVER_CAPACITY: 'Over capacity',
  UNMANAGED: 'Unmanaged',
  CONCENTRATION: 'Partner concentration',
};

/** The rule a warning breaks, named the way the alliance-management lead talks about it. */
export const ruleOf = (warning: WorkloadWarning): string => RULES[warning.kind ?? ''] ?? humanize(warning.kind);

/** Hours as the page shows them: whole hours, since the catalogue's efforts are estimates anyway. */
export const hours = (value: number | undefined | null): number => Math.round(value ?? 0);

export const percent = (value: number | undefined | null): string => `${Math.round(value ?? 0)} %`;

/** A signed difference, so that "no change" reads as such rather than as a zero that looks like data. */
export function delta(before: number, after: number, unit: string): string {
  const d = Math.round(after) - Math.round(before);
  if (d === 0) return 'no change';
  return `${d > 0 ? '+' : '−'}${Math.abs(d)} ${unit}`;
}
