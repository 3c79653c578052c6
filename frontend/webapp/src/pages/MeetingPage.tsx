import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  approveMinutes, comparePackets, decisionDetail, decisionsOf, draftAgenda, generatePacket, meeting, packetContent, packetUrl, packetVersions,
  recordOutcome, saveAgenda, type PacketContent,
} from '../api/api';
import { ApiError } from '../api/http';
import { OUTCOME_TYPES, PURPOSES, type AgendaItem, type Edition, type Meeting, type OutcomeRequest, type OutcomeType } from '../api/schemas';
import { AllianceTag } from '../components/Badges';
import { Empty, ErrorState, Loading, QueryState } from '../components/States';
import { formatDateTime, formatDay, humanize } from '../components/format';
import { canEdit, canRunGovernance, isPartner, useSession } from '../session';
import { meetingHistory, recordAttendance, updateMeeting, type AttendanceEntry, type Side } from '../api/governance';
import { Dialog } from '../components/Dialog';
import { FormProblem, useSubmit } from '../components/Forms';
import { History } from '../components/History';
import { MeetingForm } from '../components/MeetingForm';
import { answerInvitation, type Rsvp } from '../api/partner';
import { RSVPS } from '../api/governance';
import { myPulseInvitation, revokePulseInvitations } from '../api/pulse';

type Tab = 'agenda' | 'packet' | 'minutes' | 'history';

