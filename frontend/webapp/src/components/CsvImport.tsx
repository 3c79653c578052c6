import { useEffect, useId, useRef, useState } from 'react';
import { IMPORT_COLUMNS, importCsv, refusedResult, type ImportResult, type ImportTarget } from '../api/imports';
import { asApiError, FormProblem } from './Forms';
import type { ApiError } from '../api/http';

/**
 * Imports a spreadsheet (CSV with a header row): choose a file, check it (a dry run: every row is validated, nothing
 * stored), read the preview and the errors by row and column, then import all rows at once. A file with an error is
 * never partly imported.
 */
export function CsvImport({ target, noun, onImported, onCancel }: {
  target: ImportTarget;
  /** What the rows are, plural: "alliances", "backlog items". */
  noun: string;
  onImported?: (result: ImportResult) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ text: string; result: ImportResult } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = useRef<HTMLHeadingElement>(null);
  const columns = IMPORT_COLUMNS[target];

  // Focus follows the answer, so a screen reader hears the preview or the result as soon as it arrives.
  useEffect(() => {
    if (checked || imported) outcome.current?.focus();
  }, [checked, imported]);

  async function check() {
    if (!file) {
      setProblem(asApiError(new Error('Choose a CSV file first.')));
      return;
    }
    setBusy(true);
    setProblem(null);
    setImported(null);
    setChecked(null);
    try {
      const text = await file.text();
      setChecked({ text, result: await importCsv(target, text, true) });
    } catch (e) {
      setProblem(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!checked) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await importCsv(target, checked.text, false);
      setImported(result);
      setChecked(null);
      onImported?.(result);
    } catch (e) {
      // Someone may have registered a key since the check: show the rows as refused now.
      const refused = refusedResult(e);
      if (refused) setChecked({ text: checked.text, result: { ...refused, dryRun: true } });
      else setProblem(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const result = checked?.result;
  const errors = result?.errors ?? [];
  const badRows = new Set(errors.map((e) => e.row)).size;
  const total = result?.rows ?? 0;

  return (
    <div className="csv-import">
      <form onSubmit={(e) => { e.preventDefault(); void check(); }} aria-label={`Import ${noun} from CSV`}>
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-hint`}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setChecked(null); setImported(null); setProblem(null); }}
          />
          <span className="muted small" id={`${id}-hint`}>
            First row: column names. Required: {columns.required.join(', ')}. Optional: {columns.optional.join(', ')}.
            Dates as YYYY-MM-DD. At most 10,000 rows.
          </span>
        </div>
        <FormProblem error={problem} />
        <div className="actions">
          {onCancel && <button type="button" className="button secondary" onClick={onCancel}>Close</button>}
          <button type="submit" className="button secondary" disabled={busy}>{busy && !checked ? 'Checking…' : 'Check file'}</button>
        </div>
      </form>

      {imported && (
        <div className="notice" role="status">
          <h3 ref={outcome} tabIndex={-1}>Imported {imported.created} {noun}</h3>
          <p>Every row of the file was stored.</p>
        </div>
      )}

      {result && (
        <section aria-labelledby={`${id}-outcome`}>
          <h3 id={`${id}-outcome`} ref={outcome} tabIndex={-1}>
            {errors.length === 0
              ? `${total} rows ready to import`
              : `${badRows} of ${total} rows have errors — nothing will be imported until they are fixed`}
          </h3>
          {errors.length > 0 && (
            <div className="table-wrap" role="region" aria-label="Rows with errors, scrollable" tabIndex={0}>
              <table className="table" aria-label="Rows with errors">
                <caption className="muted small">Row numbers as your spreadsheet shows them (the header is row 1).</caption>
                <thead>
                  <tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr>
                </thead>
                <tbody>
                  {errors.map((e, i) => (
                    <tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                      <td className="num">{e.row}</td>
                      <td>{e.column ?? '(whole row)'}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {errors.length === 0 && total > 0 && (
            <div className="actions">
              <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
                {busy ? 'Importing…' : `Import ${total} ${total === 1 ? 'row' : 'rows'}`}
              </button>
            </div>
          )}
          {(result.preview?.length ?? 0) > 0 && (
            // Wide previews scroll sideways inside the dialog: the region is focusable so keys can scroll it.
            <div className="table-wrap" role="region" aria-label={`Preview of the ${noun}, scrollable`} tabIndex={0}>
              <table className="table" aria-label={`Preview of the ${noun}`}>
                <caption className="muted small">
                  {result.preview!.length < total ? `The first ${result.preview!.length} of ${total} rows` : 'All rows'}, as they would be stored.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {(result.columns ?? []).map((c) => <th scope="col" key={c}>{c}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {result.preview!.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      {(r.values ?? []).map((v, i) => <td key={i}>{v ?? ''}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
