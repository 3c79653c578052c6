import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { DecisionForm } from './DecisionForm';

describe('<DecisionForm>', () => {
  it('sends DACI references as lists and shows a refused approver beside its field', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError({
      title: 'Invalid input', status: 400, detail: "'the chairs' must be a user (user:<username>) or a governance body",
      errors: [{ field: 'approver', message: "'the chairs' must be a user (user:<username>) or a governance body" }],
    }));
    render(<DecisionForm mode="create" alliances={['ONC-HELIX']} defaultDriver="alex" onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Title', { exact: true }), 'Assay vendor');
    await userEvent.clear(screen.getByLabelText('Approver'));
    await userEvent.type(screen.getByLabelText('Approver'), 'the chairs');
    await userEvent.type(screen.getByLabelText('Contributors'), 'user:tara, body:JDC');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText('Approver')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Approver')).toHaveAccessibleDescription(expect.stringContaining("'the chairs' must be a user"));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({
      allianceId: 'ONC-HELIX', title: 'Assay vendor', approver: 'the chairs', contributors: ['user:tara', 'body:JDC'],
      informed: [], draft: true, governanceBody: 'JSC', driver: 'alex',
    }));
  }, 30000);

  it('offers to open at once instead of keeping a draft', async () => {
    const onSubmit = vi.fn().mockResolvedValue({});
    render(<DecisionForm mode="create" alliances={['ONC-HELIX']} defaultDriver="alex" onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('checkbox', { name: /Keep as a draft/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Open decision' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ draft: false, approver: 'user:alex' }));
  }, 30000);
});
