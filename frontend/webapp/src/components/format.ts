/** Dates in the API are ISO dates (yyyy-mm-dd) or instants; the app shows them in the user's locale. */

export function parseDay(iso: string = ''): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatDay(iso?: string | null): string {
  if (!iso) return '—';
  return parseDay(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso?: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  try {
    return date.toLocaleString('en-GB', {
      weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
      timeZone: timeZone || undefined, timeZoneName: timeZone ? 'short' : undefined,
    });
  } catch {
    return date.toLocaleString('en-GB');
  }
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseDay(toIso).getTime() - parseDay(fromIso).getTime()) / 86_400_000);
}

export function humanize(value?: string | null): string {
  if (!value) return '—';
  const text = value.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function today(): string {
  return isoDay(new Date());
}
