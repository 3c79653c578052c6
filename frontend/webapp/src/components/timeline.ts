import type { UpcomingDecision } from '../api/schemas';
import { isoDay, parseDay } from './format';

export interface TimelineGroup {
  key: string;
  label: string;
  decisions: UpcomingDecision[];
}

const CLOSED = new Set(['DECIDED', 'WITHDRAWN', 'SUPERSEDED']);

function mondayOf(day: Date): Date {
  const monday = new Date(day);
  const offset = (day.getDay() + 6) % 7; // Monday = 0
  monday.setDate(day.getDate() - offset);
  return monday;
}

/**
 * Stakeholders' view of decisions by due date: overdue first, then this week, next week and each later week.
 * Decided and withdrawn decisions are left out; weeks start on Monday.
 */
export function groupByDueWeek(decisions: UpcomingDecision[], todayIso: string): TimelineGroup[] {
  const today = parseDay(todayIso);
  const thisMonday = mondayOf(today);
  const open = decisions
    .filter((d) => !CLOSED.has((d.status ?? '').toUpperCase()))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || (a.title ?? '').localeCompare(b.title ?? ''));
  const groups = new Map<string, TimelineGroup>();
  const add = (key: string, label: string, decision: UpcomingDecision) => {
    if (!groups.has(key)) groups.set(key, { key, label, decisions: [] });
    groups.get(key)!.decisions.push(decision);
  };
  for (const decision of open) {
    const due = parseDay(decision.dueDate);
    if (due < today || decision.riskState === 'OVERDUE') {
      add('overdue', 'Overdue', decision);
      continue;
    }
    const weeks = Math.round((mondayOf(due).getTime() - thisMonday.getTime()) / (7 * 86_400_000));
    if (weeks === 0) add('week-0', 'This week', decision);
    else if (weeks === 1) add('week-1', 'Next week', decision);
    else {
      const monday = mondayOf(due);
      add(`week-${weeks}`, `Week of ${monday.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} (in ${weeks} weeks)`, decision);
    }
  }
  const order = (key: string) => (key === 'overdue' ? -1 : Number(key.slice(5)));
  return [...groups.values()].sort((a, b) => order(a.key) - order(b.key));
}

export function daysUntil(dueIso: string | undefined, todayIso: string = isoDay(new Date())): number {
  return Math.round((parseDay(dueIso).getTime() - parseDay(todayIso).getTime()) / 86_400_000);
}
