import { describe, expect, it } from 'vitest';
import { zonedStart } from './governance';

describe('zonedStart', () => {
  it('gives the wall-clock time in the meeting zone its offset on that day', () => {
    expect(zonedStart('2026-12-10', '09:00', 'Europe/Zurich')).toBe('2026-12-10T09:00:00+01:00');
    expect(zonedStart('2026-07-10', '09:00', 'Europe/Zurich')).toBe('2026-07-10T09:00:00+02:00');
    expect(zonedStart('2026-12-10', '15:30', 'America/New_York')).toBe('2026-12-10T15:30:00-05:00');
    expect(zonedStart('2026-12-10', '10:00', 'Asia/Kolkata')).toBe('2026-12-10T10:00:00+05:30');
    expect(zonedStart('2026-12-10', '10:00', 'UTC')).toBe('2026-12-10T10:00:00+00:00');
  });
});
