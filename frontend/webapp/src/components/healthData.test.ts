import { describe, expect, it } from 'vitest';
import type { QuarterFigure } from '../api/health';
import { csvField, healthCsv, latestText, recentQuarters, seriesOf, shiftQuarter, trendSummary } from './healthData';

const figure = (over: Partial<QuarterFigure>): QuarterFigure => ({
  figure: 'decision.cycle-time', label: 'Decision cycle time', unit: 'days', quarter: '2026-Q1', allianceKey: null,
  committeeId: null, teamId: null, value: 10, sampleSize: 4, target: 14, ...over,
});

describe('quarters', () => {
  it('steps across years', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(recentQuarters(new Date(2026, 11, 6), 4)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
  });
});

describe('CSV export', () => {
  it('quotes as RFC 4180 says: commas, quotes and line breaks only', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('writes a header and one CRLF line per figure, quarter, alliance, committee and team', () => {
    const csv = healthCsv([
      figure({ quarter: '2026-Q2', value: 8.5 }),
      figure({ figure: 'packet.lead-time', label: 'Packet lead time, "working" days', committeeId: 'c1', allianceKey: 'ONC-HELIX', value: null, sampleSize: 0, target: null }),
      figure({ quarter: '2026-Q1' }),
    ], { c1: 'Joint Steering Committee, Helix' });
    expect(csv.split('\r\n')).toEqual([
      'figure,label,quarter,alliance,committee,team,value,unit,sample_size,target',
      'decision.cycle-time,Decision cycle time,2026-Q1,,,,10,days,4,14',
      'decision.cycle-time,Decision cycle time,2026-Q2,,,,8.5,days,4,14',
      'packet.lead-time,"Packet lead time, ""working"" days",2026-Q1,ONC-HELIX,"Joint Steering Committee, Helix",,,days,0,',
      '',
    ]);
  });
});

describe('series', () => {
  it('combines committees: counts add up, averages weigh by cases measured', () => {
    const [count] = seriesOf([
      figure({ figure: 'action-item.open-past-due', unit: 'count', committeeId: 'a', value: 2 }),
      figure({ figure: 'action-item.open-past-due', unit: 'count', committeeId: 'b', value: 3 }),
    ]);
    expect(count.points).toEqual([{ quarter: '2026-Q1', value: 5, sampleSize: 8 }]);
    expect(count.parts).toBe(2);
    const [days] = seriesOf([
      figure({ committeeId: 'a', value: 10, sampleSize: 1 }),
      figure({ committeeId: 'b', value: 20, sampleSize: 3 }),
      figure({ committeeId: 'b', quarter: '2026-Q2', value: null, sampleSize: 0 }),
    ]);
    expect(days.points).toEqual([{ quarter: '2026-Q1', value: 17.5, sampleSize: 4 }, { quarter: '2026-Q2', value: null, sampleSize: 0 }]);
  });

  it('takes a whole-scope row as it is', () => {
    const [s] = seriesOf([figure({ value: 7 }), figure({ committeeId: 'a', value: 100 })]);
    expect(s.points[0].value).toBe(7);
  });
});

describe('words for a trend', () => {
  const series = seriesOf([
    figure({ quarter: '2026-Q1', value: 20 }), figure({ quarter: '2026-Q2', value: 16 }),
    figure({ quarter: '2026-Q3', value: 12 }), figure({ quarter: '2026-Q4', value: 12.5 }),
  ])[0];

  it('summarises direction, span and target', () => {
    expect(trendSummary(series)).toBe('Decision cycle time, 4 quarters: falling, from 20 days in 2026-Q1 to 12.5 days in 2026-Q4; target 14 days');
  });

  it('gives the latest value and its change against the quarter before', () => {
    expect(latestText(series)).toBe('Latest 2026-Q4: 12.5 days, up 0.5 days since 2026-Q3');
    expect(latestText({ ...series, points: [{ quarter: '2026-Q3', value: null, sampleSize: 0 }, { quarter: '2026-Q4', value: 3, sampleSize: 1 }] }))
      .toBe('Latest 2026-Q4: 3 days, no data in 2026-Q3');
    expect(latestText({ ...series, points: [] })).toBe('No data in these quarters');
  });
});
