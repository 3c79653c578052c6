import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { ItemForm } from './ItemForm';

describe('<ItemForm>', () => {
  it('shows the problem+json field errors next to their fields', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError({
      title: 'Invalid input', status: 400, detail: 'Some fields are not valid',
      errors: [
        { field: 'create.request.title', message: 'must not be blank' },
        { field: 'estimate', message: 'must be less than or equal to 100' },
      ],
    }));
    render(<ItemForm alliances={['ONC-HELIX']} submitLabel="Create item" onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Estimate (points)'), '500');
    await userEvent.click(screen.getByRole('button', { name: 'Create item' }));

    expect(await screen.findByText('must not be blank')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('must not be blank');
    expect(screen.getByLabelText('Estimate (points)')).toHaveAccessibleDescription('must be less than or equal to 100');
    expect(screen.getByLabelText('Description')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid input');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ allianceId: 'ONC-HELIX', estimate: 500, title: '' }));
  });

  it('explains a stale edit (412) instead of overwriting', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError({ title: 'Precondition failed', status: 412, detail: 'the resource changed' }));
    render(<ItemForm alliances={['ONC-HELIX']} initial={{ title: 'Prepare JSC packet' }} submitLabel="Save changes" onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changed by someone else — reload')).toBeInTheDocument();
  });
});
