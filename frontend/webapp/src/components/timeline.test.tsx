import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { UpcomingDecision } from '../api/schemas';
import { DecisionTimeline } from './DecisionTimeline';
import { groupByDueWeek } from './timeline';

const TODAY = '2026-11-25'; // a Wednesday
const d = (id: string, dueDate: string, extra: Partial<UpcomingDecision> = {}): UpcomingDecision => ({
  id, allianceId: 'ONC-HELIX', title: `Decision ${id}`, dueDate, status: 'OPEN', ...extra,
});

describe('groupByDueWeek', () => {
  it('puts overdue first, then this week, next week and later weeks, leaving closed decisions out', () => {
    const groups = groupByDueWeek([
      d('later', '2026-12-16'),
      d('next', '2026-12-03'),
      d('this-sun', '2026-11-29'),
      d('this-mon-past', '2026-11-23'),
      d('today', '2026-11-25'),
      d('decided', '2026-11-26', { status: 'DECIDED' }),
      d('flagged', '2026-11-27', { riskState: 'OVERDUE' }),
    ], TODAY);
    expect(groups.map((g) => g.label)).toEqual(['Overdue', 'This week', 'Next week', 'Week of 14 Dec (in 3 weeks)']);
    expect(groups[0].decisions.map((x) => x.id)).toEqual(['this-mon-past', 'flagged']);
    expect(groups[1].decisions.map((x) => x.id)).toEqual(['today', 'this-sun']);
    expect(groups[2].decisions.map((x) => x.id)).toEqual(['next']);
  });
});

describe('<DecisionTimeline>', () => {
  it('shows each due date, the risk state and its reason', () => {
    render(
      <MemoryRouter>
        <DecisionTimeline today={TODAY} decisions={[
          d('a', '2026-12-02', { title: 'Approve phase II protocol', riskState: 'AT_RISK', riskReason: 'No prep item is in a sprint', governanceBody: 'JSC' }),
          d('b', '2026-11-20', { title: 'Budget reforecast' }),
        ]} />
      </MemoryRouter>,
    );
    const next = screen.getByRole('region', { name: /Next week/ });
    expect(within(next).getByText('Approve phase II protocol')).toBeInTheDocument();
    expect(within(next).getByText('At risk')).toBeInTheDocument();
    expect(within(next).getByText(/No prep item is in a sprint/)).toBeInTheDocument();
    expect(within(next).getByText('in 7 days')).toBeInTheDocument();
    const overdue = screen.getByRole('region', { name: /Overdue/ });
    expect(within(overdue).getByText('5 days overdue')).toBeInTheDocument();
    expect(screen.getAllByTestId('decision-due').map((t) => t.getAttribute('datetime'))).toEqual(['2026-11-20', '2026-12-02']);
  });

  it('has an empty state', () => {
    render(<MemoryRouter><DecisionTimeline decisions={[]} today={TODAY} /></MemoryRouter>);
    expect(screen.getByText('No open decisions')).toBeInTheDocument();
  });
});
