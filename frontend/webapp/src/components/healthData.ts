/**
 * What the governance health page does with the services' figures, apart from drawing them: quarters, one series per
 * figure, the words that describe a trend, and the CSV export. Plain functions, so the tests need no browser.
 */
import type { FigureUnit, QuarterFigure } from '../api/health';

export interface Point {
  quarter: string;
  value: number | null;
  sampleSize: number;
}

export interface Series {
  figure: string;
  label: string;
  unit: FigureUnit;
  target: number | null;
  points: Point[];
  /** How many alliances, committees or teams the points combine (1 when the service measured the whole). */
  parts: number;
}

/** The page's sections, in order; a figure belongs to the first whose prefix its key starts with. */
export const SECTIONS: { title: string; prefix: string }[] = [
  { title: 'Decisions', prefix: 'decision.' },
  { title: 'Packets', prefix: 'packet.' },
  { title: 'Action items', prefix: 'action-item.' },
  { title: 'Obligations', prefix: 'obligation.' },
  { title: 'Sprints', prefix: 'sprint.' },
];

export const quarterOf = (date: Date): string => `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;

/** The quarter `offset` quarters from `quarter` (negative = earlier). */
export function shiftQuarter(quarter: string, offset: number): string {
  const [year, q] = quarter.split('-Q').map(Number);
  const index = year * 4 + (q - 1) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarters a user may choose from: the current one and the `count - 1` before it, latest first. */
export function recentQuarters(today: Date, count: number): string[] {
  const current = quarterOf(today);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, -i));
}

const dimensionless = (f: QuarterFigure) => f.allianceKey == null && f.committeeId == null && f.teamId == null;

/**
 * One series per figure, quarters in order. Where a service answers per committee or team, a quarter combines them:
 * counts add up, averages and rates are weighted by how many cases each measured (a committee with one packet must
 * not weigh as much as one with ten). A whole-scope row, where the service sends one, is taken as it is.
 */
export function seriesOf(figures: QuarterFigure[]): Series[] {
  const byFigure = new Map<string, QuarterFigure[]>();
  for (const f of figures) byFigure.set(f.figure, [...(byFigure.get(f.figure) ?? []), f]);
  return [...byFigure.values()].map((rows) => {
    const quarters = [...new Set(rows.map((r) => r.quarter))].sort();
    const first = rows[0];
    const parts = new Set(rows.filter((r) => !dimensionless(r)).map((r) => `${r.allianceKey}|${r.committeeId}|${r.teamId}`)).size;
    const points = quarters.map((quarter) => {
      const inQuarter = rows.filter((r) => r.quarter === quarter);
      const whole = inQuarter.find(dimensionless);
      if (whole) return { quarter, value: whole.value, sampleSize: whole.sampleSize };
      return combine(quarter, inQuarter, first.unit);
    });
    const target = rows.find((r) => r.target != null)?.target ?? null;
    return { figure: first.figure, label: first.label, unit: first.unit, target, points, parts: Math.max(parts, 1) };
  });
}

function combine(quarter: string, rows: QuarterFigure[], unit: FigureUnit): Point {
  const measured = rows.filter((r) => r.value != null);
  const sampleSize = rows.reduce((sum, r) => sum + r.sampleSize, 0);
  if (measured.length === 0) return { quarter, value: null, sampleSize };
  if (unit === 'count') return { quarter, value: measured.reduce((sum, r) => sum + (r.value ?? 0), 0), sampleSize };
  const weight = measured.reduce((sum, r) => sum + Math.max(r.sampleSize, 1), 0);
  const value = measured.reduce((sum, r) => sum + (r.value ?? 0) * Math.max(r.sampleSize, 1), 0) / weight;
  return { quarter, value, sampleSize };
}

export function formatValue(value: number | null, unit: FigureUnit): string {
  if (value == null) return 'no data';
  const rounded = Math.round(value * 10) / 10;
  switch (unit) {
    case 'days': return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
    case 'percent': return `${rounded} %`;
    case 'ratio': return (Math.round(value * 100) / 100).toString();
    default: return `${rounded}`;
  }
}

/** The latest measured point and its change against the quarter before it, in words. */
export function latestText(series: Series): string {
  const measured = series.points.filter((p) => p.value != null);
  const latest = measured.at(-1);
  if (!latest) return 'No data in these quarters';
  const previous = series.points[series.points.indexOf(latest) - 1];
  let change = 'no previous quarter to compare';
  if (previous && previous.value != null) {
    const delta = (latest.value as number) - previous.value;
    change = Math.abs(delta) < 0.05
      ? `unchanged since ${previous.quarter}`
      : `${delta > 0 ? 'up' : 'down'} ${formatValue(Math.abs(delta), series.unit)} since ${previous.quarter}`;
  } else if (previous) {
    change = `no data in ${previous.quarter}`;
  }
  return `Latest ${latest.quarter}: ${formatValue(latest.value, series.unit)}, ${change}`;
}

/** The chart's text alternative in one sentence: span, first and last value, direction, target. */
export function trendSummary(series: Series): string {
  const measured = series.points.filter((p) => p.value != null);
  const target = series.target != null ? `; target ${formatValue(series.target, series.unit)}` : '';
  if (measured.length === 0) return `${series.label}: no data in these quarters${target}`;
  const first = measured[0];
  const last = measured.at(-1)!;
  if (measured.length === 1) return `${series.label}: ${formatValue(last.value, series.unit)} in ${last.quarter}${target}`;
  const delta = (last.value as number) - (first.value as number);
  const direction = Math.abs(delta) < 0.05 ? 'flat' : delta > 0 ? 'rising' : 'falling';
  return `${series.label}, ${measured.length} quarters: ${direction}, from ${formatValue(first.value, series.unit)} in ${first.quarter}`
    + ` to ${formatValue(last.value, series.unit)} in ${last.quarter}${target}`;
}

export const CSV_HEADER = ['figure', 'label', 'quarter', 'alliance', 'committee', 'team', 'value', 'unit', 'sample_size', 'target'];

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end with CRLF. */
export function csvField(value: string | number | null | undefined): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per figure, quarter, alliance, committee and team, as the services answered; committee names where known. */
export function healthCsv(figures: QuarterFigure[], committeeNames: Record<string, string> = {}): string {
  const rows = [...figures].sort((a, b) => a.figure.localeCompare(b.figure) || a.quarter.localeCompare(b.quarter)
    || (a.allianceKey ?? '').localeCompare(b.allianceKey ?? '') || (a.committeeId ?? '').localeCompare(b.committeeId ?? '')
    || (a.teamId ?? '').localeCompare(b.teamId ?? ''));
  const lines = [CSV_HEADER, ...rows.map((f) => [
    f.figure, f.label, f.quarter, f.allianceKey, f.committeeId ? committeeNames[f.committeeId] ?? f.committeeId : null,
    f.teamId, f.value, f.unit, f.sampleSize, f.target,
  ])];
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}
