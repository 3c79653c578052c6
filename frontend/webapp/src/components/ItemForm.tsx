import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { DISCIPLINES, ITEM_TYPES, type BacklogItemRequest } from '../api/schemas';

import { humanize } from './format';

/** What the form edits: every field of the create request a user fills in. */
export type ItemFields = Pick<BacklogItemRequest, 'allianceId' | 'title' | 'description' | 'discipline' | 'type' | 'estimate'
  | 'dueDate' | 'owner' | 'beneficiary' | 'stakeholderValue' | 'dependsOn'>;

/** Another item of the same alliance this one may depend on. */
export interface DependencyOption {
  id: string;
  title: string;
}

interface Props {
  alliances: string[];
  initial?: Partial<ItemFields>;
  submitLabel: string;
  onSubmit: (input: ItemFields) => Promise<unknown>;
  onCancel: () => void;
  /** Given, the form offers the dependencies (items of the same alliance); absent, it leaves them as they are. */
  dependencyOptions?: DependencyOption[];
  /** What a 412 offers: reload the item to see the other user's change. */
  onReload?: () => void;
}

/** Create or edit a backlog item; the service's problem+json errors[] appear next to their fields. */
export function ItemForm({ alliances, initial, submitLabel, onSubmit, onCancel, dependencyOptions, onReload }: Props) {
  const [value, setValue] = useState<ItemFields>({
    allianceId: initial?.allianceId ?? alliances[0] ?? '',
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    discipline: initial?.discipline ?? 'GOVERNANCE',
    type: initial?.type ?? 'TASK',
    estimate: initial?.estimate,
    dueDate: initial?.dueDate,
    owner: initial?.owner ?? '',
    beneficiary: initial?.beneficiary ?? '',
    stakeholderValue: initial?.stakeholderValue,
    dependsOn: initial?.dependsOn ?? [],
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof ItemFields>(key: K, v: ItemFields[K]) => setValue((old) => ({ ...old, [key]: v }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        ...value,
        description: value.description?.trim() ? value.description : undefined,
        dueDate: value.dueDate || undefined,
        owner: value.owner?.trim() ? value.owner : undefined,
        beneficiary: value.beneficiary?.trim() ? value.beneficiary : undefined,
        dependsOn: dependencyOptions ? value.dependsOn : undefined,
      });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ title: 'Could not save', status: 0, detail: String(e) }));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => error?.fieldError(field);
  const described = (field: string) => (fieldError(field) ? `err-${field}` : undefined);
  const stale = error?.status === 412;
  const general = error && !error.problem.errors?.length;

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {error && (
        <div className="form-error" role="alert">
          <strong>{stale ? 'Changed by someone else — reload' : error.problem.title}</strong>
          {stale ? <p>Someone else saved this item since you opened it. Reload to see their change, then make yours again.</p>
            : (general || error.problem.detail) && <p>{error.problem.detail}</p>}
          {stale && onReload && <button type="button" className="button secondary small" onClick={onReload}>Reload</button>}
        </div>
      )}
      <div className="field">
        <label htmlFor="f-allianceId">Alliance</label>
        <select id="f-allianceId" value={value.allianceId} onChange={(e) => set('allianceId', e.target.value)} aria-invalid={!!fieldError('allianceId')} aria-describedby={described('allianceId')}>
          {alliances.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        {fieldError('allianceId') && <span className="field-error" id="err-allianceId">{fieldError('allianceId')}</span>}
      </div>
      <div className="field">
        <label htmlFor="f-title">Title</label>
        <input id="f-title" value={value.title} onChange={(e) => set('title', e.target.value)} aria-invalid={!!fieldError('title')} aria-describedby={described('title')} />
        {fieldError('title') && <span className="field-error" id="err-title">{fieldError('title')}</span>}
      </div>
      <div className="field">
        <label htmlFor="f-description">Description</label>
        <textarea id="f-description" rows={3} value={value.description ?? ''} onChange={(e) => set('description', e.target.value)} aria-invalid={!!fieldError('description')} aria-describedby={described('description')} />
        {fieldError('description') && <span className="field-error" id="err-description">{fieldError('description')}</span>}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="f-discipline">Discipline</label>
          <select id="f-discipline" value={value.discipline} onChange={(e) => set('discipline', e.target.value as ItemFields['discipline'])} aria-invalid={!!fieldError('discipline')} aria-describedby={described('discipline')}>
            {DISCIPLINES.map((d) => <option key={d} value={d}>{humanize(d)}</option>)}
          </select>
          {fieldError('discipline') && <span className="field-error" id="err-discipline">{fieldError('discipline')}</span>}
        </div>
        <div className="field">
          <label htmlFor="f-type">Type</label>
          <select id="f-type" value={value.type} onChange={(e) => set('type', e.target.value as ItemFields['type'])} aria-invalid={!!fieldError('type')} aria-describedby={described('type')}>
            {ITEM_TYPES.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
          {fieldError('type') && <span className="field-error" id="err-type">{fieldError('type')}</span>}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="f-estimate">Estimate (points)</label>
          <input id="f-estimate" type="number" inputMode="numeric" value={value.estimate ?? ''} onChange={(e) => set('estimate', e.target.value === '' ? undefined : Number(e.target.value))} aria-invalid={!!fieldError('estimate')} aria-describedby={described('estimate')} />
          {fieldError('estimate') && <span className="field-error" id="err-estimate">{fieldError('estimate')}</span>}
        </div>
        <div className="field">
          <label htmlFor="f-dueDate">Due date</label>
          <input id="f-dueDate" type="date" value={value.dueDate ?? ''} onChange={(e) => set('dueDate', e.target.value)} aria-invalid={!!fieldError('dueDate')} aria-describedby={described('dueDate')} />
          {fieldError('dueDate') && <span className="field-error" id="err-dueDate">{fieldError('dueDate')}</span>}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="f-owner">Owner</label>
          <input id="f-owner" value={value.owner ?? ''} onChange={(e) => set('owner', e.target.value)} aria-invalid={!!fieldError('owner')} aria-describedby={described('owner')} />
          {fieldError('owner') && <span className="field-error" id="err-owner">{fieldError('owner')}</span>}
        </div>
        <div className="field">
          <label htmlFor="f-beneficiary">Beneficiary</label>
          <input id="f-beneficiary" value={value.beneficiary ?? ''} onChange={(e) => set('beneficiary', e.target.value)} aria-invalid={!!fieldError('beneficiary')} aria-describedby={described('beneficiary')} />
          {fieldError('beneficiary') && <span className="field-error" id="err-beneficiary">{fieldError('beneficiary')}</span>}
        </div>
        <div className="field">
          <label htmlFor="f-stakeholderValue">Stakeholder value (1–10)</label>
          <input id="f-stakeholderValue" type="number" inputMode="numeric" value={value.stakeholderValue ?? ''} onChange={(e) => set('stakeholderValue', e.target.value === '' ? undefined : Number(e.target.value))} aria-invalid={!!fieldError('stakeholderValue')} aria-describedby={described('stakeholderValue')} />
          {fieldError('stakeholderValue') && <span className="field-error" id="err-stakeholderValue">{fieldError('stakeholderValue')}</span>}
        </div>
      </div>
      {dependencyOptions && (
        <fieldset className="field" aria-describedby={described('dependsOn')}>
          <legend>Depends on (items of {value.allianceId} that must be done first)</legend>
          {dependencyOptions.length === 0 ? <p className="muted">No other items in this alliance.</p> : (
            <div className="checklist">
              {dependencyOptions.map((o) => (
                <label key={o.id}>
                  <input
                    type="checkbox"
                    checked={value.dependsOn?.includes(o.id) ?? false}
                    onChange={(e) => set('dependsOn', e.target.checked ? [...(value.dependsOn ?? []), o.id] : (value.dependsOn ?? []).filter((d) => d !== o.id))}
                  />
                  {o.title}
                </label>
              ))}
            </div>
          )}
          {fieldError('dependsOn') && <span className="field-error" id="err-dependsOn">{fieldError('dependsOn')}</span>}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  );
}
