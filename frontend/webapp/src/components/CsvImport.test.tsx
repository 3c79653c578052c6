import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CsvImport } from './CsvImport';

const importCsv = vi.fn();
vi.mock('../api/imports', async (original) => ({
  ...(await original<typeof import('../api/imports')>()),
  importCsv: (...args: unknown[]) => importCsv(...args),
}));

const columns = ['allianceId', 'title'];
const file = () => new File(['allianceId,title\r\nONC-HELIX,Prepare JSC\r\n'], 'backlog.csv', { type: 'text/csv' });

describe('<CsvImport>', () => {
  beforeEach(() => importCsv.mockReset());

  it('lists every row error in a table, focuses the outcome and offers no import', async () => {
    importCsv.mockResolvedValue({
      kind: 'backlog-items', dryRun: true, rows: 2, created: 0, columns,
      preview: [{ row: 2, values: ['ONC-HELIX', 'Prepare JSC'] }, { row: 3, values: ['NOPE', 'x'] }],
      errors: [{ row: 3, column: 'allianceId', message: 'alliance NOPE does not exist' }],
    });
    render(<CsvImport target="backlog-items" noun="backlog items" />);
    await userEvent.upload(screen.getByLabelText('CSV file'), file());
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }));

    const errors = await screen.findByRole('table', { name: 'Rows with errors' });
    expect(errors).toHaveTextContent('alliance NOPE does not exist');
    expect(screen.getByRole('heading', { name: /1 of 2 rows have errors/ })).toHaveFocus();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(importCsv).toHaveBeenCalledWith('backlog-items', expect.stringContaining('Prepare JSC'), true);
  });

  it('imports a clean file after the check and reports the count', async () => {
    const onImported = vi.fn();
    importCsv.mockResolvedValueOnce({ kind: 'backlog-items', dryRun: true, rows: 1, created: 0, columns,
      preview: [{ row: 2, values: ['ONC-HELIX', 'Prepare JSC'] }], errors: [] });
    importCsv.mockResolvedValueOnce({ kind: 'backlog-items', dryRun: false, rows: 1, created: 1, columns, preview: [], errors: [] });
    render(<CsvImport target="backlog-items" noun="backlog items" onImported={onImported} />);
    await userEvent.upload(screen.getByLabelText('CSV file'), file());
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Import 1 row' }));

    expect(await screen.findByRole('heading', { name: 'Imported 1 backlog items' })).toHaveFocus();
    expect(importCsv).toHaveBeenLastCalledWith('backlog-items', expect.any(String), false);
    expect(onImported).toHaveBeenCalled();
  });
});
