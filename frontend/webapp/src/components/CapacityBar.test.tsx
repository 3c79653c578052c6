import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CapacityBar, CapacityPanel } from './CapacityBar';
import { project, warningsOf, type SprintCapacity } from './capacity';

const plan: SprintCapacity = {
  capacity: 30,
  committed: 20,
  members: [
    { userId: 'tara', displayName: 'Tara', capacity: 15, committed: 12 },
    { userId: 'nora', displayName: 'Nora', capacity: 15, committed: 8 },
  ],
  byAlliance: [
    { allianceId: 'ONC-HELIX', points: 8 },
    { allianceId: 'CDX-QUANTIA', points: 12 },
  ],
};

describe('capacity warnings', () => {
  it('says nothing while the plan fits and no alliance takes more than a third', () => {
    expect(warningsOf({ ...plan, byAlliance: [{ allianceId: 'ONC-HELIX', points: 10 }] })).toEqual([]);
  });

  it('warns about concentration before the item is committed', () => {
    const projected = project(plan, [{ allianceId: 'ONC-HELIX', estimate: 5 }]);
    expect(projected.committed).toBe(25);
    const kinds = warningsOf(projected).map((w) => `${w.kind}:${w.subject}`);
    expect(kinds).toContain('concentration:ONC-HELIX');
    expect(kinds).toContain('concentration:CDX-QUANTIA');
    expect(kinds).not.toContain('team-over:team');
  });

  it('warns when the team and a member would go over capacity', () => {
    const projected = project(plan, [{ allianceId: 'DTX-ASTER', estimate: 13, assignee: 'tara' }]);
    const kinds = warningsOf(projected).map((w) => w.kind);
    expect(kinds).toContain('team-over');
    expect(kinds).toContain('member-over');
  });
});

describe('<CapacityPanel>', () => {
  it('shows a bar per member and team and lists the warnings as an alert', () => {
    render(<CapacityPanel plan={project(plan, [{ allianceId: 'DTX-ASTER', estimate: 13 }])} pending={13} />);
    expect(screen.getByRole('meter', { name: 'Team capacity' })).toHaveAttribute('aria-valuetext', '33 of 30 points, over capacity');
    expect(screen.getByRole('meter', { name: 'Tara capacity' })).toHaveAttribute('aria-valuenow', '12');
    const alert = screen.getByRole('alert', { name: 'Capacity warnings' });
    expect(within(alert).getByText(/Team over capacity: 33 of 30 points/)).toBeInTheDocument();
    expect(within(alert).getByText(/DTX-ASTER would take 43% of the team's capacity/)).toBeInTheDocument();
  });

  it('shows no alert for a plan that fits', () => {
    render(<CapacityPanel plan={{ capacity: 30, committed: 9, members: [], byAlliance: [{ allianceId: 'ONC-HELIX', points: 9 }] }} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('flags a single bar over its capacity', () => {
    render(<CapacityBar label="Nora" committed={16} capacity={15} />);
    expect(screen.getByText(/over by 1/)).toBeInTheDocument();
  });
});
