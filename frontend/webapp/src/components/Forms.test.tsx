import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { Field, FormProblem } from './Forms';
import { History } from './History';

describe('form helpers', () => {
  it('answers a 412 with "changed by someone else — reload"', () => {
    render(<FormProblem error={new ApiError({ title: 'Precondition failed', status: 412 })} onReload={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Changed by someone else — reload');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('shows the service message beside the field it names', () => {
    const error = new ApiError({ title: 'Invalid input', status: 400, errors: [{ field: 'register.request.key', message: 'must be an alliance key like ONC-HELIX' }] });
    render(<Field id="a-key" label="Key" field="key" error={error}>{(p) => <input {...p} />}</Field>);
    expect(screen.getByLabelText('Key')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Key')).toHaveAccessibleDescription('must be an alliance key like ONC-HELIX');
  });

  it('lists who changed what, narrowed to one field when asked', () => {
    render(<History label="Phase changes" only="phase" changes={[
      { id: 2, at: '2026-12-01T10:00:00Z', actor: 'alex', action: 'AlliancePhaseChanged', reason: 'Term sheet signed', changes: [{ field: 'phase', before: 'EVALUATION', after: 'DUE_DILIGENCE' }] },
      { id: 1, at: '2026-11-01T10:00:00Z', actor: 'admin', action: 'AllianceRegistered', changes: [{ field: 'name', after: 'Borealis' }, { field: 'phase', after: 'EVALUATION' }] },
    ]} />);
    expect(screen.getByText('Phase changed')).toBeInTheDocument();
    expect(screen.getByText('Reason: Term sheet signed')).toBeInTheDocument();
    expect(screen.queryByText('Borealis')).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem', { name: undefined }).length).toBeGreaterThan(0);
  });
});
