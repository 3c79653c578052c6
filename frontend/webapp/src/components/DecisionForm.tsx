import { useState, type FormEvent } from 'react';
import type { DecisionRequest, DecisionView } from '../api/decisions';
import { GOVERNANCE_BODIES, type CommitteeKind } from '../api/schemas';
import { Field, FormProblem, numberOrUndefined, useSubmit } from './Forms';

interface OptionValues { key: string; title: string; pros: string; cons: string }

const list = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * A decision's content: a new one (kept a draft or opened at once), a draft's edit, or the successor of a decided
 * one. DACI parties are references: user:<username> or body:<committee>.
 */
export function DecisionForm({ alliances, existing, mode, defaultDriver, onSubmit, onCancel, onReload }: {
  alliances: string[];
  existing?: DecisionView;
  mode: 'create' | 'edit' | 'supersede';
  defaultDriver: string;
  onSubmit: (request: DecisionRequest) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const [v, setV] = useState({
    allianceId: existing?.allianceId ?? alliances[0] ?? '',
    title: existing?.title ?? '',
    question: existing?.question ?? '',
    context: existing?.context ?? '',
    governanceBody: (existing?.governanceBody as CommitteeKind) ?? 'JSC',
    dueDate: existing?.dueDate ?? '',
    leadTimeDays: existing?.leadTimeDays != null ? String(existing.leadTimeDays) : '14',
    driver: existing?.driver ?? defaultDriver,
    approver: existing?.approver ?? `user:${defaultDriver}`,
    contributors: (existing?.contributors ?? []).join(', '),
    informed: (existing?.informed ?? []).join(', '),
    internalNotes: existing?.internalNotes ?? '',
  });
  const [options, setOptions] = useState<OptionValues[]>(existing?.options?.length
    ? existing.options.map((o) => ({ key: o.key ?? '', title: o.title ?? '', pros: o.pros ?? '', cons: o.cons ?? '' }))
    : [{ key: 'A', title: '', pros: '', cons: '' }, { key: 'B', title: '', pros: '', cons: '' }]);
  const [draft, setDraft] = useState(true);
  const { error, busy, run } = useSubmit();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const setOption = (index: number, key: keyof OptionValues, value: string) =>
    setOptions((old) => old.map((o, i) => (i === index ? { ...o, [key]: value } : o)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSubmit({
      allianceId: v.allianceId,
      title: v.title,
      question: v.question,
      context: v.context || undefined,
      options: options.map((o) => ({ key: o.key, title: o.title, pros: o.pros || undefined, cons: o.cons || undefined })),
      governanceBody: v.governanceBody,
      dueDate: v.dueDate,
      leadTimeDays: numberOrUndefined(v.leadTimeDays) as number,
      driver: v.driver,
      approver: v.approver,
      contributors: list(v.contributors),
      informed: list(v.informed),
      internalNotes: v.internalNotes || undefined,
      draft: mode === 'create' ? draft : mode === 'edit' ? true : false,
    }));
  }

  const label = mode === 'create' ? (draft ? 'Save draft' : 'Open decision') : mode === 'edit' ? 'Save draft' : 'Create successor';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={mode === 'create' ? 'New decision' : mode === 'edit' ? 'Edit draft' : 'Supersede decision'}>
      <FormProblem error={error} onReload={onReload} />
      <div className="field-row">
        <Field id="d-alliance" label="Alliance" field="allianceId" error={error}>
          {(p) => <select {...p} value={v.allianceId} onChange={set('allianceId')} disabled={mode !== 'create'}>{alliances.map((a) => <option key={a} value={a}>{a}</option>)}</select>}
        </Field>
        <Field id="d-body" label="Committee" field="governanceBody" error={error}>
          {(p) => <select {...p} value={v.governanceBody} onChange={set('governanceBody')}>{GOVERNANCE_BODIES.map((b) => <option key={b} value={b}>{b.replace('_', ' ')}</option>)}</select>}
        </Field>
      </div>
      <Field id="d-title" label="Title" field="title" error={error}>{(p) => <input {...p} value={v.title} onChange={set('title')} />}</Field>
      <Field id="d-question" label="Question" field="question" error={error}>{(p) => <textarea {...p} rows={2} value={v.question} onChange={set('question')} />}</Field>
      <Field id="d-context" label="Context" field="context" error={error}>{(p) => <textarea {...p} rows={3} value={v.context} onChange={set('context')} />}</Field>
      <fieldset className="fieldset">
        <legend>Options</legend>
        {error?.fieldError('options') && <span className="field-error" role="alert">{error.fieldError('options')}</span>}
        {options.map((o, i) => (
          <div className="option-edit" key={i} data-testid="option-edit">
            <div className="field-row">
              <Field id={`o-key-${i}`} label={`Option ${i + 1} key`} field={`options[${i}].key`} error={error}>{(p) => <input {...p} value={o.key} size={8} onChange={(e) => setOption(i, 'key', e.target.value)} />}</Field>
              <Field id={`o-title-${i}`} label={`Option ${i + 1} title`} field={`options[${i}].title`} error={error}>{(p) => <input {...p} value={o.title} onChange={(e) => setOption(i, 'title', e.target.value)} />}</Field>
            </div>
            <div className="field-row">
              <Field id={`o-pros-${i}`} label={`Option ${i + 1} pros`} field={`options[${i}].pros`} error={error}>{(p) => <textarea {...p} rows={2} value={o.pros} onChange={(e) => setOption(i, 'pros', e.target.value)} />}</Field>
              <Field id={`o-cons-${i}`} label={`Option ${i + 1} cons`} field={`options[${i}].cons`} error={error}>{(p) => <textarea {...p} rows={2} value={o.cons} onChange={(e) => setOption(i, 'cons', e.target.value)} />}</Field>
            </div>
            {options.length > 1 && <button type="button" className="button secondary small" onClick={() => setOptions((old) => old.filter((_, j) => j !== i))}>Remove option {i + 1}</button>}
          </div>
        ))}
        {options.length < 10 && (
          <button type="button" className="button secondary small" onClick={() => setOptions((old) => [...old, { key: String.fromCharCode(65 + old.length), title: '', pros: '', cons: '' }])}>Add option</button>
        )}
      </fieldset>
      <div className="field-row">
        <Field id="d-due" label="Due date" field="dueDate" error={error}>{(p) => <input {...p} type="date" value={v.dueDate} onChange={set('dueDate')} />}</Field>
        <Field id="d-lead" label="Lead time (days)" field="leadTimeDays" error={error} hint="Preparation must be done this many days before the due date.">
          {(p) => <input {...p} type="number" min={0} max={365} value={v.leadTimeDays} onChange={set('leadTimeDays')} />}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>DACI</legend>
        <div className="field-row">
          <Field id="d-driver" label="Driver" field="driver" error={error} hint="Username of who drives it.">{(p) => <input {...p} value={v.driver} onChange={set('driver')} />}</Field>
          <Field id="d-approver" label="Approver" field="approver" error={error} hint="user:<username>, or body:<committee> such as body:JSC.">{(p) => <input {...p} value={v.approver} onChange={set('approver')} />}</Field>
        </div>
        <div className="field-row">
          <Field id="d-contributors" label="Contributors" field="contributors" error={error} hint="Comma-separated, e.g. user:tara, body:JDC.">{(p) => <input {...p} value={v.contributors} onChange={set('contributors')} />}</Field>
          <Field id="d-informed" label="Informed" field="informed" error={error} hint="Comma-separated references.">{(p) => <input {...p} value={v.informed} onChange={set('informed')} />}</Field>
        </div>
      </fieldset>
      <Field id="d-notes" label="Internal notes (never shown to partners or stakeholders)" field="internalNotes" error={error}>
        {(p) => <textarea {...p} rows={2} value={v.internalNotes} onChange={set('internalNotes')} />}
      </Field>
      {mode === 'create' && (
        <div className="field">
          <label><input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> Keep as a draft (open it later)</label>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : label}</button>
      </div>
    </form>
  );
}
