import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BoardCardView } from './BoardCard';

describe('<BoardCardView>', () => {
  it('shows a member the whole card', () => {
    render(<BoardCardView card={{ id: '1', restricted: false, allianceId: 'ONC-HELIX', title: 'Draft JSC minutes', estimate: 3, column: 'TODO', assignee: 'tara' }} />);
    expect(screen.getByText('Draft JSC minutes')).toBeInTheDocument();
    expect(screen.getByText('ONC-HELIX')).toBeInTheDocument();
    expect(screen.getByText('@tara')).toBeInTheDocument();
  });

  it('shows another alliance only as a restricted card with its points', () => {
    render(<BoardCardView card={{ id: '2', allianceId: undefined, title: undefined, estimate: 5, column: 'IN_PROGRESS', restricted: true }} />);
    const card = screen.getByRole('article', { name: 'Restricted item, 5 points' });
    expect(card).toHaveTextContent('Restricted');
    expect(card).toHaveTextContent('5 pts');
    expect(card).not.toHaveTextContent('LIC-CORVID');
  });

  it('never shows a title it was sent for a restricted item', () => {
    render(<BoardCardView card={{ id: '3', allianceId: 'LIC-CORVID', title: 'Return data to Corvid', estimate: 2, column: 'TODO', restricted: true }} />);
    expect(screen.queryByText('Return data to Corvid')).not.toBeInTheDocument();
    expect(screen.queryByText('LIC-CORVID')).not.toBeInTheDocument();
  });
});
