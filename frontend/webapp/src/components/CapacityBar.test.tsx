import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CapacityBar, CapacityPanel } from './CapacityBar';
import { project, type SprintCapacity } from './capacity';

const plan: SprintCapacity = {
  capacity: 30,
  committed: 20,
  members: [
    { userId: 'tara', displayName: 'Tara', capacity: 15, committed: 12 },
    { userId: 'nora', displayName: 'Nora', capacity: 15, committed: 8 },
  ],
  byAlliance: [
    { allianceId: 'CDX-QUANTIA', points: 12, share: 0.6, concentrated: true },
    { allianceId: 'ONC-HELIX', points: 8, share: 0.4, concentrated: true },
  ],
  warnings: [],
};

describe('project', () => {
  it('adds pending points to the team and to the member who takes them', () => {
    const projected = project(plan, [{ estimate: 5, assignee: 'nora' }, { estimate: 3 }]);
    expect(projected.committed).toBe(28);
    expect(projected.members.find((m) => m.userId === 'nora')?.committed).toBe(13);
    expect(projected.members.find((m) => m.userId === 'tara')?.committed).toBe(12);
  });
});

describe('<CapacityPanel>', () => {
  it('shows a bar per member and team and lists the service\'s warnings as an alert', () => {
    const warned = { ...plan, warnings: [{ code: 'MEMBER_OVER_CAPACITY', message: 'Nora Haddad holds 8 points against a capacity of 5 (3 over)' }] };
    render(<CapacityPanel plan={project(warned, [{ estimate: 13 }])} pending={13} />);
    expect(screen.getByRole('meter', { name: 'Team capacity' })).toHaveAttribute('aria-valuetext', '33 of 30 points, over capacity');
    expect(screen.getByRole('meter', { name: 'Tara capacity' })).toHaveAttribute('aria-valuenow', '12');
    const alert = screen.getByRole('alert', { name: 'Capacity warnings' });
    expect(within(alert).getByText(/Nora Haddad holds 8 points/)).toBeInTheDocument();
    expect(screen.getByText('60%')).toBeInTheDocument();
  });

  it('shows no alert when the service gave no warning', () => {
    render(<CapacityPanel plan={{ capacity: 30, committed: 9, members: [], byAlliance: [{ allianceId: 'ONC-HELIX', points: 9, share: 1 }], warnings: [] }} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('flags a single bar over its capacity', () => {
    render(<CapacityBar label="Nora" committed={16} capacity={15} />);
    expect(screen.getByText(/over by 1/)).toBeInTheDocument();
  });
});
