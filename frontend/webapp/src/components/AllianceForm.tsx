import { useState, type FormEvent } from 'react';
import { ALLIANCE_PHASES, ALLIANCE_TYPES, type Alliance, type AlliancePhase, type AllianceRequest, type AllianceType } from '../api/schemas';
import { Field, FormProblem, numberOrUndefined, useSubmit } from './Forms';
import { humanize } from './format';

interface Values {
  key: string;
  name: string;
  partner: string;
  type: AllianceType;
  tier: string;
  phase: AlliancePhase;
  valueScore: string;
  complexityScore: string;
  allianceManager: string;
  startDate: string;
  riskThreshold: string;
}

const text = (n?: number | null) => (n == null ? '' : String(n));

/**
 * Registers an alliance (no {@code existing}) or edits one's descriptive fields; the key and the phase are set at
 * registration only (the phase then moves through its own command).
 */
export function AllianceForm({ existing, defaultManager, onSubmit, onCancel, onReload }: {
  existing?: Alliance;
  defaultManager: string;
  onSubmit: (request: AllianceRequest) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const [v, setV] = useState<Values>({
    key: existing?.key ?? '',
    name: existing?.name ?? '',
    partner: existing?.partner ?? '',
    type: (existing?.type as AllianceType) ?? 'CO_DEVELOPMENT',
    tier: text(existing?.tier) || '2',
    phase: (existing?.phase as AlliancePhase) ?? 'EVALUATION',
    valueScore: text(existing?.valueScore) || '3',
    complexityScore: text(existing?.complexityScore) || '3',
    allianceManager: existing?.allianceManager ?? defaultManager,
    startDate: existing?.startDate ?? '',
    riskThreshold: text(existing?.riskThreshold) || '12',
  });
  const { error, busy, run } = useSubmit();
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSubmit({
      key: v.key,
      name: v.name,
      partner: v.partner,
      type: v.type,
      tier: numberOrUndefined(v.tier) as number,
      phase: v.phase,
      valueScore: numberOrUndefined(v.valueScore) as number,
      complexityScore: numberOrUndefined(v.complexityScore) as number,
      allianceManager: v.allianceManager,
      startDate: v.startDate || undefined,
      riskThreshold: numberOrUndefined(v.riskThreshold),
    }));
  }

  const label = existing ? 'Save alliance' : 'Register alliance';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      <FormProblem error={error} onReload={onReload} />
      {!existing && (
        <Field id="a-key" label="Key" field="key" error={error} hint="Upper case, e.g. ONC-HELIX; you must be in the alliance's group.">
          {(p) => <input {...p} value={v.key} onChange={set('key')} autoComplete="off" />}
        </Field>
      )}
      <div className="field-row">
        <Field id="a-name" label="Name" field="name" error={error}>
          {(p) => <input {...p} value={v.name} onChange={set('name')} />}
        </Field>
        <Field id="a-partner" label="Partner" field="partner" error={error}>
          {(p) => <input {...p} value={v.partner} onChange={set('partner')} />}
        </Field>
      </div>
      <div className="field-row">
        <Field id="a-type" label="Type" field="type" error={error}>
          {(p) => <select {...p} value={v.type} onChange={set('type')}>{ALLIANCE_TYPES.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}</select>}
        </Field>
        <Field id="a-tier" label="Tier" field="tier" error={error}>
          {(p) => <select {...p} value={v.tier} onChange={set('tier')}>{['1', '2', '3'].map((t) => <option key={t} value={t}>Tier {t}</option>)}</select>}
        </Field>
        {!existing && (
          <Field id="a-phase" label="Phase today" field="phase" error={error}>
            {(p) => <select {...p} value={v.phase} onChange={set('phase')}>{ALLIANCE_PHASES.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}</select>}
          </Field>
        )}
      </div>
      <div className="field-row">
        <Field id="a-value" label="Value (1–5)" field="valueScore" error={error}>
          {(p) => <input {...p} type="number" min={1} max={5} value={v.valueScore} onChange={set('valueScore')} />}
        </Field>
        <Field id="a-complexity" label="Complexity (1–5)" field="complexityScore" error={error}>
          {(p) => <input {...p} type="number" min={1} max={5} value={v.complexityScore} onChange={set('complexityScore')} />}
        </Field>
        <Field id="a-threshold" label="Risk threshold (1–25)" field="riskThreshold" error={error}>
          {(p) => <input {...p} type="number" min={1} max={25} value={v.riskThreshold} onChange={set('riskThreshold')} />}
        </Field>
      </div>
      <div className="field-row">
        <Field id="a-manager" label="Alliance manager" field="allianceManager" error={error}>
          {(p) => <input {...p} value={v.allianceManager} onChange={set('allianceManager')} />}
        </Field>
        <Field id="a-start" label="Start date" field="startDate" error={error}>
          {(p) => <input {...p} type="date" value={v.startDate} onChange={set('startDate')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : label}</button>
      </div>
    </form>
  );
}

/** Moves the alliance on: only the phases its lifecycle allows next are offered. */
export function PhaseForm({ alliance, onSubmit, onCancel, onReload }: {
  alliance: Alliance;
  onSubmit: (phase: AlliancePhase, reason: string) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const next = (alliance.nextPhases ?? []) as AlliancePhase[];
  const [phase, setPhase] = useState<AlliancePhase | ''>(next[0] ?? '');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit();
  if (next.length === 0) return <p>A closed alliance has no further phase.</p>;
  return (
    <form className="form" aria-label="Change phase" noValidate onSubmit={(e) => { e.preventDefault(); if (phase) void run(() => onSubmit(phase, reason)); }}>
      <FormProblem error={error} onReload={onReload} />
      <p>Now in <strong>{humanize(alliance.phase)}</strong>.</p>
      <Field id="p-phase" label="Next phase" field="phase" error={error}>
        {(p) => <select {...p} value={phase} onChange={(e) => setPhase(e.target.value as AlliancePhase)}>{next.map((n) => <option key={n} value={n}>{humanize(n)}</option>)}</select>}
      </Field>
      <Field id="p-reason" label="Reason" field="reason" error={error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button" disabled={busy || !phase}>{busy ? 'Saving…' : 'Change phase'}</button>
      </div>
    </form>
  );
}