export function MeetingPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab) ?? 'agenda';
  const session = useSession();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: ['meeting', id], queryFn: ({ signal }) => meeting(id, signal) });
  const partner = isPartner(session);
  // The history of a meeting records internal briefings and notes: our side's only.
  const tabs: { key: Tab; label: string }[] = [
    { key: 'agenda', label: 'Agenda' },
    { key: 'packet', label: 'Prep packet' },
    { key: 'minutes', label: 'Minutes' },
    ...(partner ? [] : [{ key: 'history' as const, label: 'History' }]),
  ];
  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['meeting', id] });
    await client.invalidateQueries({ queryKey: ['meeting-history', id] });
  };
  return (
    <div className="page">
      <p className="crumbs"><Link to="/meetings">Meetings</Link> / detail</p>
      <QueryState query={query} label="Loading meeting…">
        {({ data: m, etag }) => (
          <>
            <header className="page-header">
              <h1>{m.title}</h1>
              <div className="header-badges"><AllianceTag id={m.allianceId} /> {m.bodyType && <span className="badge body">{m.bodyType}</span>}</div>
              <p className="muted">
                {formatDateTime(m.startsAt, m.timeZone)} ({m.timeZone}) · {m.durationMinutes} min{m.location ? ` · ${m.location}` : ''}
                {m.callLink && <> · <a href={m.callLink} rel="noreferrer noopener" target="_blank">Call link</a></>}
              </p>
              {canRunGovernance(session) && m.status !== 'MINUTES_APPROVED' && (
                <div className="actions"><button type="button" className="button secondary" onClick={() => setEditing(true)}>Edit meeting and RSVPs</button></div>
              )}
              {(m.attendees ?? []).length > 0 && (
                <p className="small" data-testid="rsvps"><span className="muted">Invited: </span>
                  {(m.attendees ?? []).map((a) => `${a.name} (${humanize(a.rsvp ?? 'PENDING').toLowerCase()})`).join(', ')}
                </p>
              )}
              {(m.attendees ?? []).some((a) => a.user === session.user) && (
                <MyRsvp meeting={m} etag={etag ?? `"${m.version}"`} onSaved={reload} />
              )}
              {m.status === 'MINUTES_APPROVED' && <PulseLinks meeting={m} />}
              {m.internalBriefing && <p className="prewrap small"><span className="muted">Internal briefing: </span>{m.internalBriefing}</p>}
            </header>
            <Dialog title="Edit meeting" open={editing} onClose={() => setEditing(false)}>
              {editing && (
                <MeetingForm existing={m} bodies={[]} onCancel={() => setEditing(false)} onReload={() => { setEditing(false); void reload(); }}
                  onSubmit={async ({ bodyId: _body, ...rest }) => {
                    await updateMeeting(m.id!, rest, etag ?? `"${m.version}"`);
                    await reload();
                    setEditing(false);
                  }} />
              )}
            </Dialog>
            <div className="tabs" role="tablist" aria-label="Meeting">
              {tabs.map((t) => (
                <button key={t.key} type="button" role="tab" id={`tab-${t.key}`} aria-selected={tab === t.key} aria-controls={`panel-${t.key}`}
                  className={tab === t.key ? 'tab active' : 'tab'} onClick={() => setParams({ tab: t.key }, { replace: true })}>
                  {t.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
              {tab === 'agenda' && <AgendaEditor meeting={m} etag={etag} />}
              {tab === 'packet' && <PacketPanel meeting={m} />}
              {tab === 'minutes' && <MinutesPanel meeting={m} etag={etag ?? `"${m.version}"`} />}
              {tab === 'history' && !partner && <MeetingHistory meetingId={m.id!} />}
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}

/**
 * After the minutes are approved, an attendee's own survey link (it opens the public survey page, which needs no
 * session), and for governance operations the way to withdraw the meeting's open links.
 */
function PulseLinks({ meeting: m }: { meeting: Meeting }) {
  const session = useSession();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: ['my-pulse', m.id], queryFn: ({ signal }) => myPulseInvitation(m.id!, signal) });
  const [revoked, setRevoked] = useState<number | null>(null);
  const { error, busy, run } = useSubmit();
  const ops = session.roles.some((r) => ['admin', 'governance-ops'].includes(r));
  return (
    <div className="actions" data-testid="pulse-links">
      {mine.data?.status === 'OPEN' && mine.data.url && (
        <a className="button" href={mine.data.url}>Give feedback on this meeting</a>
      )}
      {mine.data?.status === 'ANSWERED' && <span className="muted">Thank you for your feedback on this meeting.</span>}
      {ops && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void run(async () => {
          const answer = await revokePulseInvitations(m.id!);
          setRevoked(answer.revoked ?? 0);
          await client.invalidateQueries({ queryKey: ['my-pulse', m.id] });
        })}>Withdraw open survey links</button>
      )}
      {revoked !== null && <span className="muted" role="status">{revoked} open survey link{revoked === 1 ? '' : 's'} withdrawn.</span>}
      <FormProblem error={error} />
    </div>
  );
}

/** The signed-in invitee's own answer; a partner's only change to a meeting. */
function MyRsvp({ meeting: m, etag, onSaved }: { meeting: Meeting; etag: string; onSaved: () => Promise<unknown> }) {
  const session = useSession();
  const current = (m.attendees ?? []).find((a) => a.user === session.user)?.rsvp ?? 'PENDING';
  const [answer, setAnswer] = useState<Rsvp>(current);
  const [saved, setSaved] = useState(false);
  useEffect(() => { setAnswer(current); }, [current]);
  const { error, busy, run } = useSubmit();
  return (
    <form className="actions my-rsvp" aria-label="Your RSVP" onSubmit={(e) => {
      e.preventDefault();
      setSaved(false);
      void run(async () => { await answerInvitation(m.id!, answer, etag); await onSaved(); setSaved(true); });
    }}>
      <label className="field inline"><span>Your RSVP</span>
        <select value={answer} onChange={(e) => { setAnswer(e.target.value as Rsvp); setSaved(false); }} data-testid="my-rsvp-select">
          {RSVPS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
        </select>
      </label>
      <button type="submit" className="button secondary" disabled={busy || answer === current}>{busy ? 'Sending…' : 'Send RSVP'}</button>
      {saved && <span className="muted" role="status">RSVP sent: {humanize(current).toLowerCase()}</span>}
      <FormProblem error={error} onReload={() => void onSaved()} />
    </form>
  );
}

function AgendaEditor({ meeting: m, etag: readEtag }: { meeting: Meeting; etag?: string }) {
  const session = useSession();
  const editable = canEdit(session) && !session.roles.includes('stakeholder');
  const etag = readEtag ?? `"${m.version}"`;
  const client = useQueryClient();
  const [items, setItems] = useState<AgendaItem[]>(m.agenda ?? []);
  const [dirty, setDirty] = useState(false);
  // The decisions an agenda line may bring to the committee: the alliance's decisions still to be taken.
  const decisions = useQuery({ queryKey: ['decisions', m.allianceId], queryFn: ({ signal }) => decisionsOf(m.allianceId!, signal), enabled: editable });
  const openDecisions = (decisions.data ?? []).filter((d) => !['DECIDED', 'WITHDRAWN'].includes(d.status ?? ''));
  useEffect(() => { setItems(m.agenda ?? []); setDirty(false); }, [m]);
  const save = useMutation({
    mutationFn: () => saveAgenda(m.id!, items, etag),
    onSuccess: async () => { setDirty(false); await client.invalidateQueries({ queryKey: ['meeting', m.id] }); },
  });
  const draft = useMutation({
    mutationFn: () => draftAgenda(m.id!, etag),
    onSuccess: async () => { setDirty(false); await client.invalidateQueries({ queryKey: ['meeting', m.id] }); },
  });
  const update = (index: number, patch: Partial<AgendaItem>) => { setItems((all) => all.map((it, i) => (i === index ? { ...it, ...patch } : it))); setDirty(true); };
  const moveItem = (index: number, by: number) => {
    setItems((all) => {
      const next = [...all];
      const [it] = next.splice(index, 1);
      next.splice(index + by, 0, it);
      return next;
    });
    setDirty(true);
  };
  const total = items.reduce((s, i) => s + (i.durationMinutes ?? 0), 0);
  return (
    <section className="panel" aria-label="Agenda editor">
      <div className="row">
        <h2>Agenda <span className="muted small">{items.length} items · {total} min</span></h2>
        {editable && (
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => draft.mutate()} disabled={draft.isPending || dirty} title="Proposes items from the decisions, risks, obligations and actions that are due">
              {draft.isPending ? 'Drafting…' : 'Draft from what is due'}
            </button>
            <button type="button" className="button secondary" onClick={() => { setItems((a) => [...a, { section: a[a.length - 1]?.section ?? 'Other business', title: '', purpose: 'INFORMATION', durationMinutes: 10 }]); setDirty(true); }}>Add item</button>
            <button type="button" className="button" disabled={!dirty || save.isPending} onClick={() => save.mutate()}>{save.isPending ? 'Saving…' : 'Save agenda'}</button>
          </div>
        )}
      </div>
      {draft.isError && <ErrorState error={draft.error} />}
      {save.isError && save.error instanceof ApiError && save.error.problem.errors?.length ? (
        <div className="form-error" role="alert">
          <strong>Some agenda items are not valid</strong>
          <ul>{save.error.problem.errors.map((e) => <li key={e.field}>{agendaFieldLabel(e.field)}: {e.message}</li>)}</ul>
        </div>
      ) : save.isError && (save.error instanceof ApiError && save.error.status === 412
        ? <ErrorState error={new ApiError({ title: 'The agenda changed since you opened it', status: 412, detail: 'Reload the page to see the latest agenda, then reapply your edits.' })} />
        : <ErrorState error={save.error} />)}
      {items.length === 0 ? <Empty title="No agenda yet">Generate a packet to draft it from what is due, or add items.</Empty> : (
        <ol className="agenda">
          {items.map((item, index) => (
            <li key={item.id ?? `new-${index}`} className="agenda-item" data-testid="agenda-item">
              <span className="rank">{index + 1}</span>
              {editable ? (
                <div className="agenda-fields">
                  <input aria-label={`Section of item ${index + 1}`} placeholder="Section" value={item.section ?? ''} onChange={(e) => update(index, { section: e.target.value })} />
                  <input aria-label={`Title of item ${index + 1}`} placeholder="Title" className="grow" value={item.title ?? ''} onChange={(e) => update(index, { title: e.target.value })} />
                  <input aria-label={`Presenter of item ${index + 1}`} placeholder="Presenter" value={item.presenter ?? ''} onChange={(e) => update(index, { presenter: e.target.value })} />
                  <input aria-label={`Minutes for item ${index + 1}`} type="number" min={0} className="narrow" value={item.durationMinutes ?? ''} onChange={(e) => update(index, { durationMinutes: e.target.value === '' ? undefined : Number(e.target.value) })} />
                  <select aria-label={`Purpose of item ${index + 1}`} value={item.purpose} onChange={(e) => update(index, { purpose: e.target.value as AgendaItem['purpose'] })}>
                    {PURPOSES.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
                  </select>
                  <select aria-label={`Decision of item ${index + 1}`} value={item.decisionId ?? ''} onChange={(e) => update(index, { decisionId: e.target.value || undefined })}>
                    <option value="">No decision</option>
                    {item.decisionId && !openDecisions.some((d) => d.id === item.decisionId) && <option value={item.decisionId}>Decision {item.decisionId.slice(0, 8)}</option>}
                    {openDecisions.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
                  </select>
                  <span className="agenda-buttons">
                    <button type="button" className="icon-button" aria-label={`Move item ${index + 1} up`} disabled={index === 0} onClick={() => moveItem(index, -1)}>↑</button>
                    <button type="button" className="icon-button" aria-label={`Move item ${index + 1} down`} disabled={index === items.length - 1} onClick={() => moveItem(index, 1)}>↓</button>
                    <button type="button" className="icon-button" aria-label={`Remove item ${index + 1}`} onClick={() => { setItems((a) => a.filter((_, i) => i !== index)); setDirty(true); }}>×</button>
                  </span>
                </div>
              ) : (
                <div className="agenda-fields readonly">
                  <span className="muted">{item.section}</span><strong className="grow">{item.title}</strong>
                  <span>{item.presenter}</span><span>{item.durationMinutes ?? '–'} min</span><span className={`badge purpose-${(item.purpose ?? '').toLowerCase()}`}>{humanize(item.purpose)}</span>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PacketPanel({ meeting: m }: { meeting: Meeting }) {
  const session = useSession();
  const client = useQueryClient();
  // Stakeholders (who include the partner's people) may read the partner edition only; our side reads both.
  const internal = canEdit(session) && !session.roles.includes('stakeholder');
  const [edition, setEdition] = useState<Edition | 'BOTH'>(internal ? 'INTERNAL' : 'PARTNER');
  const single: Edition = edition === 'BOTH' ? 'INTERNAL' : edition;
  const mayGenerate = canRunGovernance(session);
  const versions = useQuery({ queryKey: ['packets', m.id], queryFn: ({ signal }) => packetVersions(m.id!, signal) });
  const sorted = [...(versions.data ?? [])].sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  const [selected, setSelected] = useState<number | null>(null);
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const current = selected ?? sorted[0]?.version ?? null;
  const [started, setStarted] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const generate = useMutation({
    mutationFn: () => generatePacket(m.id!),
    onMutate: () => { setStarted(Date.now()); setElapsed(0); },
    onSettled: () => setStarted(null),
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: ['packets', m.id] });
      setSelected(answer.version ?? null);
      setCompareWith(null);
    },
  });
  useEffect(() => {
    if (started == null) return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [started]);

  return (
    <section className="panel" aria-label="Prep packet">
      <div className="row">
        <h2>Prep packet</h2>
        <div className="actions">
          {internal ? (
            <label className="field inline"><span>Edition</span>
              <select value={edition} onChange={(e) => setEdition(e.target.value as Edition | 'BOTH')}>
                <option value="INTERNAL">Internal</option>
                <option value="PARTNER">Partner (shareable)</option>
                <option value="BOTH">Both, side by side</option>
              </select>
            </label>
          ) : <span className="muted">Partner edition</span>}
          {mayGenerate && (
            <button type="button" className="button" onClick={() => generate.mutate()} disabled={generate.isPending}>
              {generate.isPending ? 'Generating…' : 'Generate packet'}
            </button>
          )}
        </div>
      </div>
      {generate.isPending && (
        <div className="progress" role="progressbar" aria-label="Generating the packet" aria-valuetext={`Generating, ${elapsed} seconds`}>
          <div className="progress-bar indeterminate" />
          <span>Collecting decisions, progress, risks, obligations and actions, then rendering HTML and PDF… {elapsed}s</span>
        </div>
      )}
      {generate.isError && <ErrorState error={generate.error} />}
      {generate.isSuccess && <p className="notice success" role="status">Packet version {generate.data.version ?? ''} generated.</p>}
      {versions.isPending ? <Loading label="Loading packet versions…" /> : versions.isError ? <ErrorState error={versions.error} retry={() => void versions.refetch()} />
        : sorted.length === 0 ? <Empty title="No packet yet">{mayGenerate ? 'Generate the first version.' : 'Governance operations has not generated one yet.'}</Empty>
          : (
            <div className="packet-layout">
              <aside aria-label="Packet versions">
                <h3>Versions</h3>
                <ul className="versions">
                  {sorted.map((v) => (
                    <li key={v.version} className={v.version === current ? 'current' : ''}>
                      <button type="button" className="link-button" onClick={() => { setSelected(v.version ?? null); setCompareWith(null); }} aria-current={v.version === current}>
                        Version {v.version}
                      </button>
                      <span className="muted small">{formatDateTime(v.generatedAt)}</span>
                      {v.version !== current && current != null && (
                        <button type="button" className="link-button small" onClick={() => setCompareWith(v.version ?? null)}>Compare with v{current}</button>
                      )}
                    </li>
                  ))}
                </ul>
              </aside>
              {current != null && (
                <div className="packet-view">
                  <div className="row">
                    <h3>Version {current} · {edition === 'BOTH' ? 'internal and partner editions' : edition === 'PARTNER' ? 'partner edition' : 'internal edition'}</h3>
                    {(edition === 'BOTH' ? (['INTERNAL', 'PARTNER'] as Edition[]) : [single]).map((e) => (
                      <a key={e} className="button secondary" href={packetUrl(m.id!, current, e, 'pdf')} download={`${m.allianceId}-${m.bodyType ?? 'meeting'}-packet-v${current}-${e.toLowerCase()}.pdf`} data-testid="download-pdf">
                        Download PDF{edition === 'BOTH' ? ` (${e === 'PARTNER' ? 'partner' : 'internal'})` : ''}
                      </a>
                    ))}
                  </div>
                  {compareWith != null
                    ? <PacketCompare meetingId={m.id!} edition={edition === 'BOTH' ? 'INTERNAL' : edition} from={Math.min(compareWith, current)} to={Math.max(compareWith, current)} />
                    : edition === 'BOTH' ? (
                      <div className="packet-editions">
                        <section aria-label="Internal edition"><h4>Internal edition</h4><PacketViewer meetingId={m.id!} version={current} edition="INTERNAL" /></section>
                        <section aria-label="Partner edition"><h4>Partner edition (shareable)</h4><PacketViewer meetingId={m.id!} version={current} edition="PARTNER" /></section>
                      </div>
                    ) : <PacketViewer meetingId={m.id!} version={current} edition={edition} />}
                </div>
              )}
            </div>
          )}
    </section>
  );
}

function MeetingHistory({ meetingId }: { meetingId: string }) {
  const history = useQuery({ queryKey: ['meeting-history', meetingId], queryFn: ({ signal }) => meetingHistory(meetingId, signal) });
  return (
    <section className="panel" aria-labelledby="h-history">
      <h2 id="h-history">History</h2>
      <QueryState query={history} label="Loading history…" isEmpty={(l) => l.length === 0} empty={<Empty title="No changes recorded" />}>
        {(changes) => <History changes={changes} label="Changes to this meeting, newest first" />}
      </QueryState>
    </section>
  );
}

function PacketViewer({ meetingId, version, edition }: { meetingId: string; version: number; edition: Edition }) {
  const content = useQuery({ queryKey: ['packet', meetingId, version, edition], queryFn: ({ signal }) => packetContent(meetingId, version, edition, signal) });
  return (
    <QueryState query={content} label="Loading packet…">
      {(c) => <PacketBody content={c} edition={edition} />}
    </QueryState>
  );
}

function PacketBody({ content, edition }: { content: PacketContent; edition: Edition }) {
  if (content.kind === 'html') {
    // No scripts, no same-origin access: the packet is shown, never run.
    return <iframe className="packet-frame" title={edition === 'PARTNER' ? 'Packet, partner edition' : 'Packet, internal edition'} sandbox="" srcDoc={content.html} data-testid="packet-frame" />;
  }
  return (
    <div className="packet-json" data-testid="packet-json">
      {Object.entries(content.data).map(([section, value]) => (
        <section key={section}>
          <h4>{humanize(section.replace(/([a-z])([A-Z])/g, '$1_$2'))}</h4>
          {Array.isArray(value) ? (
            value.length === 0 ? <p className="muted">None</p> : (
              <ul>{value.map((v, i) => <li key={i}>{typeof v === 'object' && v ? String((v as Record<string, unknown>).title ?? (v as Record<string, unknown>).name ?? JSON.stringify(v)) : String(v)}</li>)}</ul>
            )
          ) : typeof value === 'object' && value ? <pre>{JSON.stringify(value, null, 2)}</pre> : <p>{String(value)}</p>}
        </section>
      ))}
    </div>
  );
}

function PacketCompare({ meetingId, edition, from, to }: { meetingId: string; edition: Edition; from: number; to: number }) {
  const diff = useQuery({ queryKey: ['packet-diff', meetingId, from, to, edition], queryFn: ({ signal }) => comparePackets(meetingId, from, to, edition, signal) });
  return (
    <QueryState query={diff} label="Comparing versions…">
      {(d) => {
        const changed = (d.sections ?? []).map((sec) => ({ section: sec.section ?? '', added: sec.added ?? [], removed: sec.removed ?? [], changed: sec.changed ?? [] }))
          .filter((sec) => sec.added.length || sec.removed.length || sec.changed.length);
        return (
          <div className="diff" aria-label={`Changes from version ${from} to ${to}`}>
            <p className="muted">{changed.length === 0 ? `Versions ${from} and ${to} have the same content.` : `What changed from version ${from} to ${to}:`}</p>
            {changed.map((sec) => (
              <section key={sec.section}>
                <h4>{humanize(sec.section.replace(/([a-z])([A-Z])/g, '$1_$2'))}</h4>
                <ul>
                  {sec.added.map((a) => <li key={`a-${a}`} className="diff-added"><span aria-hidden="true">+ </span><span className="visually-hidden">added </span>{a}</li>)}
                  {sec.removed.map((r) => <li key={`r-${r}`} className="diff-removed"><span aria-hidden="true">− </span><span className="visually-hidden">removed </span>{r}</li>)}
                  {sec.changed.map((c) => <li key={`c-${c.key}`} className="diff-changed"><span aria-hidden="true">~ </span>{c.key}: {(c.fields ?? []).join(', ')} changed</li>)}
                </ul>
              </section>
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}

function agendaFieldLabel(field: string): string {
  const match = /items\[(\d+)\]\.(\w+)/.exec(field);
  return match ? `Item ${Number(match[1]) + 1}, ${match[2]}` : field;
}

const OUTCOME_LABEL: Record<OutcomeType, string> = {
  INFORMATION_NOTED: 'Information noted',
  DECISION_MADE: 'Decision taken',
  ACTION_ITEM: 'Action item',
};

function MinutesPanel({ meeting: m, etag }: { meeting: Meeting; etag: string }) {
  const session = useSession();
  const editable = canRunGovernance(session);
  const client = useQueryClient();
  const agenda = m.agenda ?? [];
  const outcomes = m.outcomes ?? [];
  const [draft, setDraft] = useState<OutcomeRequest>({ agendaItemId: agenda[0]?.id ?? '', type: 'INFORMATION_NOTED' });
  const refresh = () => client.invalidateQueries({ queryKey: ['meeting', m.id] });
  const record = useMutation({
    mutationFn: (input: OutcomeRequest) => recordOutcome(m.id!, input, etag),
    onSuccess: async () => { setDraft({ agendaItemId: draft.agendaItemId, type: 'INFORMATION_NOTED' }); await refresh(); },
  });
  const approve = useMutation({ mutationFn: () => approveMinutes(m.id!, etag), onSuccess: refresh });
  const approved = !!m.minutesApprovedAt;
  const actions = outcomes.filter((o) => o.type === 'ACTION_ITEM');
  const titleOf = (id?: string) => agenda.find((a) => a.id === id)?.title ?? id;
  const error = record.error instanceof ApiError ? record.error : null;
  return (
    <section className="panel" aria-label="Minutes">
      <div className="row">
        <h2>Minutes {approved && <span className="badge status status-decided">Approved {formatDateTime(m.minutesApprovedAt)}{m.minutesApprovedBy ? ` by ${m.minutesApprovedBy}` : ''}</span>}</h2>
        {editable && !approved && outcomes.length > 0 && (
          <button type="button" className="button secondary" onClick={() => approve.mutate()} disabled={approve.isPending}>Approve minutes</button>
        )}
      </div>
      {approve.isError && (approve.error instanceof ApiError && approve.error.status === 412
        ? <FormProblem error={approve.error} onReload={() => void refresh()} /> : <ErrorState error={approve.error} />)}
      {editable && !approved && <AttendanceForm meeting={m} etag={etag} onSaved={refresh} />}
      {m.attendance?.length ? (
        <p className="muted">Present: {m.attendance.filter((a) => a.present).map((a) => `${a.name} (${a.organisation})`).join(', ') || 'nobody recorded'}</p>
      ) : null}
      {outcomes.length === 0 ? <Empty title="No outcomes recorded yet" /> : (
        <table className="table" aria-label="Outcomes">
          <thead><tr><th>Agenda item</th><th>Outcome</th><th>Details</th></tr></thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.id}>
                <td>{titleOf(o.agendaItemId)}</td>
                <td>{o.type ? OUTCOME_LABEL[o.type] : humanize(o.type)}</td>
                <td>
                  {o.notes}
                  {o.chosenOption && <div>Chosen option: <strong>{o.chosenOption}</strong>{o.rationale ? ` — ${o.rationale}` : ''}</div>}
                  {o.actionTitle && <div>Action: {o.actionTitle} — {o.owner}, due {formatDay(o.dueDate)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.length > 0 && (
        <>
          <h3>Action items</h3>
          <ul className="list" aria-label="Action items">{actions.map((o) => <li key={o.id}><span>{o.actionTitle}</span><span className="list-meta">{o.owner} · due {formatDay(o.dueDate)}</span></li>)}</ul>
        </>
      )}
      {editable && !approved && agenda.length > 0 && (
        <form className="form outcome-form" aria-label="Record an outcome" onSubmit={(e) => { e.preventDefault(); record.mutate(draft); }}>
          <h3>Record an outcome</h3>
          {record.isError && (record.error instanceof ApiError && record.error.status === 412
            ? <FormProblem error={record.error} onReload={() => void refresh()} /> : <ErrorState error={record.error} />)}
          <div className="field-row">
            <label className="field"><span>Agenda item</span>
              <select value={draft.agendaItemId} onChange={(e) => setDraft({ ...draft, agendaItemId: e.target.value })}>
                {agenda.map((a, i) => <option key={a.id ?? i} value={a.id ?? ''}>{i + 1}. {a.title}</option>)}
              </select>
            </label>
            <label className="field"><span>Outcome</span>
              <select value={draft.type} onChange={(e) => setDraft({ agendaItemId: draft.agendaItemId, notes: draft.notes, type: e.target.value as OutcomeType })}>
                {OUTCOME_TYPES.map((k) => <option key={k} value={k}>{OUTCOME_LABEL[k]}</option>)}
              </select>
            </label>
          </div>
          <label className="field"><span>Notes</span><textarea rows={2} value={draft.notes ?? ''} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} /></label>
          {draft.type === 'DECISION_MADE' && (
            <div className="field-row">
              <ChosenOption decisionId={agenda.find((a) => a.id === draft.agendaItemId)?.decisionId} value={draft.chosenOption ?? ''} onChange={(chosenOption) => setDraft({ ...draft, chosenOption })} />
              <label className="field"><span>Rationale</span><input value={draft.rationale ?? ''} onChange={(e) => setDraft({ ...draft, rationale: e.target.value })} /></label>
            </div>
          )}
          {draft.type === 'ACTION_ITEM' && (
            <div className="field-row">
              <label className="field"><span>Action</span><input value={draft.actionTitle ?? ''} onChange={(e) => setDraft({ ...draft, actionTitle: e.target.value })} /></label>
              <label className="field"><span>Owner</span><input value={draft.owner ?? ''} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} /></label>
              <label className="field"><span>Due</span><input type="date" value={draft.dueDate ?? ''} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} /></label>
            </div>
          )}
          {error?.problem.errors?.map((e) => <p key={e.field} className="field-error">{e.field}: {e.message}</p>)}
          <div className="form-actions"><button type="submit" className="button" disabled={record.isPending || !draft.agendaItemId}>Add outcome</button></div>
        </form>
      )}
    </section>
  );
}

/** Who was there: everyone invited, ticked when present; the quorum counts the body's voting members among them. */
function AttendanceForm({ meeting: m, etag, onSaved }: { meeting: Meeting; etag: string; onSaved: () => Promise<unknown> }) {
  const started = new Date(m.startsAt ?? 0).getTime() <= Date.now();
  const initial = (): AttendanceEntry[] => (m.attendance?.length
    ? m.attendance.map((a) => ({ name: a.name ?? '', organisation: a.organisation ?? '', side: (a.side ?? 'US') as Side, present: !!a.present }))
    : (m.attendees ?? []).map((a) => ({ name: a.name ?? '', organisation: a.organisation ?? '', side: (a.side ?? 'US') as Side, present: a.rsvp === 'ACCEPTED' })));
  const [entries, setEntries] = useState<AttendanceEntry[]>(initial);
  useEffect(() => { setEntries(initial()); }, [m]); // eslint-disable-line react-hooks/exhaustive-deps
  const { error, busy, run } = useSubmit();
  if (!started) return <p className="muted">Attendance and outcomes can be recorded once the meeting has started.</p>;
  if (entries.length === 0) return <p className="muted">Nobody is invited; add attendees with “Edit meeting and RSVPs”.</p>;
  return (
    <form className="form" aria-label="Record attendance" onSubmit={(e) => { e.preventDefault(); void run(async () => { await recordAttendance(m.id!, entries, etag); await onSaved(); }); }}>
      <h3>Attendance</h3>
      <FormProblem error={error} onReload={() => void onSaved()} />
      <ul className="attendance-list">
        {entries.map((a, i) => (
          <li key={`${a.name}-${i}`}>
            <label className="checkbox">
              <input type="checkbox" checked={a.present} onChange={(e) => setEntries((all) => all.map((x, j) => (j === i ? { ...x, present: e.target.checked } : x)))} />
              {' '}{a.name} <span className="muted">({a.organisation})</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="form-actions"><button type="submit" className="button secondary" disabled={busy}>{busy ? 'Saving…' : m.attendance?.length ? 'Update attendance' : 'Save attendance'}</button></div>
    </form>
  );
}

/** The options of the decision the agenda item names; a free text key when the decision cannot be read. */
function ChosenOption({ decisionId, value, onChange }: { decisionId?: string; value: string; onChange: (key: string) => void }) {
  const detail = useQuery({ queryKey: ['decision', decisionId], queryFn: ({ signal }) => decisionDetail(decisionId!, signal), enabled: !!decisionId });
  const options = detail.data?.options ?? [];
  if (!decisionId) return <p className="field-error" role="note">This agenda item names no decision: link one in the agenda first.</p>;
  if (detail.isPending) return <Loading label="Loading the decision's options…" />;
  if (options.length === 0) {
    return <label className="field"><span>Chosen option</span><input value={value} onChange={(e) => onChange(e.target.value)} /></label>;
  }
  return (
    <label className="field"><span>Chosen option</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {options.map((o) => <option key={o.key} value={o.key}>{o.key} — {o.title}</option>)}
      </select>
    </label>
  );
}
