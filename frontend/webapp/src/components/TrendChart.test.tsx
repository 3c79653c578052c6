import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { TrendChart } from './TrendChart';
import type { Series } from './healthData';

const series: Series = {
  figure: 'packet.on-target', label: 'Packets sent on target', unit: 'percent', target: 90, parts: 1,
  points: [
    { quarter: '2026-Q1', value: 60, sampleSize: 5 },
    { quarter: '2026-Q2', value: null, sampleSize: 0 },
    { quarter: '2026-Q3', value: 75, sampleSize: 4 },
    { quarter: '2026-Q4', value: 80, sampleSize: 5 },
  ],
};

describe('TrendChart', () => {
  it('is one image whose name tells the trend and the target', () => {
    render(<TrendChart series={series} />);
    expect(screen.getByRole('img', { name: 'Packets sent on target, 3 quarters: rising, from 60 % in 2026-Q1 to 80 % in 2026-Q4; target 90 %' })).toBeInTheDocument();
    expect(screen.getByText('Latest 2026-Q4: 80 %, up 5 % since 2026-Q3')).toBeInTheDocument();
    expect(screen.getByText('Target: 90 % (dashed line)')).toBeInTheDocument();
  });

  it('draws a point per measured quarter, breaks the line at a gap, and the target dashed', () => {
    const { container } = render(<TrendChart series={series} />);
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(container.querySelector('path')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(container.querySelector('.trend-target')!.getAttribute('stroke-dasharray')).toBe('4 3');
  });

  it('has the numbers as a table behind a keyboard toggle', async () => {
    render(<TrendChart series={series} />);
    const toggle = screen.getByText('Show data');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    const table = screen.getByRole('table', { name: 'Packets sent on target by quarter' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['2026-Q160 %5', '2026-Q2no data0', '2026-Q375 %4', '2026-Q480 %5']);
  });

  it('passes axe', async () => {
    const { container } = render(<TrendChart series={series} />);
    const result = await axe.run(container);
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
